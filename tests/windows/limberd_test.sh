#!/usr/bin/env bash
# limberd.exe and limberctl.exe under Wine (tests/windows/run.sh gives the private prefix and
# display): limberctl without a daemon, limberd starting on the user's named pipe, a second
# limberd refused, status, pause and resume with their words and exit codes, a garbage line
# answered with an error while the daemon serves on, the settings read again when they change,
# the calendar planned again when the clock is set, the record and the log written to
# %LOCALAPPDATA%\Limber, a log-off that limberd saves and stops for, and a scripted morning on
# the scaled clock.
# Usage: limberd_test.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
failed=0
work=$(mktemp -d)
limberd_pid=""
cleanup() {
  [ -n "$limberd_pid" ] && kill "$limberd_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
ok() { echo "ok   $1"; }
fail() { echo "FAIL $1" >&2; failed=1; }
# Runs a .exe under Wine; its output without Wine's carriage returns.
win() { wine "$@" 2> >(tr -d '\r' >&2) | tr -d '\r'; return "${PIPESTATUS[0]}"; }
expect() {  # name code pattern command...
  local name=$1 code=$2 pattern=$3 out rc=0
  shift 3
  out=$(win "$@" 2>&1) || rc=$?
  if [ "$rc" = "$code" ] && grep -Eq -- "$pattern" <<<"$out"; then ok "$name: $(head -1 <<<"$out")"; else fail "$name: exit $rc (want $code), output: $out"; fi
}

cat >"$work/limber.toml" <<'TOML'
[breaks]
every = "45m"
[idle]
natural_break = "5m"
[working_hours]
enabled = false
[daily_routine]
enabled = false
TOML
config="Z:$work/limber.toml"

expect "limberctl without a daemon" 5 "limberd is not running" "$bin/limberctl.exe" status
# Its message names the user's pipe: \\.\pipe\limber-<the user's SID>.
pipe=$(win "$bin/limberctl.exe" status 2>&1 | sed -n 's/.*(no pipe at \(.*\))$/\1/p' || true)
grep -Eq '^\\\\\.\\pipe\\limber-S-1-5-[0-9-]+$' <<<"$pipe" && ok "the pipe is the user's: $pipe" || fail "the pipe's name: '$pipe'"
wine "$bin/limberd.exe" --config "$config" --activity-source none --no-notifications >"$work/limberd.out" 2>&1 &
limberd_pid=$!
for _ in $(seq 150); do win "$bin/limberctl.exe" status >/dev/null 2>&1 && break; sleep 0.2; done
expect "status" 0 "^Next break in" "$bin/limberctl.exe" status
expect "a second limberd" 4 "already running" "$bin/limberd.exe" --config "$config" --activity-source none --no-notifications
kill -0 "$limberd_pid" 2>/dev/null && ok "the first limberd runs on" || fail "the first limberd died"
expect "pause 5m" 0 "^Paused until ([A-Z][a-z]{2} )?[0-9][0-9]:[0-9][0-9]$" "$bin/limberctl.exe" pause 5m
expect "phase when paused" 0 '"phase": *"paused"' "$bin/limberctl.exe" --json status
expect "resume" 0 "^Resumed$" "$bin/limberctl.exe" resume
expect "phase when resumed" 0 '"phase": *"working"' "$bin/limberctl.exe" --json status
expect "pause for a bad duration" 2 "is not a duration" "$bin/limberctl.exe" pause soon

# A garbage line on the pipe gets an error, and the daemon serves on.
expect "a garbage line" 0 '"code": *"bad_json".*"ok": *false' "$bin/pipe_line.exe" "$pipe" "this is not json"
expect "status after the garbage" 0 "^Next break in" "$bin/limberctl.exe" status

# The settings file changed: limberd reads it again (ReadDirectoryChangesW) and says so.
cp "$work/limber.toml" "$work/day.toml"  # the morning below plays on the 45 minutes
sed -i 's/every = "45m"/every = "30m"/' "$work/limber.toml"
for _ in $(seq 50); do win "$bin/limberctl.exe" status 2>/dev/null | grep -q "^Next break in 30 min" && break; sleep 0.2; done
expect "the settings reloaded on change" 0 "^Next break in 30 min" "$bin/limberctl.exe" status

local_app_data=$(wine cmd /c echo '%LOCALAPPDATA%' 2>/dev/null | tr -d '\r')
log=$(winepath -u "$local_app_data\\Limber\\limberd.log" 2>/dev/null | tr -d '\r')
# The clock was set: limberd hears WM_TIMECHANGE and plans again.
win "$bin/time_changed.exe" || fail "time_changed.exe could not broadcast"
for _ in $(seq 50); do grep -q "the calendar clock was set" "$log" 2>/dev/null && break; sleep 0.1; done
grep -q "the calendar clock was set" "$log" && ok "the clock set: limberd planned again" || fail "limberd did not hear the clock set ($log)"

db=$(wine cmd /c echo '%LOCALAPPDATA%' 2>/dev/null | tr -d '\r')
db_unix=$(winepath -u "$db\\Limber\\limber.db" 2>/dev/null | tr -d '\r')
[ -s "$db_unix" ] && ok "the record is in $db\\Limber\\limber.db" || fail "no record at $db_unix"

# The user logs off: Windows asks limberd's windows (WM_QUERYENDSESSION), then tells them
# (WM_ENDSESSION) and may end the process as soon as they answer: limberd has saved and stopped
# by then. What only that save writes: the sitting time earned since the last event, here
# three seconds or more while nothing happened.
earned() { win "$bin/limberctl.exe" --json status 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["earned_seconds"])' 2>/dev/null || echo 0; }
since=$(earned)
for _ in $(seq 100); do [ "$(earned)" -ge $((since + 3)) ] && break; sleep 0.1; done
before=$(earned)
expect "the log-off" 0 "^told [1-9][0-9]* windows; 0 refused$" "$bin/end_session.exe"
for _ in $(seq 100); do kill -0 "$limberd_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$limberd_pid" 2>/dev/null; then
  fail "limberd still runs after the log-off"
else
  rc=0
  wait "$limberd_pid" || rc=$?
  [ "$rc" = 0 ] && ok "limberd stopped at the log-off, exit 0" || fail "limberd's exit status after the log-off: $rc"
fi
grep -q "the session is ending: saving and stopping" "$log" && ok "limberd said why it stopped" || fail "no word of the log-off in $log"
saved=$(sqlite3 "$db_unix" "SELECT json_extract(value, '$.earned_seconds') FROM kv WHERE key = 'scheduler'" 2>&1)
[ "$saved" -ge "$before" ] 2>/dev/null && ok "saved at the log-off: $saved s earned (status said $before, $since before the wait)" ||
  fail "saved at the log-off: '$saved' s earned, status said $before"
wine "$bin/limberd.exe" --config "$config" --activity-source none --no-notifications >"$work/limberd-again.out" 2>&1 &
limberd_pid=$!
for _ in $(seq 150); do win "$bin/limberctl.exe" status >/dev/null 2>&1 && break; sleep 0.2; done
expect "at the next log-in, limberd carries on" 0 "^Next break in" "$bin/limberctl.exe" status

# A morning played 600 times faster (tests/data/limberd-day.script, as limberd.scripted_day
# plays it on Linux): the break comes due at 0:45 and is taken through limberctl; the two
# stretches away are natural breaks; the second break, due at 1:55, is settled by the lock.
kill "$limberd_pid" 2>/dev/null
wait "$limberd_pid" 2>/dev/null || true
wine "$bin/limberd.exe" --config "Z:$work/day.toml" --no-notifications --activity-source "script:Z:$src/tests/data/limberd-day.script" \
  --time-scale 600 --clock-start 2026-03-23T09:00:00Z >"$work/limberd-day.out" 2>&1 &
limberd_pid=$!
phase() { win "$bin/limberctl.exe" --json status 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["phase"])' 2>/dev/null; }
for _ in $(seq 300); do [ "$(phase)" = due ] && break; sleep 0.1; done
check_phase=$(phase)
[ "$check_phase" = due ] && ok "the break came due" || fail "no break due; phase $check_phase"
expect "start it" 0 "^Started quick-daily-reset$" "$bin/limberctl.exe" start
expect "finish it" 0 "^Well done" "$bin/limberctl.exe" done
summary() { win "$bin/limberctl.exe" summary --json --week 2026-W13 2>/dev/null; }
for _ in $(seq 300); do
  [ "$(summary | python3 -c 'import json,sys; print(json.load(sys.stdin)["breaks"]["natural"])' 2>/dev/null)" = 2 ] && break
  sleep 0.1
done
sleep 1  # the script's last idle stretch: nothing more is due
summary >"$work/summary.json"
python3 - "$work/summary.json" <<'PY' && ok "the morning's summary: 2 due, 1 taken, 2 natural breaks" || fail "the morning's summary: $(cat "$work/summary.json")"
import json, sys
s = json.load(open(sys.argv[1]))
b = s["breaks"]
assert (b["due"], b["taken"], b["missed"], b["natural"]) == (2, 1, 0, 2), b
assert s["routines"][0]["id"] == "quick-daily-reset"
assert abs(s["active_seconds"] - 115 * 60) <= 10, s["active_seconds"]
PY

# A user whose folder's name is not ASCII (Windows makes C:\Users\Zoë for Zoë): limberd reads
# its settings from that folder and writes its record, log and lock there. Wine's own profile
# is ASCII, so with_env.exe gives limberd the folders; Wine reads its command line as UTF-8.
kill "$limberd_pid" 2>/dev/null
wait "$limberd_pid" 2>/dev/null || true
zoe_unix="$WINEPREFIX/drive_c/Zoë 测试"
mkdir -p "$zoe_unix/Roaming/Limber"
sed 's/every = "30m"/every = "25m"/' "$work/limber.toml" >"$zoe_unix/Roaming/Limber/limber.toml"
LC_ALL=C.UTF-8 wine "$bin/with_env.exe" 'APPDATA=C:\Zoë 测试\Roaming' 'LOCALAPPDATA=C:\Zoë 测试\Local' -- \
  "$(winepath -w "$bin/limberd.exe" 2>/dev/null | tr -d '\r')" --activity-source none --no-notifications >"$work/limberd-zoe.out" 2>&1 &
limberd_pid=$!
for _ in $(seq 150); do win "$bin/limberctl.exe" status >/dev/null 2>&1 && break; sleep 0.2; done
expect "settings from a folder whose name is not ASCII" 0 "^Next break in 25 min" "$bin/limberctl.exe" status
for f in limber.db limberd.log; do
  [ -s "$zoe_unix/Local/Limber/$f" ] && ok "$f is in C:\\Zoë 测试\\Local\\Limber" ||
    fail "no $f in $zoe_unix/Local/Limber: $(ls -R "$WINEPREFIX/drive_c" 2>/dev/null | grep -a -i 'zo' | head -5)"
done
grep -q "ready: next break in 1500 s" "$zoe_unix/Local/Limber/limberd.log" 2>/dev/null && ok "its log says it is ready" || fail "its log: $(cat "$zoe_unix/Local/Limber/limberd.log" 2>&1 | tail -3)"
win "$bin/end_session.exe" >/dev/null || fail "end_session.exe"
for _ in $(seq 100); do kill -0 "$limberd_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$limberd_pid" 2>/dev/null && fail "limberd still runs after the log-off" || limberd_pid=""

exit $failed
