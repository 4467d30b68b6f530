#!/usr/bin/env bash
# Smart pause in the real limberd, 600 times faster than real time: a "call" holding a camera
# (a real character device made with mknod) makes the due break wait, with no break_due;
# status and limberctl say why; once the call ends, the break is offered after the grace
# period, as a held break; the record and the summary count it once.
# Usage: limberd_smart_pause_test.sh LIMBERD LIMBERCTL. Exits 77 where mknod is not allowed.
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2
. "$(dirname "$0")/support/daemon_env.sh"
LIMBER_FAILED=0

dev=$LIMBER_TEST_DIR/dev
mkdir "$dev"
mknod "$dev/video0" c 1 3 2>/dev/null || { echo "mknod is not allowed here" >&2; exit 77; }

settings '[breaks]
every = "30m"
[working_hours]
enabled = false
[daily_routine]
enabled = false
[smart_pause]
grace = "40m"'
export TZ=UTC
# The call starts before limberd does: the source reports it at once.
start_video_call "$dev/video0"
call=$VIDEO_CALL_PID
start_limberd --activity-source none --time-scale 600 --clock-start 2026-03-23T09:00:00Z \
  --smart-pause camera --video-devices "$dev"
watch_events
wait_status "['hold']" "camera: videocall" 5

wait_for '"event":"held"' 20
check "no warning or break_due during the call" "$(grep -cE '"event":"(warning|break_due)"' "$LIMBER_TEST_DIR/events" || true)" 0
check "held names the call" "$(grep '"event":"held"' "$LIMBER_TEST_DIR/events" | grep -c '"detail":"camera: videocall"' || true)" 1
wait_status "['phase']" held 5
expect_exit "limberctl status during the call" 0 \
  "^Break waiting while you are on a call \(videocall is using the camera\): Quick Daily Reset" "$LIMBERCTL" status
expect_exit "snoozing a waiting break" 3 "already waiting" "$LIMBERCTL" snooze

# The call goes on for two hours (12 s here): limberd wakes for that moment, with nothing else
# due, and pushes a status saying the hold is long; limberctl says so too.
wait_for '"hold_long":true' 20
first_long=$(grep -m1 '"hold_long":true' "$LIMBER_TEST_DIR/events" | grep -o '"hold_on_seconds":[0-9]*' | cut -d: -f2)
check "pushed as the hold turned two hours long" "$([ "${first_long:-0}" -ge 7200 ] && [ "${first_long:-0}" -le 7300 ] && echo yes)" yes
expect_exit "limberctl status after two hours on a call" 0 \
  "^Breaks held for 2 h( [0-9]+ min)? while you are on a call \(videocall is using the camera\)\. If that is not right, limberctl start takes a break now\.$" \
  "$LIMBERCTL" status

kill "$call"; wait "$call" 2>/dev/null || true
wait_status "['hold']" None 5
expect_exit "limberctl status in the grace period" 0 "^Break waiting: offered in [0-9]+ min \(Quick Daily Reset\)" "$LIMBERCTL" status
wait_for '"event":"break_due"' 20
check "the offer says it waited" "$(grep '"event":"break_due"' "$LIMBER_TEST_DIR/events" | grep -c '"detail":"held"' || true)" 1
wait_status "['phase']" due 5
grep -q "smart pause: breaks wait: camera: videocall" "$LIMBER_TEST_DIR/limberd.log" && echo "ok   the log says why breaks wait" ||
  { echo "FAIL the log does not say why breaks waited" >&2; LIMBER_FAILED=1; }

"$LIMBERCTL" summary --json >"$LIMBER_TEST_DIR/summary.json"
check "one break due, not two" "$(json_get "$LIMBER_TEST_DIR/summary.json" "['breaks']['due']")" 1
stop_limberd
db=$XDG_DATA_HOME/limber/limber.db
check "recorded" "$(sqlite3 "$db" "SELECT group_concat(e, ' ') FROM (SELECT kind || ':' || detail AS e FROM events WHERE kind IN ('held', 'break_due') ORDER BY at_ms, id)")" \
  "held:camera: videocall break_due:held"

# Smart pause at its defaults, on a desktop without a sound server or a dconf database: the
# libraries those signals need are not loaded (a call's microphone cannot be heard without a
# server; every GNOME key is its default without a database).
start_limberd --activity-source none
wait_status "['phase']" working 5
for lib in libpulse.so libdconf.so libglib-2.0.so; do
  check "$lib not loaded without its service" "$(grep -c "/$lib" "/proc/$LIMBERD_PID/maps" || true)" 0
done
stop_limberd
exit "$LIMBER_FAILED"
