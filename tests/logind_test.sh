#!/usr/bin/env bash
# The logind source against a mock logind on a private system bus: PrepareForSleep, the
# session's Lock/Unlock and its LockedHint must come out as asleep, locked and active, in order.
# A logind that comes to the bus after the source started is followed, and one that comes back
# (restarted) is asked again for the session's state.
# Usage: logind_test.sh PROBE. Exits 77 (skipped) when dbus-daemon, gdbus or dbusmock is missing.
set -euo pipefail
probe=$1
. "$(dirname "$0")/support/wait_lines.sh"
. "$(dirname "$0")/support/private_bus.sh"
start_private_bus system

# 1. logind there from the start.
/usr/bin/python3 -m dbusmock --system --template logind >"$dir/mock.log" 2>&1 &
mock_pid=$!
pids=("$mock_pid" "${pids[@]}")
login1() { gdbus call --system -d org.freedesktop.login1 "$@" >/dev/null; }
for _ in $(seq 100); do login1 -o /org/freedesktop/login1 -m org.freedesktop.login1.Manager.ListSessions 2>/dev/null && break; sleep 0.1; done
login1 -o /org/freedesktop/login1 -m org.freedesktop.DBus.Mock.AddSession c1 seat0 1000 user true

XDG_SESSION_ID=c1 "$probe" logind --count 7 --timeout 30s >"$dir/out" 2>"$dir/err" &
probe_pid=$!
pids=("$probe_pid" "${pids[@]}")
manager=(-o /org/freedesktop/login1 -m org.freedesktop.DBus.Mock.EmitSignal org.freedesktop.login1.Manager)
session=(-o /org/freedesktop/login1/session/c1 -m)

wait_lines "$dir/out" 1   # the probe is watching
login1 "${manager[@]}" PrepareForSleep b '[<true>]'
wait_lines "$dir/out" 2
login1 "${manager[@]}" PrepareForSleep b '[<false>]'
wait_lines "$dir/out" 3
login1 "${session[@]}" org.freedesktop.login1.Session.Lock
wait_lines "$dir/out" 4
login1 "${session[@]}" org.freedesktop.login1.Session.Unlock
wait_lines "$dir/out" 5
login1 "${session[@]}" org.freedesktop.login1.Session.SetLockedHint true
wait_lines "$dir/out" 6
login1 "${session[@]}" org.freedesktop.login1.Session.SetLockedHint false
wait "$probe_pid" || { echo "probe failed:" >&2; cat "$dir/err" >&2; exit 1; }

expect_output "$dir/out" "active
asleep
active
locked
active
locked
active"

# 2. No logind when the source starts; it comes, leaves, and comes back with the session locked.
kill "$mock_pid"; wait "$mock_pid" 2>/dev/null || true
XDG_SESSION_ID=c1 "$probe" logind --count 5 --timeout 30s >"$dir/late.out" 2>"$dir/late.err" &
probe_pid=$!
pids=("$probe_pid" "${pids[@]}")
wait_lines "$dir/late.out" 1
grep -q 'org.freedesktop.login1 is not on the system bus' "$dir/late.err" ||
  { echo "no warning before logind came:" >&2; cat "$dir/late.err" >&2; exit 1; }
late_logind() {  # late_logind LOCKED: a logind knowing session c1, waited on until the source has read it
  : >"$dir/late-mock.log"  # emptied here, not by the background job: the last one's log is no answer
  /usr/bin/python3 -m dbusmock --system --template "$(dirname "$0")/support/logind_session_template.py" \
    -p "{\"LockedHint\": $1}" >>"$dir/late-mock.log" 2>&1 &
  late_pid=$!
  pids=("$late_pid" "${pids[@]}")
  for _ in $(seq 100); do grep -q 'Get /org/freedesktop/login1/session/c1 .*LockedHint' "$dir/late-mock.log" 2>/dev/null && return 0; sleep 0.1; done
  echo "the source did not ask the newly arrived logind for the session:" >&2
  cat "$dir/late.err" "$dir/late-mock.log" >&2
  exit 1
}
late_logind false
login1 "${session[@]}" org.freedesktop.login1.Session.Lock
wait_lines "$dir/late.out" 2
login1 "${session[@]}" org.freedesktop.login1.Session.Unlock
wait_lines "$dir/late.out" 3
kill "$late_pid"; wait "$late_pid" 2>/dev/null || true
late_logind true          # restarted while the screen was locked: its LockedHint says so
wait_lines "$dir/late.out" 4
login1 "${session[@]}" org.freedesktop.login1.Session.SetLockedHint false
wait "$probe_pid" || { echo "probe failed:" >&2; cat "$dir/late.err" >&2; exit 1; }
expect_output "$dir/late.out" "active
locked
active
locked
active"
echo "ok: logind followed as it came, left and came back"
