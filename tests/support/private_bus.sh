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

# start_private_bus session|system: a bus of our own, exported as that bus; the other is unset.
# The bus stays our child (--nofork), so the trap can end it and wait for it.
start_private_bus() {
  dbus-daemon --session --nofork --address="unix:path=$dir/$1.sock" --print-address=3 3>"$dir/address" 2>"$dir/bus.log" &
  pids+=($!)
  for _ in $(seq 100); do [ -s "$dir/address" ] && break; sleep 0.1; done
  if [ "$1" = system ]; then
    export DBUS_SYSTEM_BUS_ADDRESS="unix:path=$dir/system.sock"
    unset DBUS_SESSION_BUS_ADDRESS
  else
    export DBUS_SESSION_BUS_ADDRESS="unix:path=$dir/session.sock"
    unset DBUS_SYSTEM_BUS_ADDRESS
  fi
}
