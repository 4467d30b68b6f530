#!/usr/bin/env bash
# The buses the tests start are their own: on a machine with a notification daemon, a panel and
# portals installed, a private bus lists no service of the machine's as activatable, a message to
# org.freedesktop.Notifications starts nothing, and a service a test asks for (bus_service) is
# the only one it may start. No test starts a bus with the machine's session configuration.
# In CI (CI=true) the machine must have a notification daemon's service file, so the suite is
# proven on a desk-like machine, not only on a bare one.
# Usage: private_bus_test.sh
set -euo pipefail
here=$(dirname "$0")
LIMBERD=/bin/false LIMBERCTL=/bin/false
. "$here/support/daemon_env.sh"
failed=0
ok() { echo "ok   $1"; }
fail() { echo "FAIL $1" >&2; failed=1; }

# The machine's own notification services: what a test's bus must never start.
machine=$(grep -ls '^Name=org.freedesktop.Notifications$' /usr/share/dbus-1/services/*.service 2>/dev/null || true)
if [ -n "$machine" ]; then
  ok "this machine has notification services: $(echo $machine | xargs -n1 basename | tr '\n' ' ')"
elif [ "${CI:-}" = true ]; then
  fail "no notification daemon is installed: CI proves the tests on a desk-like machine (installers/install-deps.sh --tests)"
else
  echo "note: no notification daemon is installed here; the isolation is checked all the same"
fi

start_bus session
names=$(gdbus call --session -d org.freedesktop.DBus -o /org/freedesktop/DBus -m org.freedesktop.DBus.ListActivatableNames)
if [ "$names" = "(['org.freedesktop.DBus'],)" ]; then ok "nothing is activatable on a private bus"; else fail "activatable on a private bus: $names"; fi

if out=$(gdbus call --session -d org.freedesktop.Notifications -o /org/freedesktop/Notifications \
  -m org.freedesktop.Notifications.GetServerInformation 2>&1); then
  fail "a notification service answered on a private bus: $out"
elif grep -q 'ServiceUnknown' <<<"$out"; then
  ok "org.freedesktop.Notifications is unknown there: nothing was started"
else
  fail "unexpected answer from org.freedesktop.Notifications: $out"
fi

# A service the test asks for is there, and only it.
if [ -e /usr/share/dbus-1/services/org.a11y.Bus.service ]; then
  bus_service org.a11y.Bus
  for _ in $(seq 50); do
    names=$(gdbus call --session -d org.freedesktop.DBus -o /org/freedesktop/DBus -m org.freedesktop.DBus.ListActivatableNames)
    [ "$names" != "(['org.freedesktop.DBus'],)" ] && break
    sleep 0.1
  done
  case "$names" in
    "(['org.freedesktop.DBus', 'org.a11y.Bus'],)" | "(['org.a11y.Bus', 'org.freedesktop.DBus'],)") ok "bus_service adds exactly the service asked for" ;;
    *) fail "after bus_service org.a11y.Bus: $names" ;;
  esac
fi

# Without start_bus, neither of the machine's buses is reachable.
unset_check=$(DBUS_SESSION_BUS_ADDRESS=unix:path=$LIMBER_TEST_DIR/no-session-bus gdbus call --session -d org.freedesktop.DBus \
  -o /org/freedesktop/DBus -m org.freedesktop.DBus.GetId 2>&1 || true)
grep -q 'Error' <<<"$unset_check" && ok "the default session address reaches no bus" || fail "the default session address reached a bus: $unset_check"

# Every bus a test or script starts uses the private configuration.
if offenders=$(grep -rlE 'dbus-daemon[^|]*--session|dbus-run-session|dbus-launch' "$here"/*.sh "$here"/*.py "$here"/support \
  "$here/../bench" "$here/../docs/screenshots" 2>/dev/null | grep -v private_bus_test.sh); then
  fail "started with the machine's session configuration: $offenders"
else
  ok "no test starts a bus with the machine's configuration"
fi
exit "$failed"
