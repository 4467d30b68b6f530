# Shared by the D-Bus activity tests: skip without the tools, a temporary directory whose
# processes end with the test, and a private bus standing in for the session or system bus.

command -v dbus-daemon >/dev/null && command -v gdbus >/dev/null || { echo "no dbus-daemon or gdbus" >&2; exit 77; }
/usr/bin/python3 -c 'import dbusmock' 2>/dev/null || { echo "no python3-dbusmock" >&2; exit 77; }

dir=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$dir"
}
trap cleanup EXIT
# Neither of the machine's buses: only the one start_private_bus starts.
export DBUS_SESSION_BUS_ADDRESS=unix:path=$dir/no-session-bus DBUS_SYSTEM_BUS_ADDRESS=unix:path=$dir/no-system-bus

# start_private_bus session|system: a bus of our own, exported as that bus, with a configuration
# that starts none of the machine's services (support/session-bus.conf.in). The bus stays our
# child (--nofork), so the trap can end it and wait for it.
start_private_bus() {
  mkdir -p "$dir/bus-services"
  sed "s|@SERVICEDIR@|$dir/bus-services|" "$(dirname "${BASH_SOURCE[0]}")/session-bus.conf.in" >"$dir/bus.conf"
  dbus-daemon --config-file="$dir/bus.conf" --nofork --address="unix:path=$dir/$1.sock" --print-address=3 3>"$dir/address" 2>"$dir/bus.log" &
  pids+=($!)
  for _ in $(seq 100); do [ -s "$dir/address" ] && break; sleep 0.1; done
  [ -s "$dir/address" ] || { echo "the private $1 bus did not start:" >&2; cat "$dir/bus.log" >&2; exit 1; }
  if [ "$1" = system ]; then
    export DBUS_SYSTEM_BUS_ADDRESS="unix:path=$dir/system.sock"
  else
    export DBUS_SESSION_BUS_ADDRESS="unix:path=$dir/session.sock"
  fi
}
