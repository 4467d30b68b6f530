#!/usr/bin/env bash
# The logind source against a mock logind on a private system bus: PrepareForSleep, the
# session's Lock/Unlock and its LockedHint must come out as asleep, locked and active, in order.
# Usage: logind_test.sh PROBE. Exits 77 (skipped) when dbus-daemon, gdbus or dbusmock is missing.
set -euo pipefail
probe=$1
. "$(dirname "$0")/support/wait_lines.sh"
. "$(dirname "$0")/support/private_bus.sh"
start_private_bus system

/usr/bin/python3 -m dbusmock --system --template logind >"$dir/mock.log" 2>&1 &
pids=($! "${pids[@]}")
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
