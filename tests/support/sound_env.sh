# For the tests that listen: a private PulseAudio with one null sink, recordings of its monitor,
# and what is in them. Source after daemon_env.sh (it uses $LIMBER_TEST_DIR and the cleanup).

# start_pulse: PulseAudio with the null sink "limber_test"; sets PULSE_SERVER. Exits 77
# (skipped) without pulseaudio, parecord, pactl or sox.
start_pulse() {
  local tool
  for tool in pulseaudio parecord pactl sox; do
    command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 77; }
  done
  local sock=$LIMBER_TEST_DIR/pulse.sock i
  pulseaudio -n --daemonize=no --exit-idle-time=-1 --disable-shm=yes --use-pid-file=no \
    -L "module-native-protocol-unix socket=$sock auth-anonymous=1" \
    -L "module-null-sink sink_name=limber_test" >"$LIMBER_TEST_DIR/pulse.log" 2>&1 &
  LIMBER_TEST_PIDS+=($!)
  export PULSE_SERVER=unix:$sock
  for i in $(seq 100); do pactl info >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "PulseAudio did not start:" >&2
  cat "$LIMBER_TEST_DIR/pulse.log" >&2
  exit 1
}

# start_recording NAME: records the sink into $LIMBER_TEST_DIR/NAME.wav until stop_recording.
start_recording() {
  parecord --device=limber_test.monitor --file-format=wav "$LIMBER_TEST_DIR/$1.wav" &
  recording_pid=$!
  LIMBER_TEST_PIDS+=("$recording_pid")
}
stop_recording() { kill "$recording_pid" 2>/dev/null || true; wait "$recording_pid" 2>/dev/null || true; }

# peak NAME: the loudest sample of NAME.wav, 0 to 1.
peak() { sox "$LIMBER_TEST_DIR/$1.wav" -n stat 2>&1 | awk '/^Maximum amplitude/ {print $3}'; }

# stretches NAME SLICES_PER_SECOND LEVEL: how many separate loud stretches NAME.wav holds,
# slicing it that finely and calling a slice loud above LEVEL.
stretches() {
  sox "$LIMBER_TEST_DIR/$1.wav" -t dat - 2>/dev/null | awk -v per="$2" -v level="$3" '
    !/^;/ { t = int($1 * per); v = ($2 < 0 ? -$2 : $2); if (v > peak[t]) peak[t] = v; if (t > last) last = t }
    END { for (i = 0; i <= last; i++) { on = peak[i] > level; if (on && !was) n++; was = on } print n + 0 }'
}

# loud LEVEL: "sound" when LEVEL is above what silence records, else "silence".
loud() { awk -v a="$1" 'BEGIN { print (a > 0.02) ? "sound" : "silence" }'; }
