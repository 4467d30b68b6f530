#!/usr/bin/env bash
# The inhibitors source against mock desktop services on a private session bus: GNOME's
# session manager (tests/support/gnome_session_template.py) and KDE's
# org.freedesktop.PowerManagement.Inhibit (power_inhibit_template.py), driven the way
# applications drive them. Checks: no session bus; a service that starts after the source; an
# idle inhibitor named by its application while one for suspend only does not count; one held
# before the source starts; KDE's; a service that goes away; an application that dies holding
# an inhibitor; the bus that goes away.
# Usage: smart_pause_inhibitors_test.sh PROBE. Exits 77 (skipped) without dbus-daemon, gdbus or dbusmock.
set -euo pipefail
probe=$1
here=$(cd "$(dirname "$0")" && pwd)
LIMBERD=unused LIMBERCTL=unused
. "$here/support/daemon_env.sh"
. "$here/support/wait_lines.sh"
. "$here/support/hold_probe.sh"
out=$LIMBER_TEST_DIR probe_source=inhibitors

# still NAME LINES: after a moment, NAME's output has only LINES lines.
still() {
  sleep 0.5
  [ "$(wc -l <"$out/$1.out")" = "$2" ] || { echo "$1: expected $2 lines so far:" >&2; cat "$out/$1.out" >&2; exit 1; }
}
# mock gnome|power [session|inhibit [PARAMETERS]]: starts that service's mock; its pid in $mock_pid.
mock() {
  local name obj
  case $1 in
    gnome) name=org.gnome.SessionManager obj=/org/gnome/SessionManager ;;
    power) name=org.freedesktop.PowerManagement obj=/org/freedesktop/PowerManagement/Inhibit ;;
  esac
  /usr/bin/python3 -m dbusmock --session --template "$here/support/$1_${2:-session}_template.py" ${3:+--parameters "$3"} \
    >"$out/mock-$1.log" 2>&1 </dev/null &
  mock_pid=$!
  LIMBER_TEST_PIDS+=("$mock_pid")
  local i
  for i in $(seq 100); do
    gdbus introspect --session -d "$name" -o "$obj" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "the $1 mock did not start:" >&2
  cat "$out/mock-$1.log" >&2
  exit 1
}
gsm() {  # gsm METHOD ARGS...: a call to the session manager; prints its reply
  gdbus call --session -d org.gnome.SessionManager -o /org/gnome/SessionManager -m "org.gnome.SessionManager.$1" "${@:2}"
}
pm() {
  gdbus call --session -d org.freedesktop.PowerManagement -o /org/freedesktop/PowerManagement/Inhibit \
    -m "org.freedesktop.PowerManagement.Inhibit.$1" "${@:2}"
}
cookie() { sed -n 's/^(uint32 \([0-9]*\),)$/\1/p'; }  # the cookie in "(uint32 N,)"
unmock() { kill "$1"; wait "$1" 2>/dev/null || true; }

# 1. No session bus (none at XDG_RUNTIME_DIR, no address): off, and said once.
unset DBUS_SESSION_BUS_ADDRESS
probe_run nobus --timeout 1s
probe_done nobus "off"
said=$(grep -c 'inhibitors: no session bus' "$out/nobus.err" || true)
[ "$said" = 1 ] || { echo "expected the no-bus warning once, got $said:" >&2; cat "$out/nobus.err" >&2; exit 1; }
echo "ok   no bus: warned once"

start_bus session
bus_pid=${LIMBER_TEST_PIDS[-1]}

# 2. GNOME's session manager starts after the source. A suspend-only inhibitor (flags 4) does
# not count; an idle one (8) does, named by its app id even when the other is listed first.
probe_run gnome --count 5 --timeout 30s
wait_lines "$out/gnome.out" 1
mock gnome
backup=$(gsm Inhibit backup-tool 0 "Backing up" 4 | cookie)
still gnome 1
mpv=$(gsm Inhibit mpv 0 "Playing a video" 8 | cookie)
wait_lines "$out/gnome.out" 2
gsm Uninhibit "$mpv" >/dev/null
wait_lines "$out/gnome.out" 3
# Idle and suspend together (12) count too.
slides=$(gsm Inhibit org.gnome.Slides 0 "Presenting" 12 | cookie)
wait_lines "$out/gnome.out" 4
gsm Uninhibit "$slides" >/dev/null
probe_done gnome "off
on inhibitors: mpv
off
on inhibitors: org.gnome.Slides
off"

# 3. Held before the source starts: on at once. Then the session manager goes away: off.
mpv=$(gsm Inhibit mpv 0 "Playing a video" 8 | cookie)
probe_run gone --count 3 --timeout 30s
wait_lines "$out/gone.out" 2
unmock "$mock_pid"
wait_lines "$out/gone.out" 3
probe_done gone "off
on inhibitors: mpv
off"

# 4. KDE's PowerManagement.Inhibit, named from ListInhibitions.
probe_run kde --count 5 --timeout 30s
wait_lines "$out/kde.out" 1
mock power inhibit
vlc=$(pm Inhibit vlc "Playing a video" | cookie)
wait_lines "$out/kde.out" 2
pm UnInhibit "$vlc" >/dev/null
wait_lines "$out/kde.out" 3
vlc=$(pm Inhibit vlc "Playing a video" | cookie)
wait_lines "$out/kde.out" 4
unmock "$mock_pid"
probe_done kde "off
on inhibitors: vlc
off
on inhibitors: vlc
off"

# 4b. A player that holds an idle inhibitor and dies without releasing it: the session manager
# drops it when its caller leaves the bus (as gnome-session does), and the hold ends with it.
mock gnome session '{"drop_on_disconnect": true}'
/usr/bin/python3 -c '
import dbus, signal, sys
bus = dbus.SessionBus()
gsm = dbus.Interface(bus.get_object("org.gnome.SessionManager", "/org/gnome/SessionManager"), "org.gnome.SessionManager")
print(gsm.Inhibit("celluloid", dbus.UInt32(0), "Playing a video", dbus.UInt32(8)), flush=True)
signal.pause()
' >"$out/player.out" 2>&1 </dev/null &
player=$!
LIMBER_TEST_PIDS+=("$player")
wait_lines "$out/player.out" 1  # its cookie: the inhibitor is held
probe_run crash --count 3 --timeout 30s
wait_lines "$out/crash.out" 2
kill -KILL "$player"
{ wait "$player"; } 2>/dev/null || true
probe_done crash "off
on inhibitors: celluloid
off"
unmock "$mock_pid"

# 5. The session bus itself goes away during an inhibitor: off, a warning, and the probe lives on.
mock power inhibit
vlc=$(pm Inhibit vlc "Playing a video" | cookie)
probe_run busgone --timeout 30s
wait_lines "$out/busgone.out" 2
kill "$bus_pid"
wait "$bus_pid" 2>/dev/null || true
wait_lines "$out/busgone.out" 3
# The mock's name may go first (off), the connection after it (the warning): wait for both.
for _ in $(seq 50); do grep -q 'inhibitors: lost the session bus' "$out/busgone.err" && break; sleep 0.1; done
grep -q 'inhibitors: lost the session bus' "$out/busgone.err" || { echo "no warning on losing the bus:" >&2; cat "$out/busgone.err" >&2; exit 1; }
kill "$probe_pid"
probe_done busgone "off
on inhibitors: vlc
off"
echo "ok   lost bus: warned"
