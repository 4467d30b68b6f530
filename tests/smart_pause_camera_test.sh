#!/usr/bin/env bash
# Smart pause's camera source with a real character device: a process that opens it holds
# breaks (named by its process name), closing it ends that, a device that appears while the
# source runs is watched too, and one removed while held open (a camera unplugged during a
# call) lets go. The device is a copy of /dev/null's node (mknod), in a
# private directory standing for /dev.
# Usage: smart_pause_camera_test.sh PROBE. Exits 77 (skipped) where mknod is not allowed.
set -euo pipefail
probe=$1
. "$(dirname "$0")/support/wait_lines.sh"

dir=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$dir"
}
trap cleanup EXIT
mkdir "$dir/dev"
mknod "$dir/dev/video0" c 1 3 2>/dev/null || { echo "mknod is not allowed here" >&2; exit 77; }

"$probe" camera --video-devices "$dir/dev" --timeout 60s >"$dir/out" 2>"$dir/err" </dev/null &
probe_pid=$!
pids=("$probe_pid")
wait_lines "$dir/out" 1
for _ in $(seq 50); do grep -q watching "$dir/err" && break; sleep 0.1; done

# A "call" that holds the camera for a while (tests/support/videocall).
"$(dirname "$0")/support/videocall" "$dir/dev/video0" </dev/null >/dev/null 2>&1 &
call=$!
pids=("$call" "${pids[@]}")
wait_lines "$dir/out" 2
kill "$call"; wait "$call" 2>/dev/null || true
wait_lines "$dir/out" 3

# A camera plugged in later.
mknod "$dir/dev/video1" c 1 3
sleep 0.3
"$(dirname "$0")/support/videocall" "$dir/dev/video1" </dev/null >/dev/null 2>&1 &
call=$!
pids=("$call" "${pids[@]}")
wait_lines "$dir/out" 4
kill "$call"; wait "$call" 2>/dev/null || true
wait_lines "$dir/out" 5

# Merely reading the device's metadata is not a call.
stat "$dir/dev/video0" >/dev/null
sleep 0.5

# A camera unplugged during a call: its node goes while the call still holds it open, and
# no close ever comes for that path. The hold ends with the node.
"$(dirname "$0")/support/videocall" "$dir/dev/video1" </dev/null >/dev/null 2>&1 &
call=$!
pids=("$call" "${pids[@]}")
wait_lines "$dir/out" 6
rm "$dir/dev/video1"
wait_lines "$dir/out" 7
kill -0 "$call" || { echo "the call ended by itself; the test proves nothing" >&2; exit 1; }
kill "$call"; wait "$call" 2>/dev/null || true
expect_output "$dir/out" "off
on camera: videocall
off
on camera: videocall
off
on camera: videocall
off"
grep -i warn "$dir/err" && { echo "unexpected warning" >&2; exit 1; }
echo "ok: the camera held, released, a new camera seen, an unplugged one let go"
