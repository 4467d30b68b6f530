#!/usr/bin/env bash
# limber-tray speaks the user's language: the `limber-pot` target extracts every string the
# user reads, and a pseudo-translation built from that template (each line wrapped in ~...~)
# reaches the windows when LANGUAGE asks for it. A string left out of _() shows up unwrapped
# in the screenshots this leaves in OUT (translated-*.png).
# Usage: tray_translations_test.sh CMAKE BUILD_DIR LIMBER_TRAY OUT
set -euo pipefail
CMAKE=$1 BUILD=$2 TRAY=$3 OUT=$4
for tool in Xvfb xdotool import convert msginit msgen msgfilter msgfmt; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 77; }
done
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
failed=0
check() {
  if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: got '$2', want '$3'" >&2; failed=1; fi
}
mkdir -p "$OUT"

# 1. The template: built by the target, holding the strings of every window.
"$CMAKE" --build "$BUILD" --target limber-pot >/dev/null
pot=$BUILD/po/limber.pot
[ -s "$pot" ] || { echo "FAIL no $pot" >&2; exit 1; }
count=$(grep -c '^msgid "[^"]' "$pot")
echo "     $count messages in limber.pot"
check "at least 120 messages" "$([ "$count" -ge 120 ] && echo yes)" yes
for msgid in "Stop — this hurts" "How did that feel?" "Welcome to Limber" "I understand" "Limber settings" \
  "&Start Limber when I log in" "Limber: weekly summary" "Export &CSV…" "Weekly summary…" "Time for a break" \
  "Not now" "Next break in %s" "Rep %d of %d" "Breathe in" "Paused until %s"; do
  check "template has \"$msgid\"" "$(grep -cxF "msgid \"$msgid\"" "$pot")" 1
done
check "plural forms for counts" "$(grep -c '^msgid_plural' "$pot" | awk '{print ($1 >= 2) ? "yes" : "no"}')" yes

# 2. A pseudo-language from the template, where limber-tray looks for catalogs:
# <prefix>/share/locale beside <prefix>/share/limber.
mkdir -p "$work/share/locale/eo/LC_MESSAGES" "$work/config" "$work/run"
chmod 700 "$work/run"
ln -s "$BUILD/share/limber" "$work/share/limber"
msginit --no-translator --locale=eo --input="$pot" --output="$work/eo.po" >/dev/null 2>&1
msgen "$work/eo.po" --output="$work/en.po" 2>/dev/null
msgfilter --keep-header --input="$work/en.po" --output="$work/pseudo.po" sed -e 's/^/~/' -e 's/$/~/'
msgfmt --check --output-file="$work/share/locale/eo/LC_MESSAGES/limber.mo" "$work/pseudo.po"

unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
export PULSE_SERVER=unix:$work/no-sound-server NO_AT_BRIDGE=1 LIMBER_DATA_DIR=$work/share/limber XDG_CONFIG_HOME=$work/config XDG_RUNTIME_DIR=$work/run
export XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state XDG_CONFIG_DIRS=$work/xdg
Xvfb -displayfd 3 -noreset -nolisten tcp -screen 0 1024x768x24 3>"$work/display" 2>/dev/null &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(head -n1 "$work/display")"

# show WINDOW TITLE NAME: opens WINDOW in the pseudo-language, expects TITLE, keeps a screenshot.
show() {
  LANGUAGE=eo LANG=C.UTF-8 "$TRAY" --socket "$work/none.sock" --show "$1" >>"$work/tray.log" 2>&1 &
  local pid=$! id
  if id=$(timeout 10 xdotool search --sync --name "$2" | head -n1); then
    sleep 1
    eval "$(xdotool getwindowgeometry --shell "$id")"
    import -window root "$work/screen.png"
    convert "$work/screen.png" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$OUT/translated-$3.png"
    echo "ok   $3 window is titled in the user's language"
  else
    echo "FAIL no window titled $2; tray log:" >&2
    cat "$work/tray.log" >&2
    failed=1
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
show welcome '^~Welcome to Limber~$' welcome
show settings '^~Limber settings~$' settings
show summary '^~Limber: weekly summary~$' summary
show popup '^~Limber: Quick Daily Reset~$' popup

# 3. English needs no catalog, and a language without one falls back to it quietly.
LANGUAGE=de LANG=C.UTF-8 "$TRAY" --socket "$work/none.sock" --show welcome >>"$work/tray.log" 2>&1 &
pid=$!
check "German, with no catalog, falls back to English" \
  "$(timeout 10 xdotool search --sync --name '^Welcome to Limber$' >/dev/null && echo found)" found
kill "$pid"; wait "$pid" 2>/dev/null || true
exit "$failed"
