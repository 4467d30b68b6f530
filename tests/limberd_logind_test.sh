#!/usr/bin/env bash
# limberd following a mock logind on a private system bus: suspend shows as asleep, resume as
# active, the session's Lock as locked and Unlock as active again, in `limberctl status`. Then a
# limberd started before logind: it follows logind when it comes, and again when it comes back.
# Usage: limberd_logind_test.sh LIMBERD LIMBERCTL. Exits 77 (skipped) without D-Bus tools.
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2
. "$(dirname "$0")/support/daemon_env.sh"
LIMBER_FAILED=0
start_bus system
start_mock --system logind org.freedesktop.login1 /org/freedesktop/login1 org.freedesktop.login1.Manager.ListSessions
logind_pid=${LIMBER_TEST_PIDS[-1]}
login1() { gdbus call --system -d org.freedesktop.login1 "$@" >/dev/null; }
login1 -o /org/freedesktop/login1 -m org.freedesktop.DBus.Mock.AddSession c1 seat0 1000 user true
manager=(-o /org/freedesktop/login1 -m org.freedesktop.DBus.Mock.EmitSignal org.freedesktop.login1.Manager)
session=(-o /org/freedesktop/login1/session/c1 -m org.freedesktop.login1.Session)

settings '[working_hours]
enabled = false
[daily_routine]
enabled = false'
XDG_SESSION_ID=c1 start_limberd --activity-source logind
wait_status "['activity']" active 5
check "phase" "$(status_get "['phase']")" working

login1 "${manager[@]}" PrepareForSleep b '[<true>]'
wait_status "['activity']" asleep 5
login1 "${manager[@]}" PrepareForSleep b '[<false>]'
wait_status "['activity']" active 5
login1 "${session[@]}".Lock
wait_status "['activity']" locked 5
login1 "${session[@]}".Unlock
wait_status "['activity']" active 5
login1 "${session[@]}".SetLockedHint true
wait_status "['activity']" locked 5
login1 "${session[@]}".SetLockedHint false
wait_status "['activity']" active 5

stop_limberd
grep -q "activity from logind" "$LIMBER_TEST_DIR/limberd.log" && echo "ok   log names the source" ||
  { echo "FAIL the log does not name the logind source:" >&2; cat "$LIMBER_TEST_DIR/limberd.log" >&2; LIMBER_FAILED=1; }

# logind comes to the bus after limberd started, leaves, and comes back (restarted) while the
# screen is locked; limberd keeps running throughout.
kill "$logind_pid"; wait "$logind_pid" 2>/dev/null || true
XDG_SESSION_ID=c1 start_limberd --activity-source logind
wait_status "['activity']" active 5
grep -q "org.freedesktop.login1 is not on the system bus" "$LIMBER_TEST_DIR/limberd.log" && echo "ok   log says logind is not there yet" ||
  { echo "FAIL no warning about the missing logind:" >&2; cat "$LIMBER_TEST_DIR/limberd.log" >&2; LIMBER_FAILED=1; }
late_logind() {  # late_logind LOCKED: a logind knowing session c1, waited on until limberd has read it
  local log=$LIMBER_TEST_DIR/late-logind.log i
  /usr/bin/python3 -m dbusmock --system --template "$(dirname "$0")/support/logind_session_template.py" \
    -p "{\"LockedHint\": $1}" >"$log" 2>&1 &
  logind_pid=$!
  LIMBER_TEST_PIDS+=("$logind_pid")
  for i in $(seq 100); do grep -q 'Get /org/freedesktop/login1/session/c1 .*LockedHint' "$log" 2>/dev/null && return 0; sleep 0.1; done
  echo "FAIL limberd did not ask the newly arrived logind for the session:" >&2
  cat "$LIMBER_TEST_DIR/limberd.log" "$log" >&2
  exit 1
}
late_logind false
login1 "${session[@]}".Lock
wait_status "['activity']" locked 5
login1 "${session[@]}".Unlock
wait_status "['activity']" active 5
kill "$logind_pid"; wait "$logind_pid" 2>/dev/null || true
late_logind true
wait_status "['activity']" locked 5
login1 "${session[@]}".SetLockedHint false
wait_status "['activity']" active 5
stop_limberd
exit "$LIMBER_FAILED"
