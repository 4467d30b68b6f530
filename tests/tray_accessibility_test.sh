#!/usr/bin/env bash
# What a screen reader finds in limber-tray's windows, read over AT-SPI (the accessibility bus
# a desktop starts, here started on a private session bus): every control has a name, including
# the drawn hold countdown and chart, the illustration, the week arrows and each settings field.
# Leaves a screenshot of the one-sided exercise in OUT (popup-sides.png).
# Usage: tray_accessibility_test.sh LIMBER_TRAY OUT
set -euo pipefail
TRAY=$1 OUT=$2
here=$(dirname "$0")
. "$here/support/daemon_env.sh"
command -v import >/dev/null || { echo "missing imagemagick" >&2; exit 77; }
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null || { echo "missing python3-pyatspi" >&2; exit 77; }
[ -e /usr/share/dbus-1/services/org.a11y.Bus.service ] || { echo "missing at-spi2-core" >&2; exit 77; }
work=$LIMBER_TEST_DIR
failed=0
unset DISPLAY WAYLAND_DISPLAY NO_AT_BRIDGE
export XDG_CONFIG_DIRS=$work/xdg
start_xvfb 1024x768
# The session bus activates the accessibility bus (org.a11y.Bus) when the tray asks for it:
# the one service of the machine's this bus may start.
bus_service org.a11y.Bus
start_bus session

# look WINDOW TITLE: opens WINDOW and leaves what AT-SPI shows of it in $work/WINDOW.
look() {
  "$TRAY" --socket "$work/none.sock" --show "$1" >>"$work/tray.log" 2>&1 &
  local pid=$!
  if ! /usr/bin/python3 "$here/support/a11y_tree.py" "$2" >"$work/$1" 2>>"$work/a11y.log"; then
    echo "FAIL $1 not on the accessibility bus:" >&2
    cat "$work/a11y.log" "$work/tray.log" >&2
    failed=1
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
# unnamed WINDOW: the controls in it that a screen reader would announce with no name.
unnamed() {
  awk -F'\t' '$1 ~ /^(push button|button|toggle button|check box|radio button|spin button|text|combo box|progress bar|icon|image|slider|menu item)$/ && $2 == ""' "$work/$1"
}
expect() {  # expect WINDOW ROLE NAME-PATTERN
  if grep -qP "^$2\t$3\$" "$work/$1"; then echo "ok   $1: $2 \"$3\""; else echo "FAIL $1: no $2 named like \"$3\"" >&2; failed=1; fi
}

look popup "Limber: Quick Daily Reset"
look summary "Limber: weekly summary"
look settings "Limber settings"
look welcome "Welcome to Limber"
for w in popup summary settings welcome; do
  n=$(grep -c . "$work/$w" || true)
  missing=$(unnamed "$w")
  if [ -z "$missing" ] && [ "$n" -gt 5 ]; then
    echo "ok   $w: every control of $n objects has a name"
  else
    echo "FAIL $w: controls without a name:" >&2
    echo "$missing" >&2
    failed=1
  fi
done
expect popup "progress bar" "Routine progress"
expect popup "panel" "Hold countdown"
expect popup "icon" "Chin tucks: the (start|end) position"
expect popup "push button" "Stop — this hurts"
expect summary "push button" "Previous week"
expect summary "push button" "Next week"
expect summary "panel" "Active time and breaks per day.*"
expect settings "spin button" "Break after \(minutes of sitting\)"
expect settings "text" "Monday"
expect settings "combo box" "Routine for a break"
expect settings "check box" "Start Limber when I log in"
expect welcome "push button" "I understand"
expect popup "label" "1 of 3 · [0-9]+:[0-9]{2} left"

# A one-sided exercise says which side, and its rep, in words: Thread the needle from a
# catalog whose setup takes a second, read once the first rep is under way.
data=$work/share/limber
mkdir -p "$data"
cp -r "$(dirname "$TRAY")/../share/limber/." "$data/"
sed -i 's/^setup_seconds = .*/setup_seconds = 1/' "$data/exercises.toml"
LIMBER_DATA_DIR=$data "$TRAY" --socket "$work/none.sock" --show popup:single:thread-the-needle >>"$work/tray.log" 2>&1 &
pid=$!
sleep 3
/usr/bin/python3 "$here/support/a11y_tree.py" "Limber: Thread the needle" >"$work/sides" 2>>"$work/a11y.log" || failed=1
mkdir -p "$OUT"
if wid=$(xdotool search --name "Limber: Thread the needle" | head -n1); then
  eval "$(xdotool getwindowgeometry --shell "$wid")"
  import -window root "$work/screen.png"
  convert "$work/screen.png" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$OUT/popup-sides.png"
fi
kill "$pid"; wait "$pid" 2>/dev/null || true
expect sides "label" "Rep 1 of [0-9]+ · left side"
expect sides "icon" "Thread the needle: the (start|end) position"
exit "$failed"
