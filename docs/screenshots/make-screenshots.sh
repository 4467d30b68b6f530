#!/usr/bin/env bash
# Regenerates the README's screenshots from the real windows under Xvfb: the home window, the
# routine popup, the tray menu, the weekly summary, the break card, the settings window and the
# first-run welcome.
# Usage: docs/screenshots/make-screenshots.sh [BUILD_DIR]
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
out=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state XDG_RUNTIME_DIR=$work/run
export NO_AT_BRIDGE=1 TZ=UTC
export PULSE_SERVER=unix:/nonexistent/limber-screenshots  # pictures, not sounds
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset WAYLAND_DISPLAY

Xvfb -displayfd 3 -nolisten tcp -screen 0 1024x768x24 3>"$work/display" 2>/dev/null &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -n1 "$work/display")"
# A bus that starts none of the machine's services (a notification daemon would draw on the shots).
mkdir -p "$work/bus-services"
sed "s|@SERVICEDIR@|$work/bus-services|" "$(dirname "$0")/../../tests/support/session-bus.conf.in" >"$work/bus.conf"
dbus-daemon --config-file="$work/bus.conf" --nofork --address="unix:path=$work/bus" >/dev/null 2>&1 &
pids+=($!)
export DBUS_SESSION_BUS_ADDRESS="unix:path=$work/bus"
# A grey desktop rather than black, so window edges show.
xsetroot -solid '#d9dedd' 2>/dev/null || true

# Years of history, so the summary has something to say; the clock is set inside it.
mkdir -p "$XDG_DATA_HOME/limber"
"$build/bin/limber_bench_summary" "$XDG_DATA_HOME/limber/limber.db" >/dev/null
"$build/bin/limberd" --activity-source none --no-notifications --clock-start 2024-04-12T13:20:00Z >"$work/limberd.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do "$build/bin/limberctl" status >/dev/null 2>&1 && break; sleep 0.05; done

# shot NAME WINDOW-NAME-REGEX [extra wait]: the named window, cropped, small.
shot() {
  local wid
  wid=$(timeout 10 xdotool search --sync --name "$2" | tail -n1)
  xdotool mousemove 0 0  # no tooltip over the picture
  sleep "${3:-1}"
  eval "$(xdotool getwindowgeometry --shell "$wid")"
  import -window root "$work/screen.png"
  convert "$work/screen.png" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage -bordercolor '#b8c0bf' -border 1 -strip "$out/$1.png"
}
tray() {
  "$build/bin/limber-tray" --verbose "$@" >>"$work/tray.log" 2>&1 &
  tray_pid=$!
  pids+=("$tray_pid")
}
stop_tray() { kill "$tray_pid" 2>/dev/null || true; wait "$tray_pid" 2>/dev/null || true; }

tray --show summary
shot summary "Limber: weekly summary" 2
stop_tray

tray --show popup:quick-daily-reset
shot popup "Limber: Quick Daily Reset" 7
stop_tray

tray --show card --no-notifications
shot card "^Limber$"
stop_tray

tray --show settings
shot settings "Limber settings"
stop_tray

tray --show welcome
shot welcome "Welcome to Limber"
stop_tray
# Acknowledged from here on, so the welcome stays out of the tray menu's picture.
mkdir -p "$XDG_CONFIG_HOME/limber" && echo 2024-04-12 >"$XDG_CONFIG_HOME/limber/welcome-acknowledged"

tray --show home
shot home "^Limber$" 2
stop_tray

trayer --edge top --align right --widthtype request --height 32 --SetDockType true --transparent false >/dev/null 2>&1 &
pids+=($!)
tray --no-home  # the tray above shows the icon; no race with trayer taking its selection
sleep 3
panel=$(xdotool search --class trayer | tail -n1)
eval "$(xdotool getwindowgeometry --shell "$panel")"
xdotool mousemove $((X + WIDTH - 14)) $((Y + 16)) click 3
sleep 1
import -window root "$work/screen.png"
convert "$work/screen.png" -crop 300x330+724+0 +repage -strip "$out/menu.png"
xdotool key Escape
stop_tray
ls -l "$out"/*.png
