#!/usr/bin/env bash
# Smart pause in limber-tray, against the real limberd at 600 times real speed: during a "call"
# (a process holding a camera device made with mknod) the tray's tooltip, read over D-Bus from
# its StatusNotifierItem, says the break waits and why, and two hours in how long; after the call it says the break is
# coming, then due. The settings dialog turns two signals off (Alt+F, "a window is full
# screen"; Alt+I, "a microphone is in use") and limber.toml says so; a screenshot of the dialog is kept.
# Usage: tray_smart_pause_test.sh LIMBERD LIMBERCTL LIMBER_TRAY. Exits 77 where mknod is not allowed.
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2 TRAY=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/support/daemon_env.sh"
LIMBER_FAILED=0
OUT=${LIMBER_SCREENSHOT_DIR:-$PWD/test-screenshots}
mkdir -p "$OUT"
unset DISPLAY WAYLAND_DISPLAY
export NO_AT_BRIDGE=1

dev=$LIMBER_TEST_DIR/dev
mkdir "$dev"
mknod "$dev/video0" c 1 3 2>/dev/null || { echo "mknod is not allowed here" >&2; exit 77; }

start_xvfb 1024x768
start_bus session
start_sni_watcher
settings '[breaks]
every = "80m"
[working_hours]
enabled = false
[daily_routine]
enabled = false
[smart_pause]
grace = "30m"'
echo 2026-01-01 >"$XDG_CONFIG_HOME/limber/welcome-acknowledged"
start_video_call "$dev/video0"
call=$VIDEO_CALL_PID
start_limberd --activity-source none --time-scale 600 --smart-pause camera --video-devices "$dev"
"$TRAY" --no-home --no-notifications >"$LIMBER_TEST_DIR/tray.log" 2>&1 </dev/null &
tray_pid=$!
LIMBER_TEST_PIDS=("$tray_pid" "${LIMBER_TEST_PIDS[@]}")

# wait_tooltip ERE SECONDS: until the tray's tooltip matches.
wait_tooltip() {
  local i text=
  for i in $(seq $(($2 * 10))); do
    text=$(sni_tooltip "$tray_pid")
    if [[ $text =~ $1 ]]; then echo "ok   tooltip: $text"; return 0; fi
    sleep 0.1
  done
  echo "FAIL tooltip: expected /$1/, last '$text'; tray log:" >&2
  cat "$LIMBER_TEST_DIR/tray.log" >&2
  LIMBER_FAILED=1
  return 1
}

wait_tooltip "^Next break in [0-9]+ min; it will wait while you are on a call$" 10
wait_tooltip "^Your break waits while you are on a call$" 20
# Two hours into the call (12 s here) the tooltip says how long breaks have been held.
wait_tooltip "^Breaks held for 2 h( [0-9]+ min)? while you are on a call$" 20
kill "$call"; wait "$call" 2>/dev/null || true
wait_tooltip "^Your break waited; it comes in [0-9]+ min$" 10
wait_tooltip "^Break due$" 10

# The settings dialog: untick "a window is full screen" by its mnemonic and press OK.
"$TRAY" --show settings >>"$LIMBER_TEST_DIR/tray.log" 2>&1 </dev/null &
LIMBER_TEST_PIDS=("$!" "${LIMBER_TEST_PIDS[@]}")
dialog=$(timeout 10 xdotool search --sync --name "^Limber settings$" | head -n1) || { echo "FAIL no settings dialog" >&2; exit 1; }
sleep 1
eval "$(xdotool getwindowgeometry --shell "$dialog")"
import -window root "$LIMBER_TEST_DIR/screen.png"
convert "$LIMBER_TEST_DIR/screen.png" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$OUT/settings-smart-pause.png"
check "the dialog fits the screen" "$([ "$HEIGHT" -le 740 ] && [ "$WIDTH" -le 1024 ] && echo yes || echo "${WIDTH}x${HEIGHT}")" yes
xdotool windowfocus --sync "$dialog" key alt+f
sleep 0.2
xdotool key alt+i
sleep 0.3
xdotool key Return
toml=$XDG_CONFIG_HOME/limber/limber.toml
for _ in $(seq 50); do grep -q '^fullscreen = false$' "$toml" && break; sleep 0.1; done
check "full screen turned off in limber.toml" "$(grep -c '^fullscreen = false$' "$toml" || true)" 1
check "the microphone turned off" "$(grep -c '^microphone = false$' "$toml" || true)" 1
check "the camera still counts" "$(grep -c '^camera = false$' "$toml" || true)" 0
check "the grace period kept" "$(grep -c '^grace = "30m"$' "$toml" || true)" 1
exit "$LIMBER_FAILED"
