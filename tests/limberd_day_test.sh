#!/usr/bin/env bash
# Plays a scripted morning into the real limberd, 600 times faster than real time, answers the
# first break through limberctl, and checks the summary and the database.
# Usage: limberd_day_test.sh LIMBERD LIMBERCTL SCRIPT
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2 script=$3
. "$(dirname "$0")/support/daemon_env.sh"
LIMBER_FAILED=0

settings '[working_hours]
enabled = false
[daily_routine]
enabled = false'
export TZ=UTC
start_limberd --activity-source "script:$script" --time-scale 600 --clock-start 2026-03-23T09:00:00Z
watch_events

wait_for '"event":"break_due"' 20
"$LIMBERCTL" start >/dev/null
"$LIMBERCTL" done >/dev/null
wait_for '"event":"away_started"' 30 3  # the last, 5 min into the final idle: nothing follows

"$LIMBERCTL" summary --json >"$LIMBER_TEST_DIR/summary.json"
"$LIMBERCTL" summary >"$LIMBER_TEST_DIR/summary.txt"
s=$LIMBER_TEST_DIR/summary.json
check "breaks due" "$(json_get "$s" "['breaks']['due']")" 2
check "breaks taken" "$(json_get "$s" "['breaks']['taken']")" 1
check "breaks missed" "$(json_get "$s" "['breaks']['missed']")" 0
check "natural breaks" "$(json_get "$s" "['breaks']['natural']")" 2
check "compliance" "$(json_get "$s" "['compliance']")" 0.5
check "routine done" "$(json_get "$s" "['routines'][0]['id']")" quick-daily-reset
check "week" "$(json_get "$s" "['week']")" 2026-W13
# Active time: 1h + 50m + 5m of script. A real millisecond is 0.6 s here, so allow a few seconds.
active=$(json_get "$s" "['active_seconds']")
[ "$active" -ge $((115 * 60 - 10)) ] && [ "$active" -le $((115 * 60 + 10)) ] && echo "ok   active seconds: $active" ||
  { echo "FAIL active seconds: $active, expected about $((115 * 60))" >&2; LIMBER_FAILED=1; }
grep -q "Routines done: Quick Daily Reset x1" "$LIMBER_TEST_DIR/summary.txt" && echo "ok   text summary" ||
  { echo "FAIL text summary:" >&2; cat "$LIMBER_TEST_DIR/summary.txt" >&2; LIMBER_FAILED=1; }

"$LIMBERCTL" export --csv >"$LIMBER_TEST_DIR/export.csv"
check "exported kinds" "$(cut -d, -f3 "$LIMBER_TEST_DIR/export.csv" | tail -n +2 | tr '\n' ' ')" \
  "warning break_due break_started break_completed away_started natural_break warning break_due away_started natural_break away_started "

kill -TERM "$LIMBERD_PID"
wait "$LIMBERD_PID" && echo "ok   limberd stopped cleanly on SIGTERM" || { echo "FAIL limberd exit status $?" >&2; LIMBER_FAILED=1; }
db=$XDG_DATA_HOME/limber/limber.db
check "database integrity" "$(sqlite3 "$db" 'PRAGMA integrity_check')" ok
check "saved schedule" "$(sqlite3 "$db" "SELECT count(*) FROM kv WHERE key = 'scheduler'")" 1
check "activity spans merged" "$(sqlite3 "$db" "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM activity ORDER BY start_ms)")" \
  "active idle active locked active idle"

# Started with the shipped settings after the daily routine's time (17:30 on a working Monday):
# the routine is due at once, published while the schedule is still being made.
rm -f "$XDG_CONFIG_HOME/limber/limber.toml"
start_limberd --activity-source none --clock-start 2026-03-23T17:45:00Z
wait_status "['phase']" due 5
check "the daily routine due at start" "$("$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["next_routine"])')" end-of-day-relief
check "its offer recorded" "$(sqlite3 "$db" "SELECT count(*) FROM events WHERE kind = 'break_due' AND routine = 'end-of-day-relief'")" 1
stop_limberd
exit "$LIMBER_FAILED"
