#!/usr/bin/env bash
# limberd's life and limberctl's answers: one daemon per user, a clean stop on SIGTERM, the
# earned time kept across a quick restart, limberctl's commands, refusals and exit codes, and
# what a started routine tells every client (its plan, and whether to open its guide).
# Usage: limberd_lifecycle_test.sh LIMBERD LIMBERCTL
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2
. "$(dirname "$0")/support/daemon_env.sh"
LIMBER_FAILED=0

settings '[breaks]
every = "45m"
[idle]
natural_break = "5m"
[working_hours]
enabled = false
[daily_routine]
enabled = false'

expect_exit "limberctl without a daemon" 5 "limberd is not running" "$LIMBERCTL" status
start_limberd --activity-source none
expect_exit "a second limberd" 4 "already running" "$LIMBERD" --no-notifications --activity-source none
kill -0 "$LIMBERD_PID" && echo "ok   the first limberd runs on" || { echo "FAIL the first limberd died" >&2; LIMBER_FAILED=1; }
expect_exit "status after the second limberd gave up" 0 "Next break in" "$LIMBERCTL" status

# Sitting time earned before a restart is still there after it (restarted well within 5 min).
for _ in $(seq 60); do [ "$(status_get "['earned_seconds']")" -ge 2 ] && break; sleep 0.1; done
stop_limberd
saved=$(sqlite3 "$XDG_DATA_HOME/limber/limber.db" "SELECT json_extract(value, '$.earned_seconds') FROM kv WHERE key = 'scheduler'")
[ "$saved" -ge 2 ] && echo "ok   saved $saved s earned on SIGTERM" || { echo "FAIL saved earned time: $saved" >&2; LIMBER_FAILED=1; }
expect_exit "limberctl after SIGTERM" 5 "limberd is not running" "$LIMBERCTL" status
start_limberd --activity-source none
earned=$(status_get "['earned_seconds']")
[ "$earned" -ge "$saved" ] && echo "ok   earned $earned s after the restart" ||
  { echo "FAIL earned time after the restart: $earned, saved $saved" >&2; LIMBER_FAILED=1; }

# Commands, their refusals and exit codes.
expect_exit "pause 30m" 0 "^Paused until ([A-Z][a-z]{2} )?[0-9][0-9]:[0-9][0-9]$" "$LIMBERCTL" pause 30m
check "phase when paused" "$(status_get "['phase']")" paused
expect_exit "pause without a duration" 2 "DURATION" "$LIMBERCTL" pause
expect_exit "pause for a bad duration" 2 "is not a duration" "$LIMBERCTL" pause soon
expect_exit "resume" 0 "^Resumed$" "$LIMBERCTL" resume
check "phase when resumed" "$(status_get "['phase']")" working
expect_exit "snooze with nothing due" 3 "^limberctl: .*snooze" "$LIMBERCTL" snooze
expect_exit "skip the upcoming break" 0 "^Skipped$" "$LIMBERCTL" skip
expect_exit "start an unknown routine" 4 "^limberctl: .*yoga" "$LIMBERCTL" start yoga
expect_exit "finish with no routine running" 3 "^limberctl: " "$LIMBERCTL" done
expect_exit "start" 0 "^Started quick-daily-reset$" "$LIMBERCTL" start
expect_exit "start while a routine runs" 3 "^limberctl: " "$LIMBERCTL" start
expect_exit "status while in a break" 0 "^Doing " "$LIMBERCTL" status
expect_exit "stop early" 0 "^Stopped$" "$LIMBERCTL" stop "phone rang"
"$LIMBERCTL" --json pause 5m >"$LIMBER_TEST_DIR/pause.json"
check "a command's reply carries the whole status" "$(json_get "$LIMBER_TEST_DIR/pause.json" "['status']['next_routine_name']")" \
  "Quick Daily Reset"
check "and the events it caused" "$(json_get "$LIMBER_TEST_DIR/pause.json" "['events'][0]['event']")" paused
"$LIMBERCTL" resume >/dev/null
expect_exit "a week that does not exist" 4 "^limberctl: .*week" "$LIMBERCTL" summary --week 2027-W53

"$LIMBERCTL" status --format waybar >"$LIMBER_TEST_DIR/waybar.json"
python3 - "$LIMBER_TEST_DIR/waybar.json" <<'PY' && echo "ok   waybar JSON: $(cat "$LIMBER_TEST_DIR/waybar.json")" || LIMBER_FAILED=1
import json, sys
w = json.load(open(sys.argv[1]))
missing = {"text", "tooltip", "class"} - set(w)
assert not missing, f"waybar JSON lacks {missing}: {w}"
assert w["class"] == "working" and w["tooltip"].startswith("Next break in"), w
PY

"$LIMBERCTL" export --csv >"$LIMBER_TEST_DIR/export.csv"
check "CSV header" "$(head -n1 "$LIMBER_TEST_DIR/export.csv")" \
  "time_utc,local_time,kind,routine,exercise,side,reps,hold_seconds,length_seconds,was_due,detail"
check "exported kinds" "$(cut -d, -f3 "$LIMBER_TEST_DIR/export.csv" | tail -n +2 | tr '\n' ' ')" \
  "paused resumed skipped break_started break_stopped paused resumed "
"$LIMBERCTL" export >"$LIMBER_TEST_DIR/export.json"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$LIMBER_TEST_DIR/export.json" && echo "ok   JSON export parses" ||
  { echo "FAIL the JSON export does not parse" >&2; LIMBER_FAILED=1; }

# A routine started anywhere tells every client its plan, and whether its guide should open
# (the tray opens it unless the start said --no-guide).
"$LIMBERCTL" watch >"$LIMBER_TEST_DIR/watch.jsonl" &
watch_pid=$!
LIMBER_TEST_PIDS=("$watch_pid" "${LIMBER_TEST_PIDS[@]}")
for _ in $(seq 50); do [ -s "$LIMBER_TEST_DIR/watch.jsonl" ] && break; sleep 0.1; done
"$LIMBERCTL" start posture-support >/dev/null
"$LIMBERCTL" done >/dev/null
"$LIMBERCTL" start --no-guide >/dev/null
"$LIMBERCTL" stop >/dev/null
for _ in $(seq 50); do [ "$(grep -c '"break_started"' "$LIMBER_TEST_DIR/watch.jsonl")" -ge 2 ] && break; sleep 0.1; done
kill "$watch_pid" 2>/dev/null || true
python3 - "$LIMBER_TEST_DIR/watch.jsonl" <<'PY' && echo "ok   break_started carries the plan and the guide flag" || LIMBER_FAILED=1
import json, sys
started = [e["data"] for e in map(json.loads, open(sys.argv[1])) if e["event"] == "break_started"]
assert len(started) == 2, started
first, second = started
assert first["routine"] == "posture-support" and first["guide"] is True, first
assert len(first["plan"]) == 7 and all({"exercise", "reps", "hold_seconds"} <= set(s) for s in first["plan"]), first
assert second["routine"] == "quick-daily-reset" and second["guide"] is False and len(second["plan"]) == 3, second
PY

stop_limberd
exit "$LIMBER_FAILED"
