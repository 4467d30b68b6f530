#!/usr/bin/env bash
# The Mutter idle source against a mock org.gnome.Mutter.IdleMonitor on a private session bus:
# it must add an idle watch at the threshold, report idle (since the threshold began) when that
# watch fires, add a one-shot user-active watch each time, report active when that fires, and
# remove its watches when it stops. Without the service it warns and waits: when Mutter comes
# to the bus it watches through it, when Mutter leaves it reports active, and it follows
# Mutter back.
# Usage: mutter_idle_test.sh PROBE. Exits 77 (skipped) when dbus-daemon, gdbus or dbusmock is missing.
set -euo pipefail
probe=$1
. "$(dirname "$0")/support/wait_lines.sh"
. "$(dirname "$0")/support/private_bus.sh"
start_private_bus session

# 1. No Mutter on the bus: a warning, not a crash.
"$probe" mutter --timeout 1s >"$dir/none.out" 2>"$dir/none.err" || { echo "probe failed without Mutter:" >&2; cat "$dir/none.err" >&2; exit 1; }
grep -q 'org.gnome.Mutter.IdleMonitor is not on the session bus' "$dir/none.err" || { echo "no warning:" >&2; cat "$dir/none.err" >&2; exit 1; }

# 2. A mock Mutter: watch 1 is the idle watch, 2 the user-active watch.
iface=org.gnome.Mutter.IdleMonitor
path=/org/gnome/Mutter/IdleMonitor/Core
/usr/bin/python3 -m dbusmock -l "$dir/calls.log" "$iface" "$path" "$iface" >"$dir/mock.log" 2>&1 &
mock_pid=$!
pids=("$mock_pid" "${pids[@]}")
mock() { gdbus call --session -d "$iface" -o "$path" -m "org.freedesktop.DBus.Mock.$1" "${@:2}" >/dev/null; }
for _ in $(seq 100); do mock GetCalls 2>/dev/null && break; sleep 0.1; done
mock AddMethod '' AddIdleWatch t u 'ret = 1'
mock AddMethod '' AddUserActiveWatch '' u 'ret = 2'
mock AddMethod '' RemoveWatch u '' ''
fire() { mock EmitSignal "$iface" WatchFired u "[<uint32 $1>]"; }

"$probe" mutter --idle 3s --count 4 --timeout 30s >"$dir/out" 2>"$dir/err" &
probe_pid=$!
pids=("$probe_pid" "${pids[@]}")
wait_lines "$dir/out" 1   # the probe is watching
fire 7                    # not ours: ignored
fire 1
wait_lines "$dir/out" 2
fire 1                    # Mutter repeats the idle watch only after activity; a repeat changes nothing
fire 2
wait_lines "$dir/out" 3
fire 2                    # the user-active watch was one-shot
fire 1
wait "$probe_pid" || { echo "probe failed:" >&2; cat "$dir/err" >&2; exit 1; }
expect_output "$dir/out" "active
idle since=-3s
active
idle since=-3s"

# The watches Mutter was asked for, and both removed when the probe stopped while idle.
sed -E 's/^[0-9.]+ //' "$dir/calls.log" | grep -E '^(AddIdleWatch|AddUserActiveWatch|RemoveWatch)' >"$dir/calls" || true
expect_output "$dir/calls" "AddIdleWatch 3000
AddUserActiveWatch
AddUserActiveWatch
RemoveWatch 1
RemoveWatch 2"

# 3. Mutter comes to the bus after the source started, leaves while the user is idle, and
# comes back.
kill "$mock_pid"; wait "$mock_pid" 2>/dev/null || true
"$probe" mutter --idle 3s --count 4 --timeout 30s >"$dir/late.out" 2>"$dir/late.err" &
probe_pid=$!
pids=("$probe_pid" "${pids[@]}")
wait_lines "$dir/late.out" 1
grep -q 'not on the session bus' "$dir/late.err" || { echo "no warning before Mutter came:" >&2; cat "$dir/late.err" >&2; exit 1; }
late_mock() {
  : >"$dir/late-calls.log"
  /usr/bin/python3 -m dbusmock -l "$dir/late-calls.log" --session --template "$(dirname "$0")/support/mutter_idle_template.py" \
    >>"$dir/late-mock.log" 2>&1 &
  late_pid=$!
  pids=("$late_pid" "${pids[@]}")
  for _ in $(seq 100); do grep -q AddIdleWatch "$dir/late-calls.log" 2>/dev/null && return 0; sleep 0.1; done
  echo "the source did not ask the newly arrived Mutter for a watch:" >&2
  cat "$dir/late.err" "$dir/late-mock.log" >&2
  exit 1
}
late_mock
fire 1
wait_lines "$dir/late.out" 2
kill "$late_pid"; wait "$late_pid" 2>/dev/null || true
wait_lines "$dir/late.out" 3
late_mock
fire 1
wait "$probe_pid" || { echo "probe failed:" >&2; cat "$dir/late.err" >&2; exit 1; }
expect_output "$dir/late.out" "active
idle since=-3s
active
idle since=-3s"
echo "ok: Mutter followed as it came, left and came back"
