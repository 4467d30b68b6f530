#!/usr/bin/env bash
# limber-tray's sounds reach a real sound server: a private PulseAudio with a null sink, whose
# monitor is recorded while a break comes due and while a routine's holds start and end.
# During a call (a process holding a camera device made with mknod) a routine is silent. With
# [sounds] enabled = false in limber.toml (limberd reloads it), the same moments are silent.
# Usage: tray_sounds_test.sh LIMBERD LIMBERCTL LIMBER_TRAY
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2 TRAY=$3
here=$(dirname "$0")
. "$here/support/daemon_env.sh"
. "$here/support/sound_env.sh"
[ -e /usr/share/sounds/freedesktop/stereo/complete.oga ] || { echo "missing sound-theme-freedesktop" >&2; exit 77; }
LIMBER_FAILED=0
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
export NO_AT_BRIDGE=1 HOME=$LIMBER_TEST_DIR/home
mkdir -p "$HOME"
start_xvfb 1024x768
start_pulse

# record NAME SECONDS: the sink for SECONDS; prints the peak amplitude (0 to 1).
record() {
  start_recording "$1"
  sleep "$2"
  stop_recording
  peak "$1"
}

settings '[breaks]
every = "3s"
warn_before = "0s"
[working_hours]
enabled = false
[daily_routine]
enabled = false'
echo 2026-01-01 >"$XDG_CONFIG_HOME/limber/welcome-acknowledged"
# The test's own recording is a capture stream, which smart pause would take for a call: only
# the camera, in a private directory, is watched.
dev=$LIMBER_TEST_DIR/dev
mkdir "$dev"
mknod "$dev/video0" c 1 3 2>/dev/null || echo "     (mknod is not allowed here: the call step is skipped)"
start_limberd --activity-source none --smart-pause camera --video-devices "$dev"
check "sounds on by default" "$("$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["sounds"])')" True

# 1. A break comes due (no notification service: the card shows) with a sound.
"$TRAY" --no-home --no-notifications >>"$LIMBER_TEST_DIR/tray.log" 2>&1 &
tray_pid=$!
LIMBER_TEST_PIDS=("$tray_pid" "${LIMBER_TEST_PIDS[@]}")
peak=$(record due 5)
echo "     peak while the break came due: $peak"
check "a break due is heard" "$(loud "$peak")" sound
xdotool search --name "^Limber$" >/dev/null 2>&1 || { echo "FAIL no break card" >&2; LIMBER_FAILED=1; }

# 2. In the routine, the first chin tuck's hold starts at 1 s and ends at 6 s: two cues.
"$LIMBERCTL" skip >/dev/null
stop_tray "$tray_pid"
"$LIMBERCTL" pause 1h >/dev/null  # no break comes due while the routine plays
start_recording routine
sleep 0.5
"$TRAY" --no-notifications --show popup >>"$LIMBER_TEST_DIR/tray.log" 2>&1 &
tray_pid=$!
LIMBER_TEST_PIDS=("$tray_pid" "${LIMBER_TEST_PIDS[@]}")
timeout 10 xdotool search --sync --name "Limber: Quick Daily Reset" >/dev/null
sleep 8.5
stop_recording
echo "     peak during the first chin tuck: $(peak routine)"
check "the hold is heard" "$(loud "$(peak routine)")" sound
# Two separate sounds: the loud half-seconds come in two runs, apart.
runs=$(stretches routine 2 0.02)
check "hold and release are two cues" "$runs" 2
stop_tray "$tray_pid"

# 2b. The same routine during a call: not a sound, for the others would hear it.
if [ -e "$dev/video0" ]; then
  start_video_call "$dev/video0"
  call=$VIDEO_CALL_PID
  wait_status "['hold']" "camera: videocall" 5
  start_recording call
  "$TRAY" --no-notifications --show popup >>"$LIMBER_TEST_DIR/tray.log" 2>&1 &
  tray_pid=$!
  LIMBER_TEST_PIDS=("$tray_pid" "${LIMBER_TEST_PIDS[@]}")
  timeout 10 xdotool search --sync --name "Limber: Quick Daily Reset" >/dev/null
  sleep 8.5
  stop_recording
  echo "     peak during the first chin tuck, in a call: $(peak call)"
  check "a routine during a call is silent" "$(loud "$(peak call)")" silence
  stop_tray "$tray_pid"
  kill "$call"; wait "$call" 2>/dev/null || true
  wait_status "['hold']" None 5
fi
"$LIMBERCTL" resume >/dev/null

# 3. Sounds off in limber.toml: limberd reloads it, and the next break due is silent.
printf '[sounds]\nenabled = false\n' >>"$XDG_CONFIG_HOME/limber/limber.toml"
for _ in $(seq 50); do
  [ "$("$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["sounds"])')" = False ] && break
  sleep 0.1
done
check "limberd read sounds off" "$("$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["sounds"])')" False
"$LIMBERCTL" skip >/dev/null
"$TRAY" --no-home --no-notifications >>"$LIMBER_TEST_DIR/tray.log" 2>&1 &
tray_pid=$!
LIMBER_TEST_PIDS=("$tray_pid" "${LIMBER_TEST_PIDS[@]}")
peak=$(record quiet 5)
echo "     peak while the next break came due: $peak"
check "sounds off is silent" "$(loud "$peak")" silence
check "the break still came due" "$("$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["phase"])')" due
exit "$LIMBER_FAILED"
