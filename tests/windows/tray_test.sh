#!/usr/bin/env bash
# limber-tray.exe under Wine (tests/windows/run.sh gives the private prefix and display) with
# limberd.exe, for a user who has never run Limber: the welcome comes first; the icon is in
# the notification area (Wine's own, here); `limberctl start` opens the routine popup, which is
# driven through its three exercises with keys and clicks until the record says the routine
# was completed; the home window, the weekly summary and the settings open on request, each
# one as the only tray (a second launch hands its request over and leaves). Screenshots of the
# windows as Wine draws them are left in OUT (windows-*.png).
# Usage: tray_test.sh BIN_DIR SOURCE_DIR OUT
set -euo pipefail
bin=$1 src=$2 out=$3
mkdir -p "$out"
for tool in xdotool import convert python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 77; }
done
failed=0
work=$(mktemp -d)
pids=()
cleanup() {
  # Ending the wine processes may leave the Windows ones running in the prefix (and a window
  # of theirs keeping the input the next test makes): they are ended by name, and waited for.
  for exe in limber-tray.exe limberd.exe; do wine taskkill /F /IM "$exe" >/dev/null 2>&1 || true; done
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
ok() { echo "ok   $1"; }
fail() { echo "FAIL $1" >&2; failed=1; }
win() { wine "$@" 2> >(tr -d '\r' >&2) | tr -d '\r'; return "${PIPESTATUS[0]}"; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# window TITLE: the id of the visible window whose title is TITLE (a regular expression), within 20 s.
window() { timeout 20 xdotool search --sync --onlyvisible --name "$1" 2>/dev/null | head -n1; }
# shot ID NAME: the window as Wine draws it, in OUT/windows-NAME.png.
shot() {
  sleep 0.5
  import -window root "$work/screen.png"
  eval "$(xdotool getwindowgeometry --shell "$1")"
  convert "$work/screen.png" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$out/windows-$2.png" && ok "screenshot $2" ||
    fail "no screenshot of $2"
}

# A user who has never run Limber: no settings, no record, the welcome not read.
appdata=$(winepath -u "$(wine cmd /c echo '%APPDATA%' 2>/dev/null | tr -d '\r')" 2>/dev/null | tr -d '\r')
localappdata=$(winepath -u "$(wine cmd /c echo '%LOCALAPPDATA%' 2>/dev/null | tr -d '\r')" 2>/dev/null | tr -d '\r')
rm -rf "$appdata/Limber" "$localappdata/Limber"
mkdir -p "$appdata/Limber"
cat >"$appdata/Limber/limber.toml" <<'TOML'
[breaks]
every = "45m"
[working_hours]
enabled = false
[daily_routine]
enabled = false
TOML

wine "$bin/limberd.exe" --activity-source none --no-notifications >"$work/limberd.out" 2>&1 &
pids+=($!)
for _ in $(seq 150); do win "$bin/limberctl.exe" status >/dev/null 2>&1 && break; sleep 0.2; done
win "$bin/limberctl.exe" status >/dev/null 2>&1 && ok "limberd answers" || { fail "limberd did not start: $(cat "$work/limberd.out")"; exit 1; }

# 1. The first run: the welcome and its safety advice, before anything else.
wine "$bin/limber-tray.exe" >"$work/tray.out" 2>&1 &
tray=$!
pids+=("$tray")
welcome=$(window '^Welcome to Limber$') || true
if [ -n "$welcome" ]; then ok "the first run shows the welcome"; shot "$welcome" welcome; else fail "no welcome: $(tr -d '\r' <"$work/tray.out")"; exit 1; fi
# The icon is in the notification area: Wine keeps the icons of its tray in a window of its own.
grep -q "no tray on this desktop" "$work/tray.out" && fail "the tray saw no notification area" || ok "the icon has a notification area"
xdotool windowfocus --sync "$welcome" 2>/dev/null || true
xdotool key --window "$welcome" Return
for _ in $(seq 50); do [ -z "$(xdotool search --onlyvisible --name '^Welcome to Limber$' 2>/dev/null)" ] && break; sleep 0.2; done
[ -z "$(xdotool search --onlyvisible --name '^Welcome to Limber$' 2>/dev/null)" ] && ok "the welcome closes when read" || fail "the welcome stayed open"
[ -f "$appdata/Limber/welcome-acknowledged" ] && ok "the welcome is remembered" || fail "no welcome-acknowledged in $appdata/Limber"

# 2. limberctl start: the popup opens and the break starts.
win "$bin/limberctl.exe" start >/dev/null || fail "limberctl start failed"
popup=$(window '^Limber: Quick Daily Reset$') || true
[ -n "$popup" ] && ok "limberctl start opened the popup" || { fail "no popup: $(tr -d '\r' <"$work/tray.out")"; exit 1; }
[ "$(win "$bin/limberctl.exe" --json status | json 'd["phase"]')" = in_break ] && ok "the break started" || fail "not in a break"
sleep 1
shot "$popup" popup
# 3. Each of the three exercises: Enter for Next, then "Easy" in the feedback row.
for n in 1 2 3; do
  xdotool windowfocus --sync "$popup" 2>/dev/null || true
  xdotool key --window "$popup" Return
  sleep 0.6
  eval "$(xdotool getwindowgeometry --shell "$popup")"
  xdotool mousemove $((X + 60)) $((Y + HEIGHT - 30)) click 1
  sleep 0.6
  [ "$n" = 3 ] && shot "$popup" popup-done
done
summary=$(win "$bin/limberctl.exe" summary --json)
[ "$(json 'd["routines"][0]["id"]' <<<"$summary" 2>/dev/null)" = quick-daily-reset ] && ok "the record has the routine completed" ||
  fail "the routine is not in the record: $summary"
[ "$(win "$bin/limberctl.exe" --json status | json 'd["phase"]')" = working ] && ok "back to work after the routine" || fail "not back to work"
[ "$(json 'len(d["exercises"])' <<<"$summary" 2>/dev/null)" = 3 ] && ok "three exercises reported" || fail "exercises: $summary"

# 4. The other windows, each asked of the running tray by a second launch, which leaves.
for what in home:'^Limber$' summary:'^Limber: weekly summary$' settings:'^Limber settings$'; do
  name=${what%%:*} title=${what#*:}
  rc=0
  timeout 30 wine "$bin/limber-tray.exe" --show "$name" >"$work/second.out" 2>&1 || rc=$?
  [ "$rc" = 0 ] && ok "a second limber-tray handed over --show $name and left" || fail "a second limber-tray (--show $name) exited $rc: $(tr -d '\r' <"$work/second.out")"
  id=$(window "$title") || true
  if [ -n "$id" ]; then ok "--show $name opened it"; shot "$id" "$name"; else fail "--show $name showed nothing"; fi
  [ "$name" = settings ] && xdotool key --window "$id" Escape
done
home=$(xdotool search --onlyvisible --name '^Limber$' 2>/dev/null | head -n1)

# 5. A break comes due. Wine has no toasts, so its notifications cannot carry Start and Not
# now: the tray says so, and Limber's own card offers them; its Start starts the routine.
tr -d '\r' <"$work/tray.out" | grep -q "Windows toasts are not available here" && ok "the tray asked for toasts, and was told no" ||
  fail "the tray did not ask for toasts: $(tr -d '\r' <"$work/tray.out")"
sed -i 's/every = "45m"/every = "5s"\nwarn_before = "0s"/' "$appdata/Limber/limber.toml"
card=""
for _ in $(seq 150); do
  card=$(xdotool search --onlyvisible --name '^Limber$' 2>/dev/null | grep -vx "$home" | head -n1 || true)
  [ -n "$card" ] && break
  sleep 0.2
done
if [ -n "$card" ]; then ok "the break card appeared"; shot "$card" card; else fail "no break card: $(tr -d '\r' <"$work/tray.out")"; fi
tr -d '\r' <"$work/tray.out" | grep -q "cannot offer Start and Not now; showing the break card" && ok "the card stands in for the toast's actions" ||
  fail "the tray did not say why it showed the card"
if [ -n "$card" ]; then
  eval "$(xdotool getwindowgeometry --shell "$card")"
  xdotool mousemove $((X + 50)) $((Y + HEIGHT - 25)) click 1
  [ -n "$(window '^Limber: Quick Daily Reset$')" ] && ok "the card's Start opened the popup" || fail "the card's Start opened nothing"
fi

kill -0 "$tray" 2>/dev/null && ok "one tray runs on" || fail "the tray died: $(tr -d '\r' <"$work/tray.out")"
exit "$failed"
