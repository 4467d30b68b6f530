# Shared by the activity shell tests: waiting for a probe's output, and checking it.

# wait_lines FILE N: waits up to 10 s for FILE to have N lines.
wait_lines() {
  local i
  for i in $(seq 100); do
    [ "$(wc -l <"$1")" -ge "$2" ] && return 0
    sleep 0.1
  done
  echo "timed out waiting for line $2 of $1; got:" >&2
  cat "$1" >&2
  return 1
}

# expect_output FILE EXPECTED: FILE must hold exactly EXPECTED.
expect_output() {
  if [ "$(cat "$1")" != "$2" ]; then
    printf 'expected:\n%s\ngot:\n%s\n' "$2" "$(cat "$1")" >&2
    return 1
  fi
}

# expect_survives_loss PROBE_PID SERVER_PID MESSAGE: ends the display server under the probe,
# which must log MESSAGE, keep running, and then stop cleanly when told to.
expect_survives_loss() {
  local probe_pid=$1 server_pid=$2 message=$3
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  for _ in $(seq 100); do grep -q "$message" "$dir/err" && break; sleep 0.1; done
  grep -q "$message" "$dir/err" || { echo "no warning '$message':" >&2; cat "$dir/err" >&2; return 1; }
  kill -0 "$probe_pid" || { echo "the probe died with its server:" >&2; cat "$dir/err" >&2; return 1; }
  kill "$probe_pid"
  wait "$probe_pid" || { echo "probe failed:" >&2; cat "$dir/err" >&2; return 1; }
}
