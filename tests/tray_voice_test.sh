#!/usr/bin/env bash
# Hands-free routines, for real: a private PulseAudio (null sink) and speech-dispatcher with
# its espeak-ng voice, limberd, and limber-tray running the Quick Daily Reset from a test
# catalog of 1-second holds. The popup offers "Guide me by voice" once; taking it
# saves voice = true in limber.toml. Every cue of the timeline must then come in order and
# within 100 ms of its planned time, and the speech must reach the sink.
# Usage: tray_voice_test.sh LIMBERD LIMBERCTL LIMBER_TRAY BUILD_DIR
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2 TRAY=$3 BUILD=$4
here=$(dirname "$0")
. "$here/support/daemon_env.sh"
. "$here/support/sound_env.sh"
command -v speech-dispatcher >/dev/null || { echo "missing speech-dispatcher" >&2; exit 77; }
[ -x /usr/lib/speech-dispatcher-modules/sd_espeak-ng ] || { echo "missing speech-dispatcher-espeak-ng" >&2; exit 77; }
LIMBER_FAILED=0
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS SPEECHD_ADDRESS
export NO_AT_BRIDGE=1 HOME=$LIMBER_TEST_DIR/home
mkdir -p "$HOME"
start_xvfb 1024x768
start_pulse

# speech-dispatcher of our own: its socket in $XDG_RUNTIME_DIR/speech-dispatcher, where
# libspeechd looks, speaking through the PulseAudio above with espeak-ng.
mkdir -p "$LIMBER_TEST_DIR/speechd/modules" "$LIMBER_TEST_DIR/speechd-log"
cat >"$LIMBER_TEST_DIR/speechd/speechd.conf" <<CONF
CommunicationMethod "unix_socket"
SocketPath "default"
LogLevel 3
LogDir "$LIMBER_TEST_DIR/speechd-log"
AudioOutputMethod "pulse"
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
DefaultModule espeak-ng
DefaultLanguage "en"
CONF
[ -e /etc/speech-dispatcher/modules/espeak-ng.conf ] && cp /etc/speech-dispatcher/modules/espeak-ng.conf "$LIMBER_TEST_DIR/speechd/modules/"
speech-dispatcher -s -t 0 -C "$LIMBER_TEST_DIR/speechd" >"$LIMBER_TEST_DIR/speechd.log" 2>&1 &
LIMBER_TEST_PIDS+=($!)
for _ in $(seq 100); do [ -S "$XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock" ] && break; sleep 0.1; done
[ -S "$XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock" ] || { echo "FAIL no speech-dispatcher:" >&2; cat "$LIMBER_TEST_DIR/speechd.log" >&2; exit 1; }

# A test catalog: the shipped one with every hold 1 s, two reps, and 2 s to get into position.
data=$LIMBER_TEST_DIR/share/limber
mkdir -p "$data"
cp -r "$BUILD/share/limber/." "$data/"
sed -i -e 's/^hold_seconds = .*/hold_seconds = [1, 1]/' -e 's/^reps = .*/reps = [2, 2]/' \
  -e 's/^setup_seconds = .*/setup_seconds = 2/' "$data/exercises.toml"
export LIMBER_DATA_DIR=$data

settings '[breaks]
every = "3s"
warn_before = "0s"
[working_hours]
enabled = false
[daily_routine]
enabled = false
[sounds]
enabled = false'
echo 2026-01-01 >"$XDG_CONFIG_HOME/limber/welcome-acknowledged"
# The test records the sound server: smart pause would take that for a call.
start_limberd --activity-source none --smart-pause none
check "voice off by default" "$("$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["voice"])')" False

start_recording voice
# A break comes due; with no notification service the card shows, and Return starts it.
"$TRAY" --no-home --verbose --no-notifications >"$LIMBER_TEST_DIR/tray.log" 2>&1 &
tray_pid=$!
LIMBER_TEST_PIDS=("$tray_pid" "${LIMBER_TEST_PIDS[@]}")
card=$(timeout 15 xdotool search --sync --name "^Limber$" | head -n1)
sleep 0.5
xdotool windowfocus --sync "$card" key Return
popup=$(timeout 10 xdotool search --sync --name "Limber: Quick Daily Reset" | head -n1)
sleep 0.5
# "Guide me by voice" sits at the top right, under the progress bar.
eval "$(xdotool getwindowgeometry --shell "$popup")"
xdotool mousemove $((X + WIDTH - 76)) $((Y + 78)) click 1
for _ in $(seq 50); do grep -q '^voice = true' "$XDG_CONFIG_HOME/limber/limber.toml" 2>/dev/null && break; sleep 0.1; done
check "Guide me by voice saved" "$(grep -c '^voice = true' "$XDG_CONFIG_HOME/limber/limber.toml")" 1
check "offered once" "$([ -e "$XDG_STATE_HOME/limber/voice-offered" ] && echo kept)" kept
for _ in $(seq 50); do
  [ "$("$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["voice"])')" = True ] && break
  sleep 0.1
done
check "limberd read voice on" "$("$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["voice"])')" True

# Through the three exercises: after each, Return answers "How did that feel?" (Just right).
for n in 1 2 3; do
  for _ in $(seq 300); do [ "$(grep -c 'cue exercise_end' "$LIMBER_TEST_DIR/tray.log")" -ge "$n" ] && break; sleep 0.1; done
  sleep 0.3
  xdotool windowfocus --sync "$popup" key Return
done
for _ in $(seq 50); do grep -q 'cue routine_end' "$LIMBER_TEST_DIR/tray.log" && break; sleep 0.1; done
sleep 3  # the last words
stop_recording

# Each cue: in order, and within 100 ms of the timeline.
python3 - "$LIMBER_TEST_DIR/tray.log" <<'PY' || LIMBER_FAILED=1
import re, sys
cues = [(m[1], int(m[2]), int(m[3])) for m in re.finditer(r"cue (\w+) at (-?\d+) ms, planned (\d+) ms", open(sys.argv[1]).read())]
kinds = [k for k, _, _ in cues]
late = [(k, a - p) for k, a, p in cues if abs(a - p) > 100]
order = all(cues[i][2] <= cues[i + 1][2] for i in range(len(cues) - 1))
worst = max((abs(a - p) for _, a, p in cues), default=None)
print(f"     {len(cues)} cues, worst {worst} ms from the timeline")
ok = True
for name, got in [("cues came", len(cues) >= 20), ("in order", order), ("on time (100 ms)", not late),
                  ("three exercises", kinds.count("exercise_start") == 3), ("the end", kinds[-1:] == ["routine_end"]),
                  ("holds and releases", kinds.count("hold_start") == kinds.count("release") >= 4)]:
    print(("ok   " if got else "FAIL ") + name)
    ok = ok and got
if late:
    print("late:", late, file=sys.stderr)
sys.exit(0 if ok else 1)
PY
peak=$(peak voice)
echo "     peak on the sink (sounds off, so this is speech): $peak"
check "the voice reached the sink" "$(awk -v a="$peak" 'BEGIN { print (a > 0.05) ? "speech" : "silence" }')" speech
# Spoken lines, one after another: the loud stretches of the recording, at least one per rep.
bursts=$(stretches voice 5 0.05)
echo "     $bursts spoken stretches"
check "a line for each moment" "$([ "$bursts" -ge 12 ] && echo yes)" yes
exit "$LIMBER_FAILED"
