#!/usr/bin/env bash
# limberd watching a private Xvfb through XSync: a user moving the mouse earns a break, stops
# (away, then a natural break when back), and the record holds the events and the spans.
# Usage: limberd_x11_test.sh LIMBERD LIMBERCTL. Exits 77 (skipped) without Xvfb or xdotool.
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2
. "$(dirname "$0")/support/daemon_env.sh"
LIMBER_FAILED=0
start_xvfb

# Idle is reported after natural_break / 2 = 3 s without input.
settings '[breaks]
every = "8s"
warn_before = "0s"
[idle]
natural_break = "6s"
[working_hours]
enabled = false
[daily_routine]
enabled = false'
# Move the mouse every half second until the break comes due, from before limberd starts:
# a limberd slow to start (under valgrind, several seconds) finds a user at work, as it
# would at login, not one already idle for the 3 s threshold.
x=10
mover() { while :; do x=$(((x + 7) % 600)); xdotool mousemove "$x" 20; sleep 0.5; done; }
mover &
mover_pid=$!
LIMBER_TEST_PIDS+=("$mover_pid")
start_limberd --activity-source x11
watch_events
wait_for '"event":"break_due"' 20
check "activity while moving" "$(status_get "['activity']")" active
kill "$mover_pid"; wait "$mover_pid" 2>/dev/null || true

# Hands off: idle after 3 s, away (a natural break under way) after 6 s.
wait_for '"event":"away_started"' 15
check "activity while away" "$(status_get "['activity']")" idle
xdotool mousemove 300 300
wait_for '"event":"natural_break"' 5
check "activity when back" "$(status_get "['activity']")" active
away=$(grep '"event":"natural_break"' "$LIMBER_TEST_DIR/events" | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["data"]["away_seconds"])')
[ "$away" -ge 6 ] && [ "$away" -le 12 ] && echo "ok   natural break of $away s" ||
  { echo "FAIL natural break of $away s, expected 6 to 12" >&2; LIMBER_FAILED=1; }

stop_limberd
db=$XDG_DATA_HOME/limber/limber.db
check "event rows" "$(sqlite3 "$db" "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM events ORDER BY at_ms, id)")" \
  "break_due away_started natural_break"
check "activity spans" "$(sqlite3 "$db" "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM activity ORDER BY start_ms)")" \
  "active idle active"
exit "$LIMBER_FAILED"
