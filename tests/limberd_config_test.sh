#!/usr/bin/env bash
# Editing limber.toml under a running limberd: a good edit is taken up at once (inotify), a bad
# one is reported with its place and key while the last good settings stay, and fixing it
# clears the error; `limberctl reload` does the same on demand. A broken file at start-up
# leaves limberd on the shipped defaults, saying why.
# Usage: limberd_config_test.sh LIMBERD LIMBERCTL
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2
. "$(dirname "$0")/support/daemon_env.sh"
LIMBER_FAILED=0
file=$XDG_CONFIG_HOME/limber/limber.toml

# every_is DURATION: the settings file with breaks.every = DURATION (on line 2, column 9).
every_is() {
  settings "[breaks]
every = $1
[working_hours]
enabled = false
[daily_routine]
enabled = false"
}
# until_due_at_most SECONDS: waits (5 s at most) for until_due_seconds to reach SECONDS or less.
until_due_at_most() {
  local i got=
  for i in $(seq 100); do
    got=$(status_get "['until_due_seconds']")
    [ "$got" -le "$1" ] && { echo "ok   until due: $got s (at most $1)"; return 0; }
    sleep 0.05
  done
  echo "FAIL until due: $got s, expected at most $1" >&2
  LIMBER_FAILED=1
}

every_is '"45m"'
start_limberd --activity-source none
watch_events
check "no error at start" "$(status_get "['config_error']")" None
until_due_at_most 2700

every_is '"30m"'
wait_for '"event":"config_reloaded"' 5
until_due_at_most 1800

every_is '"soon"'
wait_for '"event":"config_error"' 5
error=$(grep '"event":"config_error"' "$LIMBER_TEST_DIR/events" | tail -n1)
case $error in
  *"limber.toml:2:9: breaks.every"*) echo "ok   config_error event: $error" ;;
  *) echo "FAIL config_error event without file:line:column and key: $error" >&2; LIMBER_FAILED=1 ;;
esac
check "status reports the error" "$(status_get "['config_error']" | grep -o 'limber.toml:2:9: breaks.every')" "limber.toml:2:9: breaks.every"
until_due_at_most 1800  # the last good settings stay
expect_exit "status text shows the error" 0 "Settings error: .*limber.toml:2:9: breaks.every" "$LIMBERCTL" status
expect_exit "reload of the bad file" 3 "limber.toml:2:9: breaks.every" "$LIMBERCTL" reload
check "error still reported after reload" "$(status_get "['config_error']" | grep -c 'breaks.every')" 1

every_is '"20m"'
wait_for '"event":"config_reloaded"' 5 2
wait_status "['config_error']" None 5
until_due_at_most 1200
expect_exit "reload of the good file" 0 "^Settings reloaded$" "$LIMBERCTL" reload
check "no error after reload" "$(status_get "['config_error']")" None
stop_limberd

# A broken file at start-up: the shipped defaults (45 min), and the error in the log and status.
# The shipped working hours and daily routine apply too: a clock set to a Monday morning, so
# that the next thing due is a break whatever the hour the test runs at.
printf '[breaks]\nevery = 45\n' >"$file"
TZ=UTC start_limberd --activity-source none --clock-start 2026-03-23T10:00:00Z
check "status reports the start-up error" "$(status_get "['config_error']" | grep -o 'limber.toml:2:9: breaks.every')" \
  "limber.toml:2:9: breaks.every"
due=$(status_get "['until_due_seconds']")
[ "$due" -gt 2600 ] && [ "$due" -le 2700 ] && echo "ok   the shipped default applies: $due s until due" ||
  { echo "FAIL until due with the shipped defaults: $due" >&2; LIMBER_FAILED=1; }
grep -q "limber.toml:2:9: breaks.every" "$LIMBER_TEST_DIR/limberd.log" && grep -q "shipped defaults" "$LIMBER_TEST_DIR/limberd.log" &&
  echo "ok   the log names the error and the defaults" ||
  { echo "FAIL the log:" >&2; cat "$LIMBER_TEST_DIR/limberd.log" >&2; LIMBER_FAILED=1; }
stop_limberd
exit "$LIMBER_FAILED"
