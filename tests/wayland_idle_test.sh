#!/usr/bin/env bash
# The Wayland idle source against a private headless sway: two seconds without input must read
# as idle (since two seconds ago), and a pointer move (swaymsg) or a key press (wtype) as
# active again, with nothing in between. Then the compositor goes away: a warning, no crash.
# Usage: wayland_idle_test.sh PROBE. Exits 77 (skipped) when sway or wtype is missing.
set -euo pipefail
probe=$1
. "$(dirname "$0")/support/wait_lines.sh"
for tool in sway swaymsg wtype; do
  command -v "$tool" >/dev/null || { echo "no $tool" >&2; exit 77; }
done

dir=$(mktemp -d)
chmod 0755 "$dir"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$dir"
}
trap cleanup EXIT
unset DISPLAY WAYLAND_DISPLAY SWAYSOCK

# sway refuses to run as root: as root, run it (and what talks to it) as nobody, in a runtime
# directory of nobody's own. Root reaches its socket all the same.
run=(env)
if [ "$(id -u)" -eq 0 ]; then
  run=(setpriv --reuid=65534 --regid=65534 --clear-groups env)
fi
runtime=$dir/runtime
mkdir -m 0700 "$runtime"
[ "$(id -u)" -eq 0 ] && chown 65534:65534 "$runtime"
: >"$dir/sway.cfg"
chmod 0644 "$dir/sway.cfg"
env_sway=(-i PATH=/usr/bin:/bin HOME="$runtime" XDG_RUNTIME_DIR="$runtime")
# Started directly, not through a function, so that $! is sway itself.
"${run[@]}" "${env_sway[@]}" WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
  sway -c "$dir/sway.cfg" >"$dir/sway.log" 2>&1 &
sway_pid=$!
pids+=("$sway_pid")
socket="" ipc=""
as_sway() { "${run[@]}" "${env_sway[@]}" WAYLAND_DISPLAY="$socket" SWAYSOCK="$ipc" "$@"; }
for _ in $(seq 100); do
  socket=$(cd "$runtime" && ls wayland-* 2>/dev/null | grep -v '\.lock$' | head -n1 || true)
  ipc=$(ls "$runtime"/sway-ipc.*.sock 2>/dev/null | head -n1 || true)
  [ -n "$socket" ] && [ -n "$ipc" ] && break
  sleep 0.1
done
[ -n "$socket" ] && [ -n "$ipc" ] || { echo "sway did not start" >&2; cat "$dir/sway.log" >&2; exit 1; }

XDG_RUNTIME_DIR=$runtime WAYLAND_DISPLAY=$socket \
  "$probe" wayland --idle 2s --timeout 30s >"$dir/out" 2>"$dir/err" &
probe_pid=$!
pids=("$probe_pid" "${pids[@]}")  # the probe goes before its compositor
wait_lines "$dir/out" 1
wait_lines "$dir/out" 2            # two seconds without input
as_sway swaymsg seat seat0 cursor set 20 20 >/dev/null
wait_lines "$dir/out" 3
wait_lines "$dir/out" 4
as_sway wtype -k Shift_L
wait_lines "$dir/out" 5

# Losing the compositor is a warning; the probe keeps running until told to stop.
expect_survives_loss "$probe_pid" "$sway_pid" "lost the compositor"

expect_output "$dir/out" "active
idle since=-2s
active
idle since=-2s
active"
