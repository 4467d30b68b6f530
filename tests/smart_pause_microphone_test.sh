#!/usr/bin/env bash
# The microphone source against a real PulseAudio (a private one, with a null sink whose
# monitor parecord records): no server at first, a recording already running at start, one
# starting and ending, the application's name as the stream gives it, the streams that do not
# count (a volume meter, our own process), and the server going away.
# Usage: smart_pause_microphone_test.sh PROBE. Exits 77 (skipped) without pulseaudio or its tools.
set -euo pipefail
probe=$1
LIMBERD=unused LIMBERCTL=unused
. "$(dirname "$0")/support/daemon_env.sh"
. "$(dirname "$0")/support/wait_lines.sh"
. "$(dirname "$0")/support/hold_probe.sh"
. "$(dirname "$0")/support/sound_env.sh"
out=$LIMBER_TEST_DIR probe_source=microphone

record() {  # record ARGS...: parecord on the null sink's monitor; its pid in $rec_pid
  parecord --device=limber_test.monitor "$@" /dev/null </dev/null >/dev/null 2>&1 &
  rec_pid=$!
  LIMBER_TEST_PIDS+=("$rec_pid")
}
unrecord() { kill "$1"; wait "$1" 2>/dev/null || true; }
# streams N: waits until the server has N capture streams.
streams() {
  local i n=
  for i in $(seq 100); do
    n=$(pactl list short source-outputs | wc -l)
    [ "$n" = "$1" ] && return 0
    sleep 0.1
  done
  echo "expected $1 capture streams, the server has $n" >&2
  exit 1
}

# 1. No sound server for a while (daemon_env.sh points PULSE_SERVER at nothing; here, at where
# start_pulse will put one): off and said once, however often it looks again, and found once
# it is there.
export PULSE_SERVER=unix:$LIMBER_TEST_DIR/pulse.sock
probe_run late --sound-retry 1s --count 3 --timeout 30s
wait_lines "$out/late.out" 1
sleep 2.5
probe_maps late libpulse.so no  # nothing to hear, nothing loaded
start_pulse
pulse_pid=${LIMBER_TEST_PIDS[-1]}
record
wait_lines "$out/late.out" 2
probe_maps late libpulse.so yes
unrecord "$rec_pid"
probe_done late "off
on microphone: parecord
off"
said=$(grep -c 'microphone: no sound server; calls are not detected by microphone' "$out/late.err" || true)
[ "$said" = 1 ] || { echo "expected the no-server warning once, got $said:" >&2; cat "$out/late.err" >&2; exit 1; }
grep -q 'microphone: found the sound server' "$out/late.err" || { echo "no word of the server found:" >&2; cat "$out/late.err" >&2; exit 1; }
echo "ok   no server at first: warned once, found later"
streams 0

# 2. A recording already running when the source starts.
record
streams 1
probe_run early --count 3 --timeout 20s
wait_lines "$out/early.out" 2
unrecord "$rec_pid"
probe_done early "off
on microphone: parecord
off"
streams 0

# 3. Recordings starting and ending while it watches; the name is the stream's application.
probe_run live --count 5 --timeout 30s
wait_lines "$out/live.out" 1
record
wait_lines "$out/live.out" 2
unrecord "$rec_pid"
wait_lines "$out/live.out" 3
record --property=application.name=Meeting
wait_lines "$out/live.out" 4
unrecord "$rec_pid"
probe_done live "off
on microphone: parecord
off
on microphone: Meeting
off"

# 4. What does not count: a volume meter (pavucontrol's application.id) and a stream of the
# probe's own process. Each runs a second before a real call starts: the first line after
# "off" must be the call, never the meter or the probe.
probe_run ignored --count 3 --timeout 30s
wait_lines "$out/ignored.out" 1
record --property=application.name=Meter --property=application.id=org.PulseAudio.pavucontrol
meter=$rec_pid
record --property=application.name=Ourselves "--property=application.process.id=$probe_pid"
ourselves=$rec_pid
streams 2
sleep 1
[ "$(wc -l <"$out/ignored.out")" = 1 ] || { echo "a stream that does not count turned the signal on:" >&2; cat "$out/ignored.out" >&2; exit 1; }
record --property=application.name=Call
call=$rec_pid
wait_lines "$out/ignored.out" 2
unrecord "$call"
probe_done ignored "off
on microphone: Call
off"
unrecord "$meter"
unrecord "$ourselves"

# 5. The server goes away during a call: off, and a warning; the probe carries on.
probe_run lost --count 3 --timeout 30s
wait_lines "$out/lost.out" 1
record
wait_lines "$out/lost.out" 2
kill "$pulse_pid"
wait "$pulse_pid" 2>/dev/null || true
probe_done lost "off
on microphone: parecord
off"
grep -q 'microphone: lost the sound server' "$out/lost.err" || { echo "no warning on losing the server:" >&2; cat "$out/lost.err" >&2; exit 1; }
echo "ok   lost server: warned"
