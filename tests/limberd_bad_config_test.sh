#!/usr/bin/env bash
# Every kind of broken limber.toml under a running limberd: a syntax error, a wrong type, a value
# out of range, an unknown routine, an unknown key, a directory where the file should be, and a
# file limberd may not read. Each is reported with the file, line, column and key (or what is
# wrong with the file), in the log, the status and a config_error event, while the last good
# settings stay in force; an empty file means every default; fixing the file clears the error.
# Usage: limberd_bad_config_test.sh LIMBERD LIMBERCTL
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2
. "$(dirname "$0")/support/daemon_env.sh"
LIMBER_FAILED=0
file=$XDG_CONFIG_HOME/limber/limber.toml

good() {
  settings '[breaks]
every = "30m"
[working_hours]
enabled = false
[daily_routine]
enabled = false'
}
# until_due_between LOW HIGH: until_due_seconds is in [LOW, HIGH] within 5 s.
until_due_between() {
  local i got=
  for i in $(seq 100); do
    got=$(status_get "['until_due_seconds']")
    [ "$got" -ge "$1" ] && [ "$got" -le "$2" ] && { echo "ok   until due: $got s, in [$1, $2]"; return 0; }
    sleep 0.05
  done
  echo "FAIL until due: $got s, expected in [$1, $2]" >&2
  LIMBER_FAILED=1
}
# expect_error LABEL PATTERN: a config_error event, the status and the log carry PATTERN (no
# quotes in it: the event is JSON), and the 30-minute schedule of the last good file is still
# the one in force.
expect_error() {
  local i event=
  for i in $(seq 100); do
    event=$(grep '"event":"config_error"' "$LIMBER_TEST_DIR/events" | grep -F -- "$2" | tail -n1 || true)
    [ -n "$event" ] && break
    sleep 0.05
  done
  if [ -n "$event" ]; then
    echo "ok   $1: config_error event names it: $2"
  else
    echo "FAIL $1: no config_error event with '$2'; events:" >&2
    grep '"event":"config_error"' "$LIMBER_TEST_DIR/events" >&2 || true
    LIMBER_FAILED=1
  fi
  local in_status
  in_status=$(status_get "['config_error']")
  case $in_status in
    *"$2"*) echo "ok   $1: status names it" ;;
    *) echo "FAIL $1: status config_error is '$in_status'" >&2; LIMBER_FAILED=1 ;;
  esac
  grep -qF -- "$2" "$LIMBER_TEST_DIR/limberd.log" && echo "ok   $1: the log names it" ||
    { echo "FAIL $1: not in the log" >&2; LIMBER_FAILED=1; }
  until_due_between 1 1800  # the last good file's 30 minutes, not the default 45
}

good
start_limberd --activity-source none
watch_events
until_due_between 1700 1800

# bad TEXT: limber.toml becomes TEXT (written in place, the way a text editor saves).
bad() { printf '%b' "$1" >"$file"; }

bad '[breaks\nevery = "20m"\n'
expect_error "syntax" 'limber.toml:1:8: syntax error'
bad '[breaks]\nevery = 20\n'
expect_error "type" 'limber.toml:2:9: breaks.every: expected a duration'
bad '[breaks]\nevery = "9h"\n'
expect_error "range" 'is out of range (1s to 8h)'
bad '[breaks]\nmax_snoozes = 11\n'
expect_error "integer range" 'limber.toml:2:15: breaks.max_snoozes: 11 is out of range (0 to 10)'
bad '[breaks]\nroutine = "yoga"\n'
expect_error "unknown routine" 'limber.toml:2:11: breaks.routine: unknown routine'
bad '[breaks]\nevry = "20m"\n'
expect_error "unknown key" 'limber.toml:2:1: breaks.evry: unknown key'
expect_exit "reload refuses the bad file, naming the place" 3 "limber.toml:2:1: breaks.evry: unknown key" "$LIMBERCTL" reload

rm "$file"
mkdir "$file"
expect_error "a directory in its place" 'limber.toml: is a directory, expected a TOML file'
rmdir "$file"

# An empty file is a valid one: every default (45 minutes), and no error.
: >"$file"
wait_for '"event":"config_reloaded"' 5 1
wait_status "['config_error']" None 5
until_due_between 1801 2700

good
wait_for '"event":"config_reloaded"' 5 2
until_due_between 1 1800
kill -0 "$LIMBERD_PID" && echo "ok   limberd ran through every bad file" || { echo "FAIL limberd died" >&2; LIMBER_FAILED=1; }
stop_limberd

# A file limberd may not read. Root reads any file whatever its mode, so as root the daemon and
# its client run as another user (nobody) in a home of their own.
unreadable_case() {
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    if ! command -v setpriv >/dev/null; then
      echo "skip unreadable file: running as root without setpriv, and root reads any file"
      return 0
    fi
    chown -R 65534:65534 "$LIMBER_TEST_DIR"
    chmod 711 "$LIMBER_TEST_DIR"
    as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    # The programs must be reachable by that user.
    if ! "${as[@]}" test -x "$LIMBERD"; then
      echo "skip unreadable file: $LIMBERD is not reachable by uid 65534"
      return 0
    fi
  fi
  good
  "${as[@]}" "$LIMBERD" --no-notifications --activity-source none >>"$LIMBER_TEST_DIR/limberd.log" 2>&1 </dev/null &
  LIMBERD_PID=$!
  LIMBER_TEST_PIDS+=("$LIMBERD_PID")
  local i
  for i in $(seq 100); do "${as[@]}" "$LIMBERCTL" status >/dev/null 2>&1 && break; sleep 0.05; done
  chmod 000 "$file"
  # As that user, the file cannot be read: the reload names it, and the schedule stays.
  expect_exit "reload of an unreadable file" 3 "limber.toml: cannot read" "${as[@]}" "$LIMBERCTL" reload
  "${as[@]}" "$LIMBERCTL" status --json >"$LIMBER_TEST_DIR/status.json"
  check "unreadable: status names it" "$(json_get "$LIMBER_TEST_DIR/status.json" "['config_error']" | grep -o 'limber.toml: cannot read')" \
    "limber.toml: cannot read"
  local due
  due=$(json_get "$LIMBER_TEST_DIR/status.json" "['until_due_seconds']")
  [ "$due" -le 1800 ] && echo "ok   unreadable: the last good 30 minutes stay ($due s)" ||
    { echo "FAIL unreadable: until due $due" >&2; LIMBER_FAILED=1; }
  chmod 644 "$file"
  expect_exit "reload once readable again" 0 "^Settings reloaded$" "${as[@]}" "$LIMBERCTL" reload
  kill -TERM "$LIMBERD_PID"
  local rc=0
  wait "$LIMBERD_PID" || rc=$?
  check "limberd exit status on SIGTERM" "$rc" 0
}
unreadable_case
exit "$LIMBER_FAILED"
