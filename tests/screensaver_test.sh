#!/usr/bin/env bash
# The ScreenSaver source against a mock org.freedesktop.ScreenSaver on a private session bus:
# ActiveChanged on either object path must come out as locked and active, GetActive() must
# give the state at start, and a screensaver that appears after the source started is heard.
# Usage: screensaver_test.sh PROBE. Exits 77 (skipped) when dbus-daemon, gdbus or dbusmock is missing.
set -euo pipefail
probe=$1
. "$(dirname "$0")/support/wait_lines.sh"
. "$(dirname "$0")/support/private_bus.sh"
start_private_bus session

iface=org.freedesktop.ScreenSaver
saver() { gdbus call --session -d "$iface" "$@" >/dev/null; }
emit() { saver -o "$1" -m org.freedesktop.DBus.Mock.EmitSignal "$iface" ActiveChanged b "[<$2>]"; }
probe_run() {  # probe_run NAME COUNT: the probe in the background, its pid in $probe_pid
  "$probe" screensaver --count "$2" --timeout 30s >"$dir/$1.out" 2>"$dir/$1.err" &
  probe_pid=$!
  pids=("$probe_pid" "${pids[@]}")
}
probe_done() {  # probe_done NAME EXPECTED
  wait "$probe_pid" || { echo "probe $1 failed:" >&2; cat "$dir/$1.err" >&2; exit 1; }
  expect_output "$dir/$1.out" "$2"
}

# 1. No screensaver yet: a warning, active, and the signal is still heard once one starts.
probe_run late 2
wait_lines "$dir/late.out" 1
grep -q 'did not answer GetActive' "$dir/late.err" || { echo "no warning about the missing service:" >&2; cat "$dir/late.err" >&2; exit 1; }
/usr/bin/python3 -m dbusmock "$iface" /org/freedesktop/ScreenSaver "$iface" >"$dir/mock.log" 2>&1 &
pids=($! "${pids[@]}")
for _ in $(seq 100); do saver -o /org/freedesktop/ScreenSaver -m org.freedesktop.DBus.Introspectable.Introspect 2>/dev/null && break; sleep 0.1; done
saver -o /org/freedesktop/ScreenSaver -m org.freedesktop.DBus.Mock.AddMethod '' GetActive '' b 'ret = False'
saver -o /org/freedesktop/ScreenSaver -m org.freedesktop.DBus.Mock.AddObject /ScreenSaver "$iface" '@a{sv} {}' '@a(ssss) []'
emit /org/freedesktop/ScreenSaver true
probe_done late "active
locked"

# 2. GetActive() false at start, then locks and unlocks on both object paths.
probe_run paths 5
wait_lines "$dir/paths.out" 1
emit /org/freedesktop/ScreenSaver true
wait_lines "$dir/paths.out" 2
emit /org/freedesktop/ScreenSaver false
wait_lines "$dir/paths.out" 3
emit /ScreenSaver true
wait_lines "$dir/paths.out" 4
emit /ScreenSaver false
probe_done paths "active
locked
active
locked
active"

# 3. Already locked at start: GetActive() says so.
saver -o /org/freedesktop/ScreenSaver -m org.freedesktop.DBus.Mock.AddMethod '' GetActive '' b 'ret = True'
probe_run locked 1
probe_done locked "locked"
