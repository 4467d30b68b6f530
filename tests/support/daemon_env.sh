# Shared by the limberd shell tests: a private home for one daemon, starting it, waiting for
# what it says, and stopping everything the test started.
# Needs $LIMBERD and $LIMBERCTL set to the programs under test.

LIMBER_TEST_DIR=$(mktemp -d)
LIMBER_TEST_PIDS=()
export XDG_CONFIG_HOME=$LIMBER_TEST_DIR/config XDG_DATA_HOME=$LIMBER_TEST_DIR/data
export XDG_STATE_HOME=$LIMBER_TEST_DIR/state XDG_RUNTIME_DIR=$LIMBER_TEST_DIR/run
mkdir -p "$XDG_CONFIG_HOME/limber" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

limber_cleanup() {
  local p
  for p in "${LIMBER_TEST_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${LIMBER_TEST_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$LIMBER_TEST_DIR"
}
trap limber_cleanup EXIT

# settings TEXT: the user's limber.toml.
settings() { printf '%s\n' "$1" >"$XDG_CONFIG_HOME/limber/limber.toml"; }

# start_limberd ARGS...: starts limberd and waits until its socket answers.
start_limberd() {
  "$LIMBERD" --no-notifications "$@" >"$LIMBER_TEST_DIR/limberd.log" 2>&1 &
  LIMBERD_PID=$!
  LIMBER_TEST_PIDS+=("$LIMBERD_PID")
  local i
  for i in $(seq 100); do
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
