#!/usr/bin/env bash
# The Monday summary: at the first activity of a new week, limber-tray shows last week's
# headline as a notification, once; its action opens the weekly summary at that week.
# Last week is made for real: limberd on last Wednesday's calendar, a break due and taken.
# Usage: tray_weekly_test.sh LIMBERD LIMBERCTL LIMBER_TRAY OUT
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2 TRAY=$3 OUT=$4
here=$(dirname "$0")
. "$here/support/daemon_env.sh"
command -v import >/dev/null || { echo "missing imagemagick" >&2; exit 77; }
mkdir -p "$OUT"
LIMBER_FAILED=0
unset DISPLAY WAYLAND_DISPLAY
export NO_AT_BRIDGE=1 TZ=UTC
start_xvfb 1024x768
start_bus session
start_notify_mock

settings '[breaks]
every = "2s"
warn_before = "0s"
[working_hours]
enabled = false
[daily_routine]
enabled = false'
echo 2026-01-01 >"$XDG_CONFIG_HOME/limber/welcome-acknowledged"

# Last week (2026-W47): a break comes due on Wednesday and is taken.
start_limberd --activity-source none --time-scale 1 --clock-start 2026-11-18T10:00:00Z
for _ in $(seq 100); do
  [ "$("$LIMBERCTL" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["phase"])')" = due ] && break
  sleep 0.1
done
"$LIMBERCTL" start >/dev/null
"$LIMBERCTL" done >/dev/null
check "last week in limberd's summary" "$("$LIMBERCTL" summary --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["week"], d["breaks"]["taken"])')" "2026-W47 1"
kill "$LIMBERD_PID"; wait "$LIMBERD_PID" 2>/dev/null || true

# Monday of the next week: the first status the tray sees says the user is active.
start_limberd --activity-source none --time-scale 1 --clock-start 2026-11-23T08:00:00Z
"$TRAY" --no-home >>"$LIMBER_TEST_DIR/tray.log" 2>&1 &
tray_pid=$!
LIMBER_TEST_PIDS=("$tray_pid" "${LIMBER_TEST_PIDS[@]}")
offered=""
for _ in $(seq 100); do
  offered=$("$here/support/notify_mock.py" calls | grep "Your last week with Limber" | head -n1 || true)
  [ -n "$offered" ] && break
  sleep 0.1
done
[ -n "$offered" ] || { echo "FAIL no weekly notification; tray log:" >&2; cat "$LIMBER_TEST_DIR/tray.log" >&2; exit 1; }
echo "ok   notification: $offered"
check "headline" "$(cut -f5 <<<"$offered")" "100% of breaks taken (1 of 1)."
check "one action" "$(cut -f4 <<<"$offered" | tr ',' '\n' | wc -l)" 1
check "offered week kept" "$(cat "$XDG_STATE_HOME/limber/weekly-summary-offered")" 2026-W48

# Its action opens the summary at last week.
"$here/support/notify_mock.py" invoke "$(cut -f2 <<<"$offered")" "$(cut -f4 <<<"$offered")"
summary=$(timeout 10 xdotool search --sync --name "^Limber: weekly summary$" | head -n1) || {
  echo "FAIL the action opened no summary" >&2; cat "$LIMBER_TEST_DIR/tray.log" >&2; exit 1; }
sleep 1.5
eval "$(xdotool getwindowgeometry --shell "$summary")"
import -window root "$LIMBER_TEST_DIR/screen.png"
convert "$LIMBER_TEST_DIR/screen.png" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$OUT/summary-last-week.png"
echo "ok   summary opened (summary-last-week.png shows Week 2026-W47)"

# Once a week: a restarted tray does not offer it again.
stop_tray "$tray_pid"
"$TRAY" --no-home >>"$LIMBER_TEST_DIR/tray.log" 2>&1 &
tray_pid=$!
LIMBER_TEST_PIDS=("$tray_pid" "${LIMBER_TEST_PIDS[@]}")
sleep 3  # connected, status seen, nothing offered
check "offered once" "$("$here/support/notify_mock.py" calls | grep -c "Your last week with Limber")" 1
exit "$LIMBER_FAILED"
