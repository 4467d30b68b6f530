#!/usr/bin/env bash
# limber-tray as a StatusNotifierItem: under Xvfb, on a private session bus whose
# StatusNotifierWatcher is a dbusmock template, against the real limberd. The tray must
# register its item (by its bus name) with the watcher, and the item must say who it is
# (Title "Limber"), carry the daemon's status as its tooltip and follow it, show an icon by
# name and by pixels, and export the tray menu over dbusmenu.
# Usage: tray_sni_test.sh LIMBERD LIMBERCTL LIMBER_TRAY
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2 TRAY=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/support/daemon_env.sh"
LIMBER_FAILED=0
unset DISPLAY WAYLAND_DISPLAY
export NO_AT_BRIDGE=1  # no accessibility bus to start in a test session

start_xvfb
start_bus session
# The watcher is on the bus before the tray starts, as a panel would be.
start_sni_watcher

settings '[breaks]
every = "20m"
[working_hours]
enabled = false
[daily_routine]
enabled = false'
start_limberd --activity-source none
echo 2026-01-01 >"$XDG_CONFIG_HOME/limber/welcome-acknowledged"  # the welcome has its own test
"$TRAY" --no-notifications >"$LIMBER_TEST_DIR/tray.log" 2>&1 &
tray_pid=$!
LIMBER_TEST_PIDS+=("$tray_pid")

fail() {
  echo "FAIL $*; tray log:" >&2
  cat "$LIMBER_TEST_DIR/tray.log" >&2
  exit 1
}
watcher() { gdbus call --session -d org.kde.StatusNotifierWatcher -o /StatusNotifierWatcher "$@"; }

# 1. The tray registers an item with the watcher; the argument is the item's bus name,
# org.kde.StatusNotifierItem-PID-1, and the item is at /StatusNotifierItem under it.
service=""
for _ in $(seq 100); do
  service=$(watcher -m org.freedesktop.DBus.Mock.GetCalls 2>/dev/null |
    grep -o "'RegisterStatusNotifierItem', \[<'[^']*'>\]" | head -n1 | sed "s/.*<'\\([^']*\\)'>.*/\\1/" || true)
  [ -n "$service" ] && break
  sleep 0.1
done
[ -n "$service" ] || fail "no RegisterStatusNotifierItem call"
check "registered item name" "$service" "org.kde.StatusNotifierItem-$tray_pid-1"
check "the watcher lists the item" \
  "$(watcher -m org.freedesktop.DBus.Properties.Get org.kde.StatusNotifierWatcher RegisteredStatusNotifierItems | grep -c "$service")" 1
item_path=/StatusNotifierItem

# 2. The name is owned by the tray's own connection.
owner=$(gdbus call --session -d org.freedesktop.DBus -o /org/freedesktop/DBus -m org.freedesktop.DBus.GetNameOwner "$service" |
  grep -o "':[0-9.]*'" | tr -d "'")
owner_pid=$(gdbus call --session -d org.freedesktop.DBus -o /org/freedesktop/DBus \
  -m org.freedesktop.DBus.GetConnectionUnixProcessID "$owner" | grep -o '[0-9]\+' | tail -n1)
check "the item's name belongs to limber-tray" "$owner_pid" "$tray_pid"

item_prop() { gdbus call --session -d "$service" -o "$item_path" -m org.freedesktop.DBus.Properties.Get org.kde.StatusNotifierItem "$1"; }
# tooltip_text: the text of the item's ToolTip, (icon name, pixmaps, title, text).
tooltip_text() { item_prop ToolTip | sed -n "s/^(<('', @a(iiay) \[\], 'Limber', '\\(.*\\)')>,)\$/\\1/p"; }
# daemon_text: what limberctl says of the schedule, less the routine's name: the words the
# tooltip must carry ("Next break in 20 min", "Paused until 14:30").
daemon_text() { "$LIMBERCTL" status | head -n1 | sed 's/ (.*)$//'; }

# 3. Its properties: who it is and which icon it shows. Wait for the daemon's status to
# reach the icon (a counting ring, not the not-running one).
props=""
for _ in $(seq 50); do
  props=$(gdbus call --session -d "$service" -o "$item_path" -m org.freedesktop.DBus.Properties.GetAll org.kde.StatusNotifierItem 2>&1 || true)
  grep -q "'IconName': <'limber-counting-" <<<"$props" && break
  sleep 0.1
done
echo "$props" >"$LIMBER_TEST_DIR/props"
check "Title" "$(grep -o "'Title': <'[^']*'>" <<<"$props")" "'Title': <'Limber'>"
check "Id" "$(grep -o "'Id': <'[^']*'>" <<<"$props")" "'Id': <'limber'>"
check "Category" "$(grep -o "'Category': <'[^']*'>" <<<"$props")" "'Category': <'ApplicationStatus'>"
check "Status" "$(grep -o "'Status': <'[^']*'>" <<<"$props")" "'Status': <'Active'>"
check "ItemIsMenu" "$(grep -o "'ItemIsMenu': <[a-z]*>" <<<"$props")" "'ItemIsMenu': <false>"
icon=$(grep -o "'IconName': <'[^']*'>" <<<"$props" | sed "s/.*<'\\(.*\\)'>/\\1/")
[ -n "$icon" ] && echo "ok   IconName: $icon" || { echo "FAIL IconName empty: $props" >&2; LIMBER_FAILED=1; }
check "the icon shows the counting ring" "${icon%-*}" limber-counting
theme=$(grep -o "'IconThemePath': <'[^']*'>" <<<"$props" | sed "s/.*<'\\(.*\\)'>/\\1/")
check "the icon file is there" "$(find "$theme" -name "$icon.png" | wc -l)" 4
check "old icon files are gone" "$(find "$theme" -name 'limber-*.png' ! -name "$icon.png" | wc -l)" 0
# IconPixmap: 22, 24 and 48 px squares of ARGB32, width x height x 4 bytes each, not all clear.
pixmaps=$(/usr/bin/python3 -c '
import dbus, sys
item = dbus.SessionBus().get_object(sys.argv[1], "/StatusNotifierItem")
for w, h, data in item.Get("org.kde.StatusNotifierItem", "IconPixmap", dbus_interface="org.freedesktop.DBus.Properties"):
    print("%dx%d:%s:%s" % (w, h, len(data) == w * h * 4, any(data[0::4])))' "$service" | tr '\n' ' ')
check "IconPixmap" "$pixmaps" "22x22:True:True 24x24:True:True 48x48:True:True "

# The tooltip says what limberd says, and follows it: a pause changes it, with NewToolTip.
tip=""
for _ in $(seq 50); do tip=$(tooltip_text); [[ $tip == "Next break in "* ]] && break; sleep 0.1; done
check "ToolTip while counting" "$tip" "$(daemon_text)"
gdbus monitor --session -d "$service" -o "$item_path" >"$LIMBER_TEST_DIR/signals" 2>&1 &
monitor_pid=$!
LIMBER_TEST_PIDS+=("$monitor_pid")
sleep 0.5  # the monitor's match rule is in place
"$LIMBERCTL" pause 30m >/dev/null
for _ in $(seq 50); do tip=$(tooltip_text); [[ $tip == "Paused until "* ]] && break; sleep 0.1; done
check "ToolTip after limberctl pause 30m" "$tip" "$(daemon_text)"
[[ $tip =~ ^Paused\ until\ ([A-Z][a-z]{2}\ )?[0-9]{2}:[0-9]{2}$ ]] && echo "ok   the pause ends at HH:MM (a weekday first when that is tomorrow)" || { echo "FAIL ToolTip '$tip'" >&2; LIMBER_FAILED=1; }
for _ in $(seq 20); do grep -q "NewToolTip" "$LIMBER_TEST_DIR/signals" && break; sleep 0.1; done
grep -q "org.kde.StatusNotifierItem.NewToolTip" "$LIMBER_TEST_DIR/signals" && echo "ok   NewToolTip signalled" ||
  { echo "FAIL no NewToolTip signal: $(cat "$LIMBER_TEST_DIR/signals")" >&2; LIMBER_FAILED=1; }
grep -q "org.kde.StatusNotifierItem.NewIcon" "$LIMBER_TEST_DIR/signals" && echo "ok   NewIcon signalled" ||
  { echo "FAIL no NewIcon signal: $(cat "$LIMBER_TEST_DIR/signals")" >&2; LIMBER_FAILED=1; }
check "IconName while paused" "$(item_prop IconName | grep -o "limber-paused")" limber-paused
"$LIMBERCTL" resume >/dev/null
for _ in $(seq 50); do tip=$(tooltip_text); [[ $tip == "Next break in "* ]] && break; sleep 0.1; done
check "ToolTip after limberctl resume" "$tip" "$(daemon_text)"

menu=$(grep -o "'Menu': <objectpath '[^']*'>" <<<"$props" | sed "s/.*'\\(\\/[^']*\\)'>/\\1/")
[ -n "$menu" ] || fail "no Menu property: $props"
echo "ok   Menu: $menu"

# 4. The menu, as a panel reads it over dbusmenu.
layout=$(gdbus call --session -d "$service" -o "$menu" -m com.canonical.dbusmenu.GetLayout -- 0 -1 '@as []')
echo "$layout" >"$LIMBER_TEST_DIR/layout"
for label in "Start Quick Daily Reset" "Snooze" "Weekly summary" "Quit"; do
  grep -q "'label': <'$label" <<<"$layout" && echo "ok   menu item: $label" ||
    { echo "FAIL no menu item '$label' in: $layout" >&2; LIMBER_FAILED=1; }
done

# menu_id LABEL: the dbusmenu id of the item labelled LABEL in $layout.
menu_id() { grep -oE "\(([0-9]+), \{[^{}]*'label': <'$1'>" <<<"$layout" | head -n1 | grep -oE '^\([0-9]+' | tr -d '('; }
click() { gdbus call --session -d "$service" -o "$menu" -m com.canonical.dbusmenu.Event -- "$1" clicked '<0>' 0 >/dev/null; }

# 5. A click in the panel's menu reaches the app, even while a modal dialog is open:
# Settings… opens its dialog, then Pause > For 30 minutes pauses limberd.
settings_id=$(menu_id "Settings…")
pause_id=$(menu_id "For 30 minutes")
[ -n "$pause_id" ] && [ -n "$settings_id" ] || fail "no 'Settings…' or 'For 30 minutes' item in: $layout"
click "$settings_id" &  # answered once the dialog closes
settings_click=$!
dialog=$(timeout 10 xdotool search --sync --onlyvisible --name "^Limber settings$" | head -n1) || fail "the settings dialog did not open"
echo "ok   the settings dialog is open"
click "$pause_id"
wait_status "['phase']" paused 5 || true
xdotool windowfocus --sync "$dialog" 2>/dev/null || true
xdotool key Escape
for _ in $(seq 50); do xdotool search --onlyvisible --name "^Limber settings$" >/dev/null 2>&1 || break; sleep 0.1; done
xdotool search --onlyvisible --name "^Limber settings$" >/dev/null 2>&1 && { echo "FAIL the settings dialog did not close" >&2; LIMBER_FAILED=1; } ||
  echo "ok   the settings dialog closed"
wait "$settings_click" || true

# 6. Nothing fell back to the XEmbed tray, and the tray is still up.
grep -q "using the XEmbed tray icon" "$LIMBER_TEST_DIR/tray.log" &&
  { echo "FAIL fell back to XEmbed with a watcher present" >&2; LIMBER_FAILED=1; } || echo "ok   no XEmbed fallback"
kill -0 "$tray_pid" && echo "ok   limber-tray still running" || { echo "FAIL limber-tray died" >&2; LIMBER_FAILED=1; }
check "GLib/GTK criticals and warnings in the tray log" "$(grep -cE -- '-(CRITICAL|WARNING) \*\*' "$LIMBER_TEST_DIR/tray.log" || true)" 0

# wait_log TEXT: waits up to 5 s for TEXT in the tray's log.
wait_log() {
  local i
  for i in $(seq 50); do grep -q "$1" "$LIMBER_TEST_DIR/tray.log" && { echo "ok   logged: $1"; return 0; }; sleep 0.1; done
  echo "FAIL not logged: $1" >&2
  LIMBER_FAILED=1
}

# 7. The panel goes away: the tray falls back to the XEmbed icon. It comes back: the item
# registers again and the XEmbed icon goes.
kill "$SNI_WATCHER_PID"; wait "$SNI_WATCHER_PID" 2>/dev/null || true
wait_log "using the XEmbed tray icon"
start_sni_watcher
wait_log "a StatusNotifierWatcher appeared"
registered=""
for _ in $(seq 50); do
  registered=$(watcher -m org.freedesktop.DBus.Mock.GetCalls | grep -c "RegisterStatusNotifierItem" || true)
  [ "$registered" -ge 1 ] && break
  sleep 0.1
done
check "the item registers with the new watcher" "$registered" 1
kill -0 "$tray_pid" && echo "ok   limber-tray still running" || fail "limber-tray died switching trays"

# 8. A due break asks for attention: Status NeedsAttention (with NewStatus) and the tooltip
# says so. Out of the pause of step 5, a schedule of seconds, read again, makes the break
# due at once.
settings '[breaks]
every = "3s"
warn_before = "0s"
[working_hours]
enabled = false
[daily_routine]
enabled = false'
"$LIMBERCTL" resume >/dev/null  # the pause of step 5
"$LIMBERCTL" reload >/dev/null
wait_status "['phase']" due 10 || true
status=""
for _ in $(seq 50); do status=$(item_prop Status); [[ $status == *NeedsAttention* ]] && break; sleep 0.1; done
check "Status when a break is due" "$status" "(<'NeedsAttention'>,)"
check "ToolTip when a break is due" "$(tooltip_text)" "Break due"
for _ in $(seq 20); do grep -q "NewStatus ('NeedsAttention'" "$LIMBER_TEST_DIR/signals" && break; sleep 0.1; done
grep -q "org.kde.StatusNotifierItem.NewStatus ('NeedsAttention',)" "$LIMBER_TEST_DIR/signals" && echo "ok   NewStatus signalled" ||
  { echo "FAIL no NewStatus signal: $(cat "$LIMBER_TEST_DIR/signals")" >&2; LIMBER_FAILED=1; }

# 8b. Each action of the menu reaches limberd. The menu is rebuilt on every change, so its
# ids are read afresh before each click.
act() {
  layout=$(gdbus call --session -d "$service" -o "$menu" -m com.canonical.dbusmenu.GetLayout -- 0 -1 '@as []')
  local id
  id=$(menu_id "$1")
  [ -n "$id" ] || { echo "FAIL no menu item '$1' in: $layout" >&2; LIMBER_FAILED=1; return 0; }
  click "$id"
}
events_of() { "$LIMBERCTL" export --csv | grep -c ",$1," || true; }
act "Snooze"
wait_status "['snoozes_left']" 1 5 || true
skipped=$(events_of skipped)
act "Skip next break"
for _ in $(seq 50); do [ "$(events_of skipped)" -gt "$skipped" ] && break; sleep 0.1; done
check "Skip next break reached limberd" "$(events_of skipped)" $((skipped + 1))
act "For 1 hour"
wait_status "['phase']" paused 5 || true
act "Resume"
wait_status "['phase']" working 5 || true
act "Start Quick Daily Reset"
wait_status "['in_break_routine']" quick-daily-reset 5 || true
timeout 10 xdotool search --sync --name "Limber: Quick Daily Reset" >/dev/null && echo "ok   its popup opened" ||
  { echo "FAIL no popup" >&2; LIMBER_FAILED=1; }
"$LIMBERCTL" done >/dev/null
for _ in $(seq 50); do xdotool search --name "Limber: Quick Daily Reset" >/dev/null 2>&1 || break; sleep 0.1; done
check "the popup closes when the routine ends elsewhere" "$(xdotool search --name "Limber: Quick Daily Reset" 2>/dev/null | wc -l)" 0

# 9. Quit from the exported menu ends the tray cleanly.
layout=$(gdbus call --session -d "$service" -o "$menu" -m com.canonical.dbusmenu.GetLayout -- 0 -1 '@as []')
click "$(menu_id Quit)"
rc=0
for _ in $(seq 50); do kill -0 "$tray_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$tray_pid" 2>/dev/null && { echo "FAIL Quit did not end limber-tray" >&2; LIMBER_FAILED=1; } ||
  { wait "$tray_pid" || rc=$?; check "limber-tray exit status after Quit" "$rc" 0; }
check "GLib/GTK criticals and warnings in the tray log, to the end" "$(grep -cE -- '-(CRITICAL|WARNING) \*\*' "$LIMBER_TEST_DIR/tray.log" || true)" 0
[ "$LIMBER_FAILED" = 0 ] || { echo "tray log:" >&2; cat "$LIMBER_TEST_DIR/tray.log" >&2; }
exit "$LIMBER_FAILED"
