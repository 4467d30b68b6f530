#!/usr/bin/env bash
# limber-tray's sounds reach a real sound server: a private PulseAudio with a null sink, whose
# monitor is recorded while a break comes due and while a routine's holds start and end.
# With [sounds] enabled = false in limber.toml (limberd reloads it), the same moments are silent.
# Usage: tray_sounds_test.sh LIMBERD LIMBERCTL LIMBER_TRAY
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2 TRAY=$3
here=$(dirname "$0")
. "$here/support/daemon_env.sh"
for tool in Xvfb xdotool pulseaudio parecord pactl sox; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 77; }
done
[ -e /usr/share/sounds/freedesktop/stereo/complete.oga ] || { echo "missing sound-theme-freedesktop" >&2; exit 77; }
LIMBER_FAILED=0
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
export NO_AT_BRIDGE=1 HOME=$LIMBER_TEST_DIR/home
mkdir -p "$HOME"

Xvfb -displayfd 3 -nolisten tcp -screen 0 1024x768x24 3>"$LIMBER_TEST_DIR/display" 2>/dev/null &
LIMBER_TEST_PIDS+=($!)
for _ in $(seq 100); do [ -s "$LIMBER_TEST_DIR/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -n1 "$LIMBER_TEST_DIR/display")"

# A sound server of our own, with nothing but a null sink; the tray finds it by PULSE_SERVER.
pulse=$LIMBER_TEST_DIR/pulse.sock
pulseaudio -n --daemonize=no --exit-idle-time=-1 --disable-shm=yes --use-pid-file=no \
  -L "module-native-protocol-unix socket=$pulse auth-anonymous=1" \
  -L "module-null-sink sink_name=limber_test" >"$LIMBER_TEST_DIR/pulse.log" 2>&1 &
LIMBER_TEST_PIDS+=($!)
export PULSE_SERVER=unix:$pulse
for _ in $(seq 100); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
pactl info >/dev/null 2>&1 || { echo "FAIL no PulseAudio:" >&2; cat "$LIMBER_TEST_DIR/pulse.log" >&2; exit 1; }

# record NAME SECONDS: the sink's monitor for SECONDS; prints the peak amplitude (0 to 1).
record() {
  parecord --device=limber_test.monitor --file-format=wav "$LIMBER_TEST_DIR/$1.wav" &
  local pid=$!
  sleep "$2"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  sox "$LIMBER_TEST_DIR/$1.wav" -n stat 2>&1 | awk '/^Maximum amplitude/ {print $3}'
}
loud() { awk -v a="$1" 'BEGIN { print (a > 0.02) ? "sound" : "silence" }'; }

settings '[breaks]
every = "3s"
warn_before = "0s"
[working_hours]
enabled = false
[daily_routine]
enabled = false'
echo 2026-01-01 >"$XDG_CONFIG_HOME/limber/welcome-acknowledged"
start_limberd --activity-source none
check "sounds on by default" "$("$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["sounds"])')" True

# 1. A break comes due (no notification service: the card shows) with a sound.
"$TRAY" --no-notifications >>"$LIMBER_TEST_DIR/tray.log" 2>&1 &
tray_pid=$!
LIMBER_TEST_PIDS=("$tray_pid" "${LIMBER_TEST_PIDS[@]}")
peak=$(record due 5)
echo "     peak while the break came due: $peak"
check "a break due is heard" "$(loud "$peak")" sound
xdotool search --name "^Limber$" >/dev/null 2>&1 || { echo "FAIL no break card" >&2; LIMBER_FAILED=1; }

# 2. In the routine, the first chin tuck's hold starts at 1 s and ends at 6 s: two cues.
"$LIMBERCTL" skip >/dev/null
kill "$tray_pid"; wait "$tray_pid" 2>/dev/null || true
"$LIMBERCTL" pause 1h >/dev/null  # no break comes due while the routine plays
parecord --device=limber_test.monitor --file-format=wav "$LIMBER_TEST_DIR/routine.wav" &
rec=$!
sleep 0.5
"$TRAY" --no-notifications --show popup >>"$LIMBER_TEST_DIR/tray.log" 2>&1 &
tray_pid=$!
LIMBER_TEST_PIDS=("$tray_pid" "${LIMBER_TEST_PIDS[@]}")
timeout 10 xdotool search --sync --name "Limber: Quick Daily Reset" >/dev/null
sleep 8.5
kill "$rec"; wait "$rec" 2>/dev/null || true
peak=$(sox "$LIMBER_TEST_DIR/routine.wav" -n stat 2>&1 | awk '/^Maximum amplitude/ {print $3}')
echo "     peak during the first chin tuck: $peak"
check "the hold is heard" "$(loud "$peak")" sound
# Two separate sounds: the loud half-seconds come in two runs, apart.
runs=$(sox "$LIMBER_TEST_DIR/routine.wav" -t dat - 2>/dev/null | awk '
  !/^;/ { t = int($1 * 2); v = ($2 < 0 ? -$2 : $2); if (v > peak[t]) peak[t] = v; if (t > last) last = t }
  END { for (i = 0; i <= last; i++) { on = peak[i] > 0.02; printf "%s", (on ? "#" : ".") > "/dev/stderr"; if (on && !was) n++; was = on } print "" > "/dev/stderr"; print n }')
check "hold and release are two cues" "$runs" 2
kill "$tray_pid"; wait "$tray_pid" 2>/dev/null || true
"$LIMBERCTL" resume >/dev/null

# 3. Sounds off in limber.toml: limberd reloads it, and the next break due is silent.
printf '[sounds]\nenabled = false\n' >>"$XDG_CONFIG_HOME/limber/limber.toml"
for _ in $(seq 50); do
  [ "$("$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["sounds"])')" = False ] && break
  sleep 0.1
done
check "limberd read sounds off" "$("$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["sounds"])')" False
"$LIMBERCTL" skip >/dev/null
"$TRAY" --no-notifications >>"$LIMBER_TEST_DIR/tray.log" 2>&1 &
tray_pid=$!
LIMBER_TEST_PIDS=("$tray_pid" "${LIMBER_TEST_PIDS[@]}")
peak=$(record quiet 5)
echo "     peak while the next break came due: $peak"
check "sounds off is silent" "$(loud "$peak")" silence
check "the break still came due" "$("$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["phase"])')" due
exit "$LIMBER_FAILED"
