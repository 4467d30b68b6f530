#!/usr/bin/env bash
# limberd's footprint with a user typing: a private Xvfb, limberd on the X11 source, and
# xdotool pressing a key or moving the mouse every 200 ms for WINDOW seconds (default 60),
# then the same time with no input. Reads /proc: RSS and PSS, CPU seconds, context switches
# of all threads (each one a wake-up), and the time from exec to the socket accepting.
# Usage: bench/limberd_footprint.sh [BUILD_DIR] [WINDOW_SECONDS]
# Targets (docs/PERFORMANCE.md): RSS <= 8 MiB, <= 0.2 wake-ups/s while active, ready <= 50 ms.
set -euo pipefail
build=${1:-build}
window=${2:-60}
LIMBERD=$(realpath "$build/bin/limberd") LIMBERCTL=$(realpath "$build/bin/limberctl")
. "$(dirname "$0")/../tests/support/daemon_env.sh"
LIMBER_FAILED=0
start_xvfb
settings '[working_hours]
enabled = false
[daily_routine]
enabled = false'

# Time to ready: exec to the first accepted connection, the median of 7 starts.
ready_ms=$(python3 - "$LIMBERD" "$XDG_RUNTIME_DIR/limber/limberd.sock" "$LIMBER_TEST_DIR/ready.log" <<'PY'
import os, signal, socket, statistics, subprocess, sys, time
limberd, path, log = sys.argv[1:]
times = []
for _ in range(7):
    out = open(log, "a")
    t0 = time.monotonic()
    p = subprocess.Popen([limberd, "--no-notifications", "--activity-source", "x11"], stdout=out, stderr=out)
    while True:
        s = socket.socket(socket.AF_UNIX)
        try:
            s.connect(path)
            break
        except OSError:
            if p.poll() is not None or time.monotonic() - t0 > 5:
                sys.exit("limberd did not start; see " + log)
            time.sleep(0.0002)
        finally:
            s.close()
    times.append((time.monotonic() - t0) * 1000)
    p.send_signal(signal.SIGTERM)
    p.wait()
print(f"{statistics.median(times):.1f} (best {min(times):.1f}, worst {max(times):.1f})")
PY
)

xdotool mousemove 10 10
start_limberd --activity-source x11
pid=$LIMBERD_PID

# cpu_ticks, switches: utime+stime of the process; voluntary+nonvoluntary switches of all threads.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
switches() { cat /proc/"$pid"/task/*/status | awk '/^(non)?voluntary_ctxt_switches/ {n += $2} END {print n}'; }
kib() { awk -v k="$2" '$1 == k":" {print $2}' "$1"; }
tck=$(getconf CLK_TCK)

# measure SECONDS [typing]: CPU seconds and wake-ups per second over SECONDS.
measure() {
  local c0 s0 t0 c1 s1 t1 end x=0
  c0=$(cpu_ticks) s0=$(switches) t0=$EPOCHREALTIME
  end=$(($(date +%s) + $1))
  while [ "$(date +%s)" -lt "$end" ]; do
    if [ "${2:-}" = typing ]; then
      x=$(((x + 13) % 600))
      if ((x % 2)); then xdotool key shift; else xdotool mousemove "$x" 40; fi
    fi
    sleep 0.2
  done
  c1=$(cpu_ticks) s1=$(switches) t1=$EPOCHREALTIME
  python3 -c "import sys; c0,c1,s0,s1,t0,t1,tck=map(float,sys.argv[1:]); print(f'{(c1-c0)/tck:.2f} {(s1-s0)/(t1-t0):.3f} {int(s1-s0)}')" \
    "$c0" "$c1" "$s0" "$s1" "$t0" "$t1" "$tck"
}

read -r cpu_active wake_active n_active < <(measure "$window" typing)
rss_active=$(kib /proc/$pid/status VmRSS) pss_active=$(kib /proc/$pid/smaps_rollup Pss) hwm=$(kib /proc/$pid/status VmHWM)
threads=$(ls /proc/$pid/task | wc -l)
read -r cpu_idle wake_idle n_idle < <(measure "$window")
rss_idle=$(kib /proc/$pid/status VmRSS) pss_idle=$(kib /proc/$pid/smaps_rollup Pss)
stop_limberd

# What a sound server costs: libpulse is loaded only once one is there (pulse_api.hpp). A fresh
# limberd read 3 s after start, without a server and then with a private PulseAudio.
fresh() {  # fresh: "RSS PSS" in KiB of a limberd 3 s after start
  start_limberd --activity-source x11
  sleep 3
  echo "$(kib /proc/$LIMBERD_PID/status VmRSS) $(kib /proc/$LIMBERD_PID/smaps_rollup Pss) $(grep -c /libpulse /proc/$LIMBERD_PID/maps || true)"
  stop_limberd >/dev/null
}
read -r rss_bare pss_bare pulse_bare < <(fresh)
sound="no pulseaudio here: not measured"
if command -v pulseaudio >/dev/null && command -v pactl >/dev/null && command -v parecord >/dev/null && command -v sox >/dev/null; then
  . "$(dirname "$0")/../tests/support/sound_env.sh"
  start_pulse
  read -r rss_sound pss_sound pulse_sound < <(fresh)
  sound="RSS $rss_bare -> $rss_sound KiB (+$((rss_sound - rss_bare))), PSS $pss_bare -> $pss_sound KiB (+$((pss_sound - pss_bare))); libpulse mapped: $pulse_bare -> $pulse_sound"
fi

mib() { python3 -c "print(f'{$1 / 1024:.1f}')"; }
cat <<TABLE

limberd footprint ($(uname -m), $(nproc) cores, ${window} s typing then ${window} s without input, $threads threads)

| figure | typing | no input | target |
|---|---|---|---|
| RSS MiB | $(mib "$rss_active") (peak $(mib "$hwm")) | $(mib "$rss_idle") | ≤ 8 |
| PSS MiB | $(mib "$pss_active") | $(mib "$pss_idle") | |
| CPU seconds | $cpu_active | $cpu_idle | |
| wake-ups/s (context switches, all threads) | $wake_active ($n_active) | $wake_idle ($n_idle) | ≤ 0.2 while active |
| exec to socket accepting, ms | $ready_ms | | ≤ 50 |

With a sound server (the microphone signal's libpulse, target ≤ 2 MiB added): $sound
TABLE
exit "$LIMBER_FAILED"
