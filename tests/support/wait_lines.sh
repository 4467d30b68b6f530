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
