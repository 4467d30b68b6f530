#!/usr/bin/env bash
# The ScreenSaver source against a mock org.freedesktop.ScreenSaver on a private session bus:
# ActiveChanged on either object path must come out as locked and active, GetActive() must
# give the state at start, and a screensaver that appears after the source started is heard.
# One that comes (back) already locked is asked GetActive(), and one that leaves takes its lock
# with it.
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
mock_pid=$!
pids=("$mock_pid" "${pids[@]}")
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

# 4. The screensaver leaves while locked, and comes back: locked, then not, as it says.
probe_run back 5
wait_lines "$dir/back.out" 1
kill "$mock_pid"; wait "$mock_pid" 2>/dev/null || true
wait_lines "$dir/back.out" 2   # it took its lock with it
back_saver() {  # back_saver ACTIVE: a screensaver whose GetActive() answers ACTIVE, waited on until asked
  : >"$dir/back-mock.log"  # emptied here, not by the background job: the last one's log is no answer
  /usr/bin/python3 -m dbusmock --session --template "$(dirname "$0")/support/screensaver_template.py" \
    -p "{\"active\": $1}" >>"$dir/back-mock.log" 2>&1 &
  back_pid=$!
  pids=("$back_pid" "${pids[@]}")
  for _ in $(seq 100); do grep -q GetActive "$dir/back-mock.log" 2>/dev/null && return 0; sleep 0.1; done
  echo "the source did not ask the newly arrived screensaver GetActive():" >&2
  cat "$dir/back.err" "$dir/back-mock.log" >&2
  exit 1
}
back_saver true             # it comes back locked: no signal, only its answer says so
wait_lines "$dir/back.out" 3
kill "$back_pid"; wait "$back_pid" 2>/dev/null || true
wait_lines "$dir/back.out" 4
back_saver false            # unlocked this time; its signal is heard
emit /ScreenSaver true
probe_done back "locked
active
locked
active
locked"
echo "ok: the screensaver followed as it came, left and came back"
