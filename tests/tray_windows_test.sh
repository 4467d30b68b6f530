#!/usr/bin/env bash
# limber-tray's own windows under Xvfb, against the real limberd: the first-run welcome and
# its "I understand", the settings dialog's "Start Limber when I log in", the weekly summary
# with a week of data, and the session's end while a message box waits for an answer (alone,
# and over the settings window). Screenshots of each are left in OUT for a person to look at.
# Usage: tray_windows_test.sh LIMBERD LIMBERCTL LIMBER_TRAY OUT
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2 TRAY=$3 OUT=$4
here=$(dirname "$0")
. "$here/support/daemon_env.sh"
for tool in Xvfb xdotool import convert dbus-daemon; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 77; }
done
mkdir -p "$OUT"
LIMBER_FAILED=0
unset DISPLAY WAYLAND_DISPLAY
export NO_AT_BRIDGE=1 XDG_CONFIG_DIRS=$LIMBER_TEST_DIR/xdg  # no system-wide autostart entry

start_xvfb 1024x768
start_bus session

settings '# hand-written: keep this comment
[breaks]
every = "45m"
[working_hours]
enabled = false
[daily_routine]
enabled = false'
start_limberd --activity-source none

# tray ARGS...: starts limber-tray; tray_stop ends it.
tray() {
  "$TRAY" "$@" >>"$LIMBER_TEST_DIR/tray.log" 2>&1 &
  tray_pid=$!
  LIMBER_TEST_PIDS=("$tray_pid" "${LIMBER_TEST_PIDS[@]}")
}
tray_stop() { stop_tray "$tray_pid"; }
# snap WINDOW NAME: the window, cropped from the screen, into OUT/NAME.png; sets X Y WIDTH HEIGHT.
snap() {
  xdotool mousemove 0 0 sleep 0.3  # no tooltip over the picture
  eval "$(xdotool getwindowgeometry --shell "$1")"
  import -window root "$LIMBER_TEST_DIR/screen.png"
  convert "$LIMBER_TEST_DIR/screen.png" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$OUT/$2.png"
}
fail() { echo "FAIL $1; tray log:" >&2; cat "$LIMBER_TEST_DIR/tray.log" >&2; import -window root "$OUT/failed.png"; exit 1; }

# 1. Never acknowledged: the welcome opens by itself at start; "I understand" (Enter, its
# default button) writes the acknowledgement with today's date, and it does not come back.
ack=$XDG_CONFIG_HOME/limber/welcome-acknowledged
tray --no-home
welcome=$(timeout 10 xdotool search --sync --name "^Welcome to Limber$" | head -n1) || fail "no welcome window at first start"
sleep 1
snap "$welcome" welcome
[ -e "$ack" ] && fail "acknowledged before anything was clicked"
xdotool windowfocus --sync "$welcome" key Return
for _ in $(seq 50); do [ -s "$ack" ] && break; sleep 0.1; done
check "acknowledgement written" "$(cat "$ack" 2>/dev/null)" "$(date +%F)"
check "welcome closed" "$(xdotool search --name "^Welcome to Limber$" 2>/dev/null | wc -l)" 0
tray_stop
tray --no-home
sleep 2
check "no welcome once acknowledged" "$(xdotool search --name "^Welcome to Limber$" 2>/dev/null | wc -l)" 0
# Typing elsewhere does not wake the tray: 20 presses of Shift, counted as the tray's context
# switches (all threads), are nearly none (GDK's XKB state events are narrowed to locks).
switches() { cat /proc/"$tray_pid"/task/*/status | awk '/ctxt_switches/ {n += $2} END {print n}'; }
before=$(switches)
for _ in $(seq 20); do xdotool key shift; sleep 0.1; done
sleep 0.5
woke=$(($(switches) - before))
echo "     the tray woke $woke times for 20 presses of Shift"
check "typing does not wake the tray" "$([ "$woke" -le 8 ] && echo quiet || echo "woke $woke times")" quiet
# Nor does it map a GL driver it never draws with (GDK_GL=disable).
check "no GL driver mapped" "$(grep -cE 'libLLVM|_dri\.so|libGLX_mesa' /proc/"$tray_pid"/maps || true)" 0
tray_stop

# 2. The settings dialog: tick "Start Limber when I log in" (its mnemonic, Alt+S) and press OK
# (the default button, Return).
desktop=$XDG_CONFIG_HOME/autostart/limber-tray.desktop
tray --show settings
dialog=$(timeout 10 xdotool search --sync --name "^Limber settings$" | head -n1) || fail "no settings dialog"
sleep 1
snap "$dialog" settings-before
check "the dialog fits the screen" "$([ "$HEIGHT" -le 700 ] && [ "$WIDTH" -le 1024 ] && echo yes)" yes
xdotool windowfocus --sync "$dialog" key alt+s
sleep 0.5
snap "$dialog" settings-ticked
xdotool key Return
for _ in $(seq 50); do [ -s "$desktop" ] && break; sleep 0.1; done
[ -s "$desktop" ] || fail "no autostart entry written"
check "entry type" "$(grep -c '^Type=Application$' "$desktop")" 1
check "entry runs this limber-tray" "$(sed -n 's/^Exec=//p' "$desktop")" "$(readlink -f "$TRAY")"
check "entry delay and tray hints" "$(grep -cE '^(X-GNOME-Autostart-Delay=5|X-KDE-autostart-after=panel|X-LXQt-Need-Tray=true|Name=Limber|Icon=limber)$' "$desktop")" 5
check "hand-written comment kept" "$(grep -c '^# hand-written: keep this comment$' "$XDG_CONFIG_HOME/limber/limber.toml")" 1
tray_stop

# ... and untick it: the entry goes away.
tray --show settings
dialog=$(timeout 10 xdotool search --sync --name "^Limber settings$" | head -n1) || fail "no settings dialog"
sleep 1
xdotool windowfocus --sync "$dialog" key alt+s
sleep 0.3
xdotool key Return
for _ in $(seq 50); do [ -e "$desktop" ] || break; sleep 0.1; done
check "autostart entry removed" "$([ -e "$desktop" ] && echo present || echo absent)" absent
tray_stop

# 3. The summary opens with this week's data: a routine done on demand.
"$LIMBERCTL" start quick-daily-reset >/dev/null
"$LIMBERCTL" done >/dev/null
tray --show summary
summary=$(timeout 10 xdotool search --sync --name "^Limber: weekly summary$" | head -n1) || fail "no summary window"
sleep 1.5
snap "$summary" summary
check "summary window mapped" "$([ "$WIDTH" -gt 300 ] && [ "$HEIGHT" -gt 300 ] && echo yes)" yes
# Export CSV (Alt+C) and JSON (Alt+J): the save dialog takes a path, and the file holds the
# week's records as limberctl exports them.
for kind in csv json; do
  key=$([ "$kind" = csv ] && echo alt+c || echo alt+j)
  xdotool windowfocus --sync "$summary" key "$key"
  chooser=$(timeout 10 xdotool search --sync --name "^Export the week's records as" | head -n1) || fail "no save dialog for $kind"
  sleep 1
  xdotool windowfocus --sync "$chooser" key ctrl+a type "$LIMBER_TEST_DIR/week.$kind"
  xdotool key Return
  for _ in $(seq 50); do [ -s "$LIMBER_TEST_DIR/week.$kind" ] && break; sleep 0.1; done
  [ -s "$LIMBER_TEST_DIR/week.$kind" ] || fail "no $kind file written"
done
check "CSV export header" "$(head -n1 "$LIMBER_TEST_DIR/week.csv")" "time_utc,local_time,kind,routine,exercise,side,reps,hold_seconds,length_seconds,was_due,detail"
check "CSV export has the routine" "$(grep -c ',break_completed,quick-daily-reset,' "$LIMBER_TEST_DIR/week.csv")" 1
check "JSON export has the same records" "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["events"]))' "$LIMBER_TEST_DIR/week.json")" "$(($(wc -l <"$LIMBER_TEST_DIR/week.csv") - 1))"
check "limberd's today in the summary reply" "$("$LIMBERCTL" summary --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["today"])')" "$(date +%F)"
check "the day's breaks in the daemon's summary" "$("$LIMBERCTL" summary --json | python3 -c 'import json,sys; d=json.load(sys.stdin)["days"]; print(all("breaks_due" in x and "breaks_taken" in x for x in d))')" True
tray_stop

# 4. The session ends while a message box waits for an answer ("Close the routine?"): the tray
# leaves at once, with exit status 0, as Quit does (GTK's own message box would keep it).
tray --show popup
popup=$(timeout 10 xdotool search --sync --name "^Limber: Quick Daily Reset$" | head -n1) || fail "no routine popup"
sleep 0.5
xdotool windowfocus --sync "$popup" key Escape
confirm=$(timeout 5 xdotool search --sync --name "^Limber$" | head -n1) || fail "Esc asked nothing"
sleep 0.5
snap "$confirm" confirm-close
started=$(date +%s%N)
tray_stop
check "the tray left within 2 s with the question open" \
  "$(( ($(date +%s%N) - started) / 1000000 < 2000 * ${LIMBER_TIME_FACTOR:-1} ))" 1
# 5. The settings window takes a night shift on Monday and writes it as typed; a span that
# ends when it starts is shown as a mistake, and nothing is written.
toml=$XDG_CONFIG_HOME/limber/limber.toml
# monday_field: opens the settings and leaves the keyboard in Monday's field, all of it
# selected: the fifteenth control in the tab order (the breaks' eight, this computer's three,
# the working hours' box, then Monday), and the first Tab reaches the first.
monday_field() {
  tray --show settings
  dialog=$(timeout 10 xdotool search --sync --name "^Limber settings$" | head -n1) || fail "no settings dialog"
  sleep 1
  xdotool windowfocus --sync "$dialog"
  for _ in $(seq 15); do xdotool key Tab; done
  xdotool key ctrl+a
}
monday_field
xdotool type "22:00-02:00"
xdotool key Return
for _ in $(seq 50); do grep -q '^monday = "22:00-02:00"' "$toml" && break; sleep 0.1; done
check "a night shift saved from the settings window" "$(grep -c '^monday = "22:00-02:00"' "$toml")" 1
check "limberd took it" "$("$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["config_error"])')" None
tray_stop
monday_field
xdotool type "22:00-22:00"
xdotool key Return
problem=$(timeout 5 xdotool search --sync --name "^Please check this setting$" | head -n1) || fail "no message for a span that ends when it starts"
sleep 0.5
snap "$problem" settings-problem
xdotool windowfocus --sync "$problem" key Return  # OK: back to the window, to put it right
xdotool windowfocus --sync "$dialog" key Escape
for _ in $(seq 50); do xdotool search --name "^Limber settings$" >/dev/null 2>&1 || break; sleep 0.1; done
check "the mistake was not saved" "$(grep -c '^monday = "22:00-02:00"' "$toml")" 1
tray_stop

# 6. The session ends while a message box waits over the settings window (two modal loops,
# one inside the other): the tray ends both, inside out, and leaves at once with status 0.
monday_field
xdotool type "22:00-22:00"
xdotool key Return
timeout 5 xdotool search --sync --name "^Please check this setting$" >/dev/null || fail "no message for a span that ends when it starts"
sleep 0.5
started=$(date +%s%N)
tray_stop
check "the tray left within 2 s with a message box over the settings" \
  "$(( ($(date +%s%N) - started) / 1000000 < 2000 * ${LIMBER_TIME_FACTOR:-1} ))" 1
check "nothing written as the session ended" "$(grep -c '^monday = "22:00-02:00"' "$toml")" 1
kill -0 "$LIMBERD_PID" && echo "ok   limberd still running"
exit "$LIMBER_FAILED"
