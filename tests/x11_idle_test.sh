#!/usr/bin/env bash
# The X11 idle source against a private Xvfb: xdotool input must read as active, two seconds
# without input as idle (since two seconds ago), and nothing in between. Then the X server
# goes away: a warning, and the probe runs on (Xlib's default would exit the process).
# Usage: x11_idle_test.sh PROBE. Exits 77 (skipped) when Xvfb or xdotool is missing.
set -euo pipefail
probe=$1
. "$(dirname "$0")/support/wait_lines.sh"
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "no Xvfb or xdotool" >&2; exit 77; }

dir=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$dir"
}
trap cleanup EXIT
unset DISPLAY

# -displayfd picks a free display number and writes it once the server is ready.
Xvfb -displayfd 3 -noreset -nolisten tcp -screen 0 640x480x24 3>"$dir/display" 2>"$dir/xvfb.log" &
xvfb_pid=$!
pids+=("$xvfb_pid")
for _ in $(seq 100); do [ -s "$dir/display" ] && break; sleep 0.1; done
[ -s "$dir/display" ] || { echo "Xvfb did not start" >&2; cat "$dir/xvfb.log" >&2; exit 1; }
export DISPLAY=":$(head -n1 "$dir/display")"

xdotool mousemove 10 10
"$probe" x11 --idle 2s --timeout 30s >"$dir/out" 2>"$dir/err" &
probe_pid=$!
pids=("$probe_pid" "${pids[@]}")  # the probe goes before its display
wait_lines "$dir/out" 1
wait_lines "$dir/out" 2            # two seconds without input
xdotool mousemove 20 20
wait_lines "$dir/out" 3
wait_lines "$dir/out" 4

expect_survives_loss "$probe_pid" "$xvfb_pid" "lost the display"

expect_output "$dir/out" "active
idle since=-2s
active
idle since=-2s"
