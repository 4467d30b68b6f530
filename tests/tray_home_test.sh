#!/usr/bin/env bash
# The home window, for real under Xvfb and openbox, against the real limberd. On a desktop
# with no tray (no StatusNotifierWatcher, no XEmbed tray) launching limber-tray shows it; it
# shows limberd's state (working, due, paused, waiting for a call to end, not running) and its
# buttons drive start, snooze, skip, pause and resume through to limberd's record; closing it
# never stops Limber (the first close says how to come back) and a break due still notifies; a
# second launch and each of the desktop entry's actions reach the running tray, leaving one;
# then a left click on the XEmbed icon (trayer) and SNI's Activate (a mock watcher) each open
# it again. Screenshots of each state are left in OUT (home-*.png).
# Usage: tray_home_test.sh LIMBERD LIMBERCTL LIMBER_TRAY OUT. Exits 77 without its tools.
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2 TRAY=$3 OUT=$4
. "$(dirname "$0")/support/daemon_env.sh"
for tool in Xvfb xdotool import openbox wmctrl trayer dbus-daemon; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 77; }
done
mkdir -p "$OUT"
LIMBER_FAILED=0
unset WAYLAND_DISPLAY
export NO_AT_BRIDGE=1  # no accessibility bus to start in a test session
fail() { echo "FAIL $*" >&2; LIMBER_FAILED=1; }
f=${LIMBER_TIME_FACTOR:-1}  # the sanitizer build is slower: its waits are longer
phase() { "$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["phase"])'; }
recorded() { "$LIMBERCTL" export --csv | cut -d, -f3 | grep -cx "$1" || true; }
# wait_phase PHASE: up to 10 s for limberd to be in PHASE.
wait_phase() { for _ in $(seq $((100 * f))); do [ "$(phase)" = "$1" ] && return 0; sleep 0.1; done; fail "phase never became $1 (is $(phase))"; }
# home_windows: the ids of windows titled exactly "Limber" that are mapped.
home_windows() { xdotool search --onlyvisible --name '^Limber$' 2>/dev/null || true; }
# shot NAME: the home window, as the user sees it, in OUT/home-NAME.png.
shot() {
  sleep 0.4
  import -window "$home" "$OUT/home-$1.png" || fail "no screenshot of the home window ($1)"
}
# press KEYS: keys to the home window, focused first.
press() { xdotool windowactivate --sync "$home" >/dev/null 2>&1 || true; xdotool key --clearmodifiers "$@"; sleep 0.3; }

start_xvfb 1024x768
HOME=$LIMBER_TEST_DIR openbox --sm-disable >"$LIMBER_TEST_DIR/openbox.log" 2>&1 </dev/null &
LIMBER_TEST_PIDS+=($!)
for _ in $(seq $((50 * f))); do wmctrl -m >/dev/null 2>&1 && break; sleep 0.1; done
start_bus session
start_notify_mock
echo 2026-01-01 >"$XDG_CONFIG_HOME/limber/welcome-acknowledged"  # the welcome has its own test

# 1. limberd not running: the window says so and offers to start it (a tray of its own,
# pointed at a socket nobody serves).
"$TRAY" --socket "$LIMBER_TEST_DIR/none.sock" --show home >>"$LIMBER_TEST_DIR/tray.log" 2>&1 &
lone=$!
LIMBER_TEST_PIDS+=("$lone")
home=$(timeout $((10 * f)) xdotool search --sync --onlyvisible --name '^Limber$' | head -n1) || { fail "--show home showed nothing"; cat "$LIMBER_TEST_DIR/tray.log" >&2; exit 1; }
shot not-running
stop_tray "$lone"

# 2. A desktop with no tray: launching limber-tray shows the home window.
settings '[breaks]
every = "4s"
warn_before = "0s"
snooze = "10m"
[working_hours]
enabled = false
[daily_routine]
enabled = false'
start_limberd --activity-source none
"$TRAY" >>"$LIMBER_TEST_DIR/tray.log" 2>&1 &
tray_pid=$!
LIMBER_TEST_PIDS+=("$tray_pid")
home=$(timeout $((10 * f)) xdotool search --sync --onlyvisible --name '^Limber$' | head -n1) || { fail "no home window without a tray"; cat "$LIMBER_TEST_DIR/tray.log" >&2; exit 1; }
echo "ok   the home window opened at start on a desktop without a tray"
shot working

# 3. Due: the state says so; Snooze puts it off, through to limberd's record.
wait_phase due
shot due
press alt+n
wait_phase working
check "snooze from the home window is recorded" "$(recorded snoozed)" 1

# 4. Skip next break, then Pause > For 30 minutes, then Resume.
press alt+k
for _ in $(seq $((50 * f))); do [ "$(recorded skipped)" -ge 1 ] && break; sleep 0.1; done
check "skip from the home window is recorded" "$(recorded skipped)" 1
press alt+p
sleep "$f"  # the menu opens
xdotool key Down Return
wait_phase paused
shot paused
check "pause from the home window is recorded" "$(recorded paused)" 1
press alt+r
wait_phase working
check "resume from the home window is recorded" "$(recorded resumed)" 1

# 5. Start: the routine begins and its guide opens.
press alt+s
popup=$(timeout $((10 * f)) xdotool search --sync --name '^Limber: ' | head -n1) || fail "Start in the home window opened no routine"
check "start from the home window is recorded" "$(recorded break_started)" 1
check "phase after Start" "$(phase)" in_break
shot in-break
"$LIMBERCTL" stop "checked" >/dev/null
for _ in $(seq $((50 * f))); do xdotool search --name '^Limber: ' >/dev/null 2>&1 || break; sleep 0.1; done

# 6. Closing: the first close says, in the window, how to come back; Limber keeps running,
# and the second close closes it. A break due afterwards still notifies.
wmctrl -i -c "$home"
sleep 0.5
check "the first close keeps the window, saying how to come back" "$(home_windows | wc -l)" 1
shot closing
wmctrl -i -c "$home"
for _ in $(seq $((50 * f))); do [ -z "$(home_windows)" ] && break; sleep 0.1; done
check "the second close closes it" "$(home_windows | wc -l)" 0
kill -0 "$tray_pid" 2>/dev/null && echo "ok   limber-tray keeps running with its window closed" || fail "closing the window stopped limber-tray"
before=$("$(dirname "$0")/support/notify_mock.py" calls | grep -c 'Time for a break' || true)
for _ in $(seq $((100 * f))); do
  [ "$("$(dirname "$0")/support/notify_mock.py" calls | grep -c 'Time for a break' || true)" -gt "$before" ] && break
  sleep 0.1
done
[ "$("$(dirname "$0")/support/notify_mock.py" calls | grep -c 'Time for a break' || true)" -gt "$before" ] &&
  echo "ok   a break due after the close still notifies" || fail "no notification after the window was closed"

# 6b. A second launch (the menu entry again) leaves one limber-tray, and the first opens its
# home window.
ours() {  # the limber-tray processes of this test's session (read from /proc: no procps needed)
  local d
  for d in /proc/[0-9]*; do
    [ "$(cat "$d/comm" 2>/dev/null)" = limber-tray ] && grep -qzx "XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR" "$d/environ" 2>/dev/null &&
      echo "${d#/proc/}"
  done
  return 0
}
rc=0
timeout $((10 * f)) "$TRAY" >>"$LIMBER_TEST_DIR/tray.log" 2>&1 || rc=$?
check "a second limber-tray hands over and leaves with status" "$rc" 0
check "limber-tray processes in this session" "$(ours | tr '\n' ' ')" "$tray_pid "
if home=$(timeout $((10 * f)) xdotool search --sync --onlyvisible --name '^Limber$' | head -n1); then
  echo "ok   the second launch opened the home window of the first"
  wmctrl -i -c "$home"
  for _ in $(seq $((50 * f))); do [ -z "$(home_windows)" ] && break; sleep 0.1; done
else
  fail "the second launch opened no home window"
fi

# 6c. The desktop entry's actions, run as the desktop runs them, reach the running tray.
entry=$(dirname "$0")/../installers/linux/io.github.limber.Limber.desktop
action_exec() { sed -n "/^\[Desktop Action $1\]/,/^\[/s/^Exec=limber-tray //p" "$entry"; }
for action in $(sed -n 's/^Actions=//p' "$entry" | tr ';' ' '); do
  args=$(action_exec "$action")
  [ -n "$args" ] || { fail "action $action has no Exec running limber-tray"; continue; }
  rc=0
  # shellcheck disable=SC2086 # the Exec line's words, as the desktop splits them
  timeout $((10 * f)) "$TRAY" $args >>"$LIMBER_TEST_DIR/tray.log" 2>&1 || rc=$?
  case $action in
    start-quick-daily-reset) window='^Limber: Quick Daily Reset$' ;;
    weekly-summary) window='^Limber: weekly summary$' ;;
    settings) window='^Limber settings$' ;;
    *) fail "an action this test does not know: $action"; continue ;;
  esac
  if [ "$rc" = 0 ] && shown=$(timeout $((10 * f)) xdotool search --sync --onlyvisible --name "$window" | head -n1); then
    echo "ok   the action $action ($args) reached the running tray"
  else
    fail "the action $action ($args) showed nothing (exit status $rc)"
    continue
  fi
  case $action in
    start-quick-daily-reset) check "the action started the routine" "$(phase)" in_break; "$LIMBERCTL" stop "checked" >/dev/null ;;
    *) wmctrl -i -c "$shown" ;;
  esac
  # The settings dialog is modal, and a tray icon's click does not reach an app with a modal
  # dialog open: it must be gone before step 7. Escape reaches it only once it has the focus,
  # which a slow machine gives it late, so it is pressed again until the dialog closes.
  for _ in $(seq $((50 * f))); do
    xdotool search --onlyvisible --name "$window" >/dev/null 2>&1 || break
    [ "$action" = settings ] && timeout 2 xdotool windowactivate --sync "$shown" key Escape 2>/dev/null || true
    sleep 0.1
  done
  xdotool search --onlyvisible --name "$window" >/dev/null 2>&1 && fail "the window of $action did not close"
done
check "still one limber-tray after the actions" "$(ours | tr '\n' ' ')" "$tray_pid "

# 7. An XEmbed tray appears: a left click on the icon opens the home window.
trayer --edge top --align right --widthtype request --height 32 --SetDockType true --transparent false >/dev/null 2>&1 &
trayer_pid=$!
LIMBER_TEST_PIDS+=("$trayer_pid")
tray_window=""
for _ in $(seq $((50 * f))); do
  tray_window=$(xdotool search --class trayer 2>/dev/null | tail -n1 || true)
  [ -n "$tray_window" ] && break
  sleep 0.1
done
# The icon docks once trayer has taken the tray selection: click until it has (a click on the
# empty panel does nothing).
home=""
for attempt in 1 2 3 4 5 6; do
  sleep 1
  eval "$(xdotool getwindowgeometry --shell "$tray_window")"
  xdotool mousemove $((X + WIDTH - 14)) $((Y + 16)) click 1
  home=$(timeout $((2 * f)) xdotool search --sync --onlyvisible --name '^Limber$' | head -n1) && break
  echo "note no home window after click $attempt"
done
if [ -n "$home" ]; then
  echo "ok   a left click on the tray icon opened the home window"
  wmctrl -i -c "$home"  # told once already: this close closes
  for _ in $(seq $((50 * f))); do [ -z "$(home_windows)" ] && break; sleep 0.1; done
else
  fail "a left click on the tray icon opened nothing"
fi

# 8. A StatusNotifierWatcher appears: the item's Activate (a panel's left click) opens it.
start_sni_watcher
item="org.kde.StatusNotifierItem-$tray_pid-1"
for _ in $(seq $((100 * f))); do gdbus introspect --session -d "$item" -o /StatusNotifierItem >/dev/null 2>&1 && break; sleep 0.1; done
gdbus call --session -d "$item" -o /StatusNotifierItem -m org.kde.StatusNotifierItem.Activate 0 0 >/dev/null ||
  fail "the item did not answer Activate"
if home=$(timeout $((10 * f)) xdotool search --sync --onlyvisible --name '^Limber$' | head -n1); then
  echo "ok   SNI Activate opened the home window"
  wmctrl -i -c "$home"
  for _ in $(seq $((50 * f))); do [ -z "$(home_windows)" ] && break; sleep 0.1; done
else
  fail "SNI Activate opened nothing"
fi

# 8b. The panel goes away (its watcher, then the XEmbed tray): nothing is lost. The tray keeps
# running and the menu entry still opens its home window.
kill "$SNI_WATCHER_PID" "$trayer_pid"
sleep "$f"
kill -0 "$tray_pid" 2>/dev/null && echo "ok   limber-tray outlives its panel" || fail "limber-tray died with its panel"
timeout $((10 * f)) "$TRAY" >>"$LIMBER_TEST_DIR/tray.log" 2>&1 || fail "a launch after the panel went failed"
timeout $((10 * f)) xdotool search --sync --onlyvisible --name '^Limber$' >/dev/null &&
  echo "ok   with no panel left, launching Limber opens its home window" || fail "with no panel left, launching Limber showed nothing"

# 9. Waiting for a call to end: a break comes due while a camera is held open. The tray
# finds the new limberd by itself.
dev=$LIMBER_TEST_DIR/dev
mkdir "$dev"
if mknod "$dev/video0" c 1 3 2>/dev/null; then
  stop_limberd
  start_video_call "$dev/video0"
  settings '[breaks]
every = "4s"
warn_before = "0s"
[working_hours]
enabled = false
[daily_routine]
enabled = false
[smart_pause]
grace = "30m"'
  start_limberd --activity-source none --smart-pause camera --video-devices "$dev"
  [ "$(phase)" = due ] && "$LIMBERCTL" skip >/dev/null  # the break due before the restart
  wait_phase held
  home=$(home_windows | head -n1)
  for _ in $(seq $((50 * f))); do [ "$(xdotool getwindowname "$home" 2>/dev/null)" = Limber ] && break; sleep 0.1; done
  sleep 1  # the tray's next status
  shot held
  kill "$VIDEO_CALL_PID"
else
  echo "note mknod is not allowed here: no picture of a break waiting for a call"
fi

stop_tray "$tray_pid"
stop_limberd
exit "$LIMBER_FAILED"
