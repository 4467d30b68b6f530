#!/usr/bin/env bash
# limber-tray for real under Xvfb, against the real limberd: a due break becomes a desktop
# notification; its Start action opens the routine popup; clicking through the popup
# reports each exercise and completes the break; a routine started by limberctl opens its
# popup too (but with --no-guide), in place of a popup left open on a routine that is over;
# with no notification service the break
# card appears instead; the tray icon shows in a tray and opens its menu. Screenshots of
# each are left in OUT for a person to look at.
# Usage: tray_gui_test.sh LIMBERD LIMBERCTL LIMBER_TRAY OUT
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2 TRAY=$3 OUT=$4
here=$(dirname "$0")
. "$here/support/daemon_env.sh"
for tool in Xvfb xdotool import trayer dbus-daemon; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 77; }
done
mkdir -p "$OUT"
LIMBER_FAILED=0
unset DISPLAY WAYLAND_DISPLAY
export NO_AT_BRIDGE=1  # no accessibility bus to start in a test session

start_xvfb 1024x768
start_bus session
start_notify_mock
mock_pid=$notify_mock_pid

settings '[breaks]
every = "3s"
warn_before = "0s"
[working_hours]
enabled = false
[daily_routine]
enabled = false'
start_limberd --activity-source none
echo 2026-01-01 >"$XDG_CONFIG_HOME/limber/welcome-acknowledged"  # the welcome has its own test
"$TRAY" --no-home >"$LIMBER_TEST_DIR/tray.log" 2>&1 &  # tray.home tests the home window
tray_pid=$!
LIMBER_TEST_PIDS=("$tray_pid" "${LIMBER_TEST_PIDS[@]}")

# 1. The due break reaches the desktop as a notification with Start and Not now.
notified=""
for _ in $(seq 100); do
  notified=$("$here/support/notify_mock.py" calls | grep "Time for a break" | head -n1 || true)
  [ -n "$notified" ] && break
  sleep 0.1
done
[ -n "$notified" ] || { echo "FAIL no notification; tray log:" >&2; cat "$LIMBER_TEST_DIR/tray.log" >&2; exit 1; }
echo "ok   notification: $notified"
n=$(cut -f1 <<<"$notified")
id=$(cut -f2 <<<"$notified")
start_key=$(cut -f4 <<<"$notified" | cut -d, -f1)
check "two actions" "$(cut -f4 <<<"$notified" | tr ',' '\n' | wc -l)" 2

# 2. Its Start action opens the popup and starts the break.
"$here/support/notify_mock.py" invoke "$id" "$start_key"
popup=$(timeout 10 xdotool search --sync --name "Limber: Quick Daily Reset" | head -n1)
check "phase after Start" "$("$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["phase"])')" in_break
sleep 1.5
import -window root "$LIMBER_TEST_DIR/screen.png"
eval "$(xdotool getwindowgeometry --shell "$popup")"
convert "$LIMBER_TEST_DIR/screen.png" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" "$OUT/popup.png"

# 3. For each of the three exercises: Enter for Next, then "Easy" in the feedback row. The
# window fits each exercise's text, so its geometry is read again every time.
for _ in 1 2 3; do
  xdotool windowfocus --sync "$popup"
  xdotool key Return
  sleep 0.4
  eval "$(xdotool getwindowgeometry --shell "$popup")"
  xdotool mousemove $((X + 60)) $((Y + HEIGHT - 30)) click 1
  sleep 0.4
done
eval "$(xdotool getwindowgeometry --shell "$popup")"
import -window root "$LIMBER_TEST_DIR/screen.png"
convert "$LIMBER_TEST_DIR/screen.png" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" "$OUT/popup-done.png"
"$LIMBERCTL" summary --json >"$LIMBER_TEST_DIR/summary.json"
check "routine completed" "$(json_get "$LIMBER_TEST_DIR/summary.json" "['routines'][0]['id']")" quick-daily-reset
check "break taken" "$(json_get "$LIMBER_TEST_DIR/summary.json" "['breaks']['taken']")" 1
check "exercises reported" "$(json_get "$LIMBER_TEST_DIR/summary.json" "len(json.load(open(sys.argv[1]))['exercises'])" 2>/dev/null ||
  python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["exercises"]))' "$LIMBER_TEST_DIR/summary.json")" 3
check "feedback recorded" "$("$LIMBERCTL" export --csv | grep -c ',feedback,.*,easy$')" 3
xdotool windowfocus --sync "$popup" && xdotool key Return  # closes the finished popup

# 3b. "Stop — this hurts" records pain for that exercise and shows the safety advice.
# A break may have come due (every 3 s here) while the summary was read: it is skipped, and
# the tray takes its notification back. Start goes to the newest offer after the first; one
# taken back before the action reached the tray is passed over for the next (it is due 3 s on).
"$LIMBERCTL" skip >/dev/null 2>&1 || true
start_newest_break() {
  local after=$1 attempt latest
  for attempt in 1 2 3; do
    latest=""
    for _ in $(seq 100); do
      latest=$("$here/support/notify_mock.py" calls | grep "Time for a break" | tail -n1 || true)
      [ "$(cut -f1 <<<"$latest")" -gt "$after" ] && break
      sleep 0.1
    done
    [ "$(cut -f1 <<<"$latest")" -gt "$after" ] || return 1
    after=$(cut -f1 <<<"$latest")
    id=$(cut -f2 <<<"$latest")
    "$here/support/notify_mock.py" invoke "$id" "$start_key"
    popup=$(timeout 5 xdotool search --sync --name "Limber: Quick Daily Reset" | head -n1 || true)
    [ -n "$popup" ] && return 0
    echo "note the offer $id was taken back before Start reached the tray (attempt $attempt)"
  done
  return 1
}
start_newest_break "$n" || {
  echo "FAIL no second notification that opens the routine; tray log:" >&2; cat "$LIMBER_TEST_DIR/tray.log" >&2
  import -window root "$OUT/no-second-notification.png"; exit 1; }
sleep 0.5
eval "$(xdotool getwindowgeometry --shell "$popup")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT - 30)) click 1
sleep 0.6
eval "$(xdotool getwindowgeometry --shell "$popup")"
import -window root "$LIMBER_TEST_DIR/screen.png"
convert "$LIMBER_TEST_DIR/screen.png" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" "$OUT/popup-hurt.png"
check "pain recorded" "$("$LIMBERCTL" export --csv | grep -c ',feedback,,chin-tucks,.*,pain$')" 1
check "routine stopped for pain" "$("$LIMBERCTL" export --csv | grep -c ',break_stopped,.*,pain$')" 1
xdotool windowfocus --sync "$popup" && xdotool key Escape

# 3c. The next break: the illustration alternates its two poses with the steps, and Esc,
# after a confirm, closes the routine and the break counts as skipped.
for _ in $(seq 50); do
  latest=$("$here/support/notify_mock.py" calls | grep "Time for a break" | tail -n1)
  [ "$(cut -f2 <<<"$latest")" != "$id" ] && break
  sleep 0.1
done
id=$(cut -f2 <<<"$latest")
"$here/support/notify_mock.py" invoke "$id" "$start_key"
popup=$(timeout 10 xdotool search --sync --name "Limber: Quick Daily Reset" | head -n1)
sleep 0.3
eval "$(xdotool getwindowgeometry --shell "$popup")"
pictures=()
for i in $(seq 24); do  # 12 s: a chin tuck eases in, holds and releases in 8
  import -window root -crop 240x160+$((X + (WIDTH - 240) / 2))+$((Y + 60)) "$LIMBER_TEST_DIR/picture-$i.png"
  pictures+=("$(convert "$LIMBER_TEST_DIR/picture-$i.png" rgb:- | md5sum | cut -c1-12)")
  sleep 0.5
done
check "the illustration shows both poses" "$(printf '%s\n' "${pictures[@]}" | sort -u | wc -l)" 2
first=${pictures[0]}
for i in "${!pictures[@]}"; do [ "${pictures[i]}" != "$first" ] && { other=$((i + 1)); break; }; done
convert "$LIMBER_TEST_DIR/picture-1.png" "$LIMBER_TEST_DIR/picture-$other.png" +append "$OUT/popup-poses.png"
xdotool windowfocus --sync "$popup" key Escape
confirm=$(timeout 5 xdotool search --sync --name "^Limber$" | head -n1) || { echo "FAIL Esc asked nothing" >&2; LIMBER_FAILED=1; }
sleep 0.5
import -window root "$OUT/popup-esc-confirm.png"
check "the routine waits for the answer" "$("$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["phase"])')" in_break
xdotool windowfocus --sync "$confirm" key alt+y
for _ in $(seq $((100 * ${LIMBER_TIME_FACTOR:-1}))); do xdotool search --name "Limber: Quick Daily Reset" >/dev/null 2>&1 || break; sleep 0.1; done
check "popup closed" "$(xdotool search --name "Limber: Quick Daily Reset" 2>/dev/null | wc -l)" 0
check "the break counts as skipped" "$("$LIMBERCTL" export --csv | grep -c ',skipped,quick-daily-reset,.*,1,routine$')" 1
check "phase after Esc" "$("$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["phase"])')" working

# 3d. The guide follows the break: a routine started elsewhere (limberctl, a status-bar click)
# opens its popup; `limberctl done` closes it; `--no-guide` opens nothing and the routine runs.
phase() { "$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["phase"])'; }
asked=$(date +%s%N)
"$LIMBERCTL" start posture-support >/dev/null || { echo "FAIL limberctl start refused" >&2; LIMBER_FAILED=1; }
if guide=$(timeout $((5 * ${LIMBER_TIME_FACTOR:-1})) xdotool search --sync --name "^Limber: Posture Support$" | head -n1); then
  echo "ok   limberctl start opened the guide in $((($(date +%s%N) - asked) / 1000000)) ms"
  sleep 0.5
  import -window "$guide" "$OUT/guide-from-limberctl.png"
else
  echo "FAIL limberctl start opened no guide; tray log:" >&2; cat "$LIMBER_TEST_DIR/tray.log" >&2; LIMBER_FAILED=1
fi
"$LIMBERCTL" done >/dev/null
for _ in $(seq 50); do xdotool search --name "^Limber: Posture Support$" >/dev/null 2>&1 || break; sleep 0.1; done
check "the guide closes when the routine is done elsewhere" "$(xdotool search --name "^Limber: Posture Support$" 2>/dev/null | wc -l)" 0
"$LIMBERCTL" start --no-guide posture-support >/dev/null || { echo "FAIL limberctl start --no-guide refused" >&2; LIMBER_FAILED=1; }
sleep $((2 * ${LIMBER_TIME_FACTOR:-1}))  # long enough for a guide to have opened (above: well under a second)
check "no guide with --no-guide" "$(xdotool search --name "^Limber: Posture Support$" 2>/dev/null | wc -l)" 0
check "the routine runs without it" "$(phase)" in_break
"$LIMBERCTL" stop "following along alone" >/dev/null

# 3e. A guide still open on a routine that is over (one stopped for pain, its advice showing)
# gives way to the next routine started elsewhere, and asks nothing.
"$LIMBERCTL" start posture-support >/dev/null || { echo "FAIL limberctl start refused" >&2; LIMBER_FAILED=1; }
if guide=$(timeout $((5 * ${LIMBER_TIME_FACTOR:-1})) xdotool search --sync --name "^Limber: Posture Support$" | head -n1); then
  sleep 0.5
  eval "$(xdotool getwindowgeometry --shell "$guide")"
  xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT - 30)) click 1  # Stop — this hurts
  for _ in $(seq 50); do [ "$(phase)" = in_break ] || break; sleep 0.1; done
  after=$(phase)
  [ "$after" = due ] && after=working  # a break may come due meanwhile (every 3 s here)
  check "the routine stopped for pain, its guide still open" \
    "$after $(xdotool search --name "^Limber: Posture Support$" 2>/dev/null | wc -l)" "working 1"
  "$LIMBERCTL" start quick-daily-reset >/dev/null || { echo "FAIL limberctl start refused" >&2; LIMBER_FAILED=1; }
  if next=$(timeout $((5 * ${LIMBER_TIME_FACTOR:-1})) xdotool search --sync --name "^Limber: Quick Daily Reset$" | head -n1); then
    echo "ok   the new routine's guide opened"
    for _ in $(seq 50); do xdotool search --name "^Limber: Posture Support$" >/dev/null 2>&1 || break; sleep 0.1; done
    check "the finished guide gave way" "$(xdotool search --name "^Limber: Posture Support$" 2>/dev/null | wc -l)" 0
    check "nothing was asked" "$(xdotool search --name "^Limber$" 2>/dev/null | wc -l)" 0
    sleep 0.5
    import -window "$next" "$OUT/guide-replaced.png"
  else
    echo "FAIL the new routine opened no guide; tray log:" >&2; cat "$LIMBER_TEST_DIR/tray.log" >&2; LIMBER_FAILED=1
  fi
  "$LIMBERCTL" stop "done looking" >/dev/null
else
  echo "FAIL limberctl start opened no guide" >&2; LIMBER_FAILED=1
fi

# 4. With no notification service, the break card appears instead.
stop_tray "$tray_pid"
kill "$mock_pid"; wait "$mock_pid" 2>/dev/null || true
"$TRAY" --no-home >"$LIMBER_TEST_DIR/tray.log" 2>&1 &
tray_pid=$!
LIMBER_TEST_PIDS=("$tray_pid" "${LIMBER_TEST_PIDS[@]}")
card=$(timeout 15 xdotool search --sync --name "^Limber$" | head -n1) || { echo "FAIL no break card; tray log:" >&2; cat "$LIMBER_TEST_DIR/tray.log" >&2; import -window root "$OUT/no-card.png"; exit 1; }
sleep 0.5
import -window root "$LIMBER_TEST_DIR/screen.png"
eval "$(xdotool getwindowgeometry --shell "$card")"
convert "$LIMBER_TEST_DIR/screen.png" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" "$OUT/card.png"
echo "ok   break card shown without a notification service"
grep -q "no notification service answered" "$LIMBER_TEST_DIR/tray.log" && echo "ok   the fallback is logged" ||
  { echo "FAIL the fallback is not logged" >&2; LIMBER_FAILED=1; }

# 5. In a tray, the icon shows and opens its menu.
trayer --edge top --align right --widthtype request --height 32 --SetDockType true --transparent false >/dev/null 2>&1 &
LIMBER_TEST_PIDS=("${LIMBER_TEST_PIDS[@]}" $!)
tray_window=""
for _ in $(seq 50); do
  tray_window=$(xdotool search --class trayer 2>/dev/null | tail -n1 || true)
  [ -n "$tray_window" ] && break
  sleep 0.1
done
sleep 1
eval "$(xdotool getwindowgeometry --shell "$tray_window")"
xdotool mousemove $((X + WIDTH - 14)) $((Y + 16)) click 3
sleep 1
import -window root "$LIMBER_TEST_DIR/screen.png"
convert "$LIMBER_TEST_DIR/screen.png" -crop 420x460+$((X + WIDTH - 420))+0 "$OUT/menu.png"
xdotool key Escape

kill -0 "$tray_pid" && echo "ok   limber-tray still running" || { echo "FAIL limber-tray died" >&2; LIMBER_FAILED=1; }
stop_tray "$tray_pid"
exit "$LIMBER_FAILED"
