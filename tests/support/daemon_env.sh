# Shared by the limberd shell tests: a private home for one daemon, starting it, waiting for
# what it says, and stopping everything the test started.
# Needs $LIMBERD and $LIMBERCTL set to the programs under test.
# LIMBER_TEST_LIMBERD, when set, is run in place of $LIMBERD: tests/run-all.sh runs every
# limberd test once more with limberd under valgrind this way.
LIMBERD=${LIMBER_TEST_LIMBERD:-${LIMBERD:-}}

LIMBER_TEST_DIR=$(mktemp -d)
LIMBER_TEST_PIDS=()
export XDG_CONFIG_HOME=$LIMBER_TEST_DIR/config XDG_DATA_HOME=$LIMBER_TEST_DIR/data
export XDG_STATE_HOME=$LIMBER_TEST_DIR/state XDG_RUNTIME_DIR=$LIMBER_TEST_DIR/run
# No sound server unless a test starts one: a tray never reaches (or spawns) the machine's own.
export PULSE_SERVER=unix:$LIMBER_TEST_DIR/no-sound-server
# No D-Bus either, unless a test starts its own (start_bus): a program under test never reaches
# the desktop's session or system bus the tests were started from.
export DBUS_SESSION_BUS_ADDRESS=unix:path=$LIMBER_TEST_DIR/no-session-bus
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$LIMBER_TEST_DIR/no-system-bus
mkdir -p "$XDG_CONFIG_HOME/limber" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# Ends what the test started, the last started first (a daemon before the bus or display
# it uses), and waits for each.
limber_cleanup() {
  local i p
  for ((i = ${#LIMBER_TEST_PIDS[@]} - 1; i >= 0; i--)); do
    p=${LIMBER_TEST_PIDS[i]}
    kill "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  rm -rf "$LIMBER_TEST_DIR"
}
trap limber_cleanup EXIT

# settings TEXT: the user's limber.toml.
settings() { printf '%s\n' "$1" >"$XDG_CONFIG_HOME/limber/limber.toml"; }

# start_limberd ARGS...: starts limberd and waits until its socket answers.
start_limberd() { start_limberd_notifying --no-notifications "$@"; }

# start_limberd_notifying ARGS...: the same, but limberd may show notifications itself.
start_limberd_notifying() {
  "$LIMBERD" "$@" >>"$LIMBER_TEST_DIR/limberd.log" 2>&1 </dev/null &
  LIMBERD_PID=$!
  LIMBER_TEST_PIDS+=("$LIMBERD_PID")
  local i
  # LIMBER_START_SECONDS: a slower limberd (under valgrind) is given longer to start.
  for i in $(seq $((${LIMBER_START_SECONDS:-5} * 20))); do
    "$LIMBERCTL" status >/dev/null 2>&1 && return 0
    kill -0 "$LIMBERD_PID" 2>/dev/null || break
    sleep 0.05
  done
  echo "limberd did not start:" >&2
  cat "$LIMBER_TEST_DIR/limberd.log" >&2
  return 1
}

# watch_events: starts `limberctl watch` into $LIMBER_TEST_DIR/events.
watch_events() {
  "$LIMBERCTL" watch >"$LIMBER_TEST_DIR/events" 2>&1 &
  LIMBER_TEST_PIDS+=($!)
  wait_for "\"event\":\"status\"" 5
}

# wait_for PATTERN SECONDS [COUNT]: waits for COUNT lines matching PATTERN in the event stream.
wait_for() {
  local n=${3:-1} i
  for i in $(seq $(($2 * 20))); do
    [ "$(grep -c -- "$1" "$LIMBER_TEST_DIR/events" 2>/dev/null || true)" -ge "$n" ] && return 0
    sleep 0.05
  done
  echo "timed out waiting for $n x $1; events:" >&2
  cat "$LIMBER_TEST_DIR/events" >&2
  echo "limberd log:" >&2
  cat "$LIMBER_TEST_DIR/limberd.log" >&2
  return 1
}

# check LABEL ACTUAL EXPECTED
check() {
  if [ "$2" != "$3" ]; then
    echo "FAIL $1: expected '$3', got '$2'" >&2
    LIMBER_FAILED=1
  else
    echo "ok   $1: $2"
  fi
}

# json_get FILE EXPR: a value from a JSON file (EXPR is Python indexing like ['breaks']['due']).
json_get() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))$2)" "$1"; }

# status_get EXPR: a value from `limberctl status --json` (EXPR as for json_get).
status_get() {
  "$LIMBERCTL" status --json >"$LIMBER_TEST_DIR/status.json" || return 1
  json_get "$LIMBER_TEST_DIR/status.json" "$1"
}

# wait_status EXPR VALUE SECONDS: waits until status_get EXPR prints VALUE.
wait_status() {
  local i got=
  for i in $(seq $(($3 * 20))); do
    got=$(status_get "$1" 2>/dev/null || true)
    [ "$got" = "$2" ] && { echo "ok   status$1: $2"; return 0; }
    sleep 0.05
  done
  echo "FAIL status$1: expected '$2' within $3 s, last '$got'" >&2
  LIMBER_FAILED=1
  return 1
}

# stop_limberd: SIGTERM, and the exit status must be 0.
stop_limberd() {
  kill -TERM "$LIMBERD_PID"
  local rc=0
  wait "$LIMBERD_PID" || rc=$?
  check "limberd exit status on SIGTERM" "$rc" 0
}

# stop_tray PID: SIGTERM to a limber-tray, which must leave within 10 s (times
# LIMBER_TIME_FACTOR) with status 0, as Quit does, so the sanitizer build's leak check runs at
# its exit too.
stop_tray() {
  local pid=$1 rc=0 i limit=$((10 * ${LIMBER_TIME_FACTOR:-1}))
  if ! kill -TERM "$pid" 2>/dev/null; then
    wait "$pid" || rc=$?
    echo "FAIL limber-tray was gone before SIGTERM (exit status $rc)" >&2
    LIMBER_FAILED=1
    return 0
  fi
  for i in $(seq $((limit * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "FAIL limber-tray still running $limit s after SIGTERM" >&2
    LIMBER_FAILED=1
    kill -KILL "$pid"
  fi
  wait "$pid" || rc=$?
  check "limber-tray exit status on SIGTERM" "$rc" 0
}

# expect_exit LABEL CODE PATTERN COMMAND...: COMMAND must exit CODE and print PATTERN (ERE).
expect_exit() {
  local label=$1 code=$2 pattern=$3 rc=0
  shift 3
  "$@" >"$LIMBER_TEST_DIR/out" 2>&1 || rc=$?
  if [ "$rc" != "$code" ] || ! grep -Eq -- "$pattern" "$LIMBER_TEST_DIR/out"; then
    echo "FAIL $label: expected exit $code and /$pattern/, got exit $rc:" >&2
    cat "$LIMBER_TEST_DIR/out" >&2
    LIMBER_FAILED=1
  else
    echo "ok   $label: exit $rc, $(head -n1 "$LIMBER_TEST_DIR/out")"
  fi
}

# start_xvfb [WIDTHxHEIGHT]: a private X server; sets DISPLAY. Exits 77 (skipped) without Xvfb or xdotool.
start_xvfb() {
  command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "no Xvfb or xdotool" >&2; exit 77; }
  # -displayfd picks a free display number and writes it once the server is ready. -noreset:
  # by default Xvfb resets when its last client leaves, and refuses connections meanwhile; the
  # accessibility bus's launcher connects, sets a property on the root window and leaves, and
  # a tray slower to start (under the sanitizers) then failed "Unable to initialize GTK+".
  Xvfb -displayfd 3 -noreset -nolisten tcp -screen 0 "${1:-640x480}x24" 3>"$LIMBER_TEST_DIR/display" 2>"$LIMBER_TEST_DIR/xvfb.log" &
  LIMBER_TEST_PIDS+=($!)
  local i
  for i in $(seq 100); do [ -s "$LIMBER_TEST_DIR/display" ] && break; sleep 0.1; done
  [ -s "$LIMBER_TEST_DIR/display" ] || { echo "Xvfb did not start" >&2; cat "$LIMBER_TEST_DIR/xvfb.log" >&2; exit 1; }
  export DISPLAY=":$(head -n1 "$LIMBER_TEST_DIR/display")"
}

# bus_service NAME: lets the test's buses start the machine's service NAME on demand (say
# org.a11y.Bus); no other service of the machine's is ever started. Fails without it.
bus_service() {
  mkdir -p "$LIMBER_TEST_DIR/bus-services"
  cp "/usr/share/dbus-1/services/$1.service" "$LIMBER_TEST_DIR/bus-services/"
}

# start_bus system|session: a private D-Bus daemon, our own child so cleanup ends it, with a
# configuration of its own (support/session-bus.conf.in: no system service directory, only
# what bus_service put there); sets DBUS_SYSTEM_BUS_ADDRESS or DBUS_SESSION_BUS_ADDRESS.
# Exits 77 (skipped) without dbus-daemon, gdbus or python3-dbusmock.
start_bus() {
  command -v dbus-daemon >/dev/null && command -v gdbus >/dev/null || { echo "no dbus-daemon or gdbus" >&2; exit 77; }
  /usr/bin/python3 -c 'import dbusmock' 2>/dev/null || { echo "no python3-dbusmock" >&2; exit 77; }
  local sock=$LIMBER_TEST_DIR/$1-bus.sock conf=$LIMBER_TEST_DIR/bus.conf i
  mkdir -p "$LIMBER_TEST_DIR/bus-services"
  sed "s|@SERVICEDIR@|$LIMBER_TEST_DIR/bus-services|" "$(dirname "${BASH_SOURCE[0]}")/session-bus.conf.in" >"$conf"
  dbus-daemon --config-file="$conf" --nofork --address="unix:path=$sock" --print-address=3 \
    3>"$LIMBER_TEST_DIR/$1-bus.address" 2>"$LIMBER_TEST_DIR/$1-bus.log" &
  LIMBER_TEST_PIDS+=($!)
  for i in $(seq 100); do [ -s "$LIMBER_TEST_DIR/$1-bus.address" ] && break; sleep 0.1; done
  [ -s "$LIMBER_TEST_DIR/$1-bus.address" ] || { echo "the private $1 bus did not start:" >&2; cat "$LIMBER_TEST_DIR/$1-bus.log" >&2; exit 1; }
  if [ "$1" = system ]; then
    export DBUS_SYSTEM_BUS_ADDRESS="unix:path=$sock"
  else
    export DBUS_SESSION_BUS_ADDRESS="unix:path=$sock"
  fi
}

# start_mock BUS_FLAG TEMPLATE NAME PATH METHOD: dbusmock with TEMPLATE, waited on until
# METHOD on NAME PATH answers. BUS_FLAG is --system or --session.
start_mock() {
  /usr/bin/python3 -m dbusmock "$1" --template "$2" >"$LIMBER_TEST_DIR/mock-$2.log" 2>&1 &
  LIMBER_TEST_PIDS+=($!)
  local i
  for i in $(seq 100); do
    gdbus call "$1" -d "$3" -o "$4" -m "$5" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "dbusmock $2 did not start:" >&2
  cat "$LIMBER_TEST_DIR/mock-$2.log" >&2
  exit 1
}

# start_notify_mock: python3-dbusmock's notification service on the session bus (start_bus
# session first); sets notify_mock_pid. tests/support/notify_mock.py reads its calls.
start_notify_mock() {
  local helper i
  helper=$(dirname "${BASH_SOURCE[0]}")/notify_mock.py
  /usr/bin/python3 -m dbusmock --template notification_daemon >/dev/null 2>&1 &
  notify_mock_pid=$!
  LIMBER_TEST_PIDS+=("$notify_mock_pid")
  for i in $(seq 100); do "$helper" calls >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "the mock notification service did not start" >&2
  exit 1
}

# start_sni_watcher: a StatusNotifierWatcher (a dbusmock template) on the session bus, as a
# panel would have; a tray registers its item with it. Needs start_bus session first.
start_sni_watcher() {
  /usr/bin/python3 -m dbusmock --session --template "$(dirname "${BASH_SOURCE[0]}")/sni_watcher_template.py" \
    >>"$LIMBER_TEST_DIR/watcher.log" 2>&1 </dev/null &
  SNI_WATCHER_PID=$!
  LIMBER_TEST_PIDS+=("$SNI_WATCHER_PID")
  local i
  for i in $(seq 100); do
    gdbus call --session -d org.kde.StatusNotifierWatcher -o /StatusNotifierWatcher -m org.freedesktop.DBus.Mock.GetCalls \
      >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "the mock watcher did not start:" >&2
  cat "$LIMBER_TEST_DIR/watcher.log" >&2
  exit 1
}

# sni_tooltip PID: the text of limber-tray PID's StatusNotifierItem tooltip (empty if none yet).
sni_tooltip() {
  gdbus call --session -d "org.kde.StatusNotifierItem-$1-1" -o /StatusNotifierItem \
    -m org.freedesktop.DBus.Properties.Get org.kde.StatusNotifierItem ToolTip 2>/dev/null |
    sed -n "s/^(<('', @a(iiay) \[\], 'Limber', '\(.*\)')>,)\$/\1/p" || true
}

# start_video_call DEVICE: a process named "videocall" holds the camera DEVICE open; sets
# VIDEO_CALL_PID (kill it to end the call).
start_video_call() {
  "$(dirname "${BASH_SOURCE[0]}")/videocall" "$1" </dev/null >/dev/null 2>&1 &
  VIDEO_CALL_PID=$!
  LIMBER_TEST_PIDS+=("$VIDEO_CALL_PID")
}
