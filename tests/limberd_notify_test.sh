#!/usr/bin/env bash
# limberd's own notifications, against a mock notification server on a private session bus:
# a due break is shown with "start" and "snooze" actions, and invoking them snoozes and
# starts the break. A connected limber-tray shows its own, so limberd then stays quiet.
# Usage: limberd_notify_test.sh LIMBERD LIMBERCTL. Exits 77 (skipped) without D-Bus tools.
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2
. "$(dirname "$0")/support/daemon_env.sh"
LIMBER_FAILED=0
start_bus session
bus=(--session -d org.freedesktop.Notifications -o /org/freedesktop/Notifications)
start_mock --session notification_daemon org.freedesktop.Notifications /org/freedesktop/Notifications \
  org.freedesktop.Notifications.GetCapabilities

# calls_of METHOD: the mock's recorded calls of METHOD, one line of arguments each.
calls_of() {
  /usr/bin/python3 -c '
import dbus, sys
mock = dbus.Interface(dbus.SessionBus().get_object("org.freedesktop.Notifications", "/org/freedesktop/Notifications"),
                      "org.freedesktop.DBus.Mock")
for _, method, args in mock.GetCalls():
    if method == sys.argv[1]:
        print(" | ".join(str(a) if not isinstance(a, dbus.Array) else ",".join(map(str, a)) for a in args))' "$1"
}
# wait_calls METHOD N SECONDS: waits for N calls of METHOD.
wait_calls() {
  local i
  for i in $(seq $(($3 * 10))); do
    [ "$(calls_of "$1" | wc -l)" -ge "$2" ] && return 0
    sleep 0.1
  done
  echo "FAIL waiting for $2 x $1; the mock saw:" >&2
  gdbus call "${bus[@]}" -m org.freedesktop.DBus.Mock.GetCalls >&2
  cat "$LIMBER_TEST_DIR/limberd.log" >&2
  exit 1
}
invoke() { gdbus call "${bus[@]}" -m org.freedesktop.DBus.Mock.EmitSignal org.freedesktop.Notifications ActionInvoked us "[<uint32 $1>, <'$2'>]" >/dev/null; }

settings '[breaks]
every = "3s"
warn_before = "0s"
snooze = "2s"
[working_hours]
enabled = false
[daily_routine]
enabled = false'
start_limberd_notifying --activity-source none
watch_events

wait_for '"event":"break_due"' 10
wait_calls Notify 1 5
notify=$(calls_of Notify | head -n1)
echo "     Notify: $(echo "$notify" | cut -d"|" -f4,6)"
case $notify in
  *"start,"*"snooze,"*) echo "ok   the notification offers start and snooze" ;;
  *) echo "FAIL the notification's actions: $notify" >&2; LIMBER_FAILED=1 ;;
esac
# The mock numbers notifications from 1; a replaced one keeps its number.
invoke 1 snooze
wait_for '"event":"snoozed"' 5
wait_for '"event":"break_due"' 10 2
wait_calls Notify 2 5
check "the second notification replaces the first" "$(calls_of Notify | sed -n 2p | cut -d'|' -f2 | tr -d ' ')" 1
invoke 1 start
wait_status "['phase']" in_break 5
wait_for '"event":"break_started"' 5
wait_calls CloseNotification 1 5
echo "ok   the notification is withdrawn once the break starts"
"$LIMBERCTL" done >/dev/null

# A tray that said hello and subscribed shows its own notifications: limberd stays quiet.
"$(dirname "$0")/support/line_client.py" "$XDG_RUNTIME_DIR/limber/limberd.sock" tray >"$LIMBER_TEST_DIR/tray" &
LIMBER_TEST_PIDS+=($!)
for _ in $(seq 50); do grep -q subscribed "$LIMBER_TEST_DIR/tray" && break; sleep 0.1; done
gdbus call "${bus[@]}" -m org.freedesktop.DBus.Mock.ClearCalls >/dev/null
wait_for '"event":"break_due"' 10 3
for _ in $(seq 50); do grep -q '"event": "break_due"' "$LIMBER_TEST_DIR/tray" && break; sleep 0.1; done
check "the tray got break_due" "$(grep -c '"event": "break_due"' "$LIMBER_TEST_DIR/tray")" 1
"$LIMBERCTL" status >/dev/null  # one more round trip through the daemon before looking
check "Notify calls while the tray is connected" "$(calls_of Notify | wc -l)" 0
invoke 1 start  # the old notification's action: no notification of ours is showing now
"$LIMBERCTL" status >/dev/null
check "phase after a stale action" "$(status_get "['phase']")" due

stop_limberd
exit "$LIMBER_FAILED"
