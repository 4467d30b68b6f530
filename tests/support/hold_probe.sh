# Shared by the pause.* tests that run limber_hold_probe in the background on a private bus
# or sound server. Needs $probe (the probe), $probe_source (its source: do_not_disturb, inhibitors,
# microphone) and $out (a directory); daemon_env.sh and wait_lines.sh sourced first.

# probe_run NAME ARGS...: the probe in the background, its pid in $probe_pid.
probe_run() {
  local name=$1
  shift
  : >"$out/$name.out"  # there before wait_lines looks
  "$probe" "$probe_source" "$@" >"$out/$name.out" 2>"$out/$name.err" </dev/null &
  probe_pid=$!
  LIMBER_TEST_PIDS+=("$probe_pid")
}

# probe_done NAME EXPECTED: the probe ends by itself, and its output is exactly EXPECTED.
probe_done() {
  wait "$probe_pid" || { echo "probe $1 failed:" >&2; cat "$out/$1.err" >&2; exit 1; }
  expect_output "$out/$1.out" "$2" || { cat "$out/$1.err" >&2; exit 1; }
  echo "ok   $1"
}

# probe_maps NAME LIBRARY yes|no: whether the running probe has LIBRARY (a file name's start,
# e.g. libpulse.so) mapped; a library loaded only when its service is there (loaded_library.hpp).
probe_maps() {
  local name=$1 lib=$2 want=$3 have=no
  if grep -q "/$lib" "/proc/$probe_pid/maps"; then have=yes; fi
  [ "$have" = "$want" ] || { echo "probe $name: $lib mapped: $have, expected $want" >&2; exit 1; }
  echo "ok   $name: $lib mapped: $want"
}
