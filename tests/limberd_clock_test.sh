#!/usr/bin/env bash
# Suspends, locks and DST played into the real limberd through the scripted activity source,
# 3,000 times faster than real time, once in Europe/Berlin across the spring change and once
# in America/New_York across the autumn one: a suspend of 10 min and of 8 h and a lock of 2 h
# are each one natural break of their length, a lock of 30 s is none, no break comes due in a
# burst (never two within 45 min of sitting), no duration in the record is negative, the weekly
# summary adds up, and the log says what happened. (The calendar clock set by hand is proven
# with the fake clock in test_clock_faults.cpp: a test never sets the machine's clock.)
# Usage: limberd_clock_test.sh LIMBERD LIMBERCTL
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
cat >"$LIMBER_TEST_DIR/day.script" <<'EOF'
+0s active
+40m asleep    # suspend 10 min
+10m active
+40m locked    # lock 30 s
+30s active
+20m asleep    # suspend 8 h
+8h active
+50m locked    # lock 2 h
+2h active
+20m idle
EOF
# Schedule time is 3,000 times faster: 11 h 21 min of it take about 14 s.
total=$(((40 + 10 + 40 + 20 + 8 * 60 + 50 + 2 * 60 + 20) * 60 + 30))

play() {  # play TZ CLOCK_START
  local db=$XDG_DATA_HOME/limber/limber.db
  rm -rf "$XDG_DATA_HOME/limber" "$XDG_STATE_HOME/limber"
  : >"$LIMBER_TEST_DIR/limberd.log"
  TZ=$1 start_limberd --activity-source "script:$LIMBER_TEST_DIR/day.script" --time-scale 3000 --clock-start "$2"
  watch_events
  wait_for '"event":"away_started"' 30 4  # the last comes 5 min into the final idle
  TZ=$1 "$LIMBERCTL" export >"$LIMBER_TEST_DIR/export.json"
  TZ=$1 "$LIMBERCTL" summary --json >"$LIMBER_TEST_DIR/summary.json"
  stop_limberd
  python3 - "$LIMBER_TEST_DIR/export.json" "$LIMBER_TEST_DIR/summary.json" "$db" "$LIMBER_TEST_DIR/limberd.log" "$1" <<'PY' ||
import json, sqlite3, sys
export, summary, db_path, log_path, tz = sys.argv[1:]
events = json.load(open(export))["events"]
summary = json.load(open(summary))
log = open(log_path).read()
failed = []
def check(ok, what):
    print(("ok   " if ok else "FAIL ") + f"{tz}: {what}", file=sys.stdout if ok else sys.stderr)
    if not ok:
        failed.append(what)
naturals = [e["length_seconds"] for e in events if e["kind"] == "natural_break"]
# 10 min and 8 h asleep, 2 h locked (and the 30 s lock is not one); a real millisecond is 3 s
# here, and a busy machine is late by a few of them.
expected = [600, 8 * 3600, 2 * 3600]
check(len(naturals) == 3 and all(abs(n - x) <= 60 for n, x in zip(naturals, expected)),
      f"natural breaks of 10 min, 8 h and 2 h, none for 30 s: {naturals}")
check(not [e for e in events if e["kind"] == "clock_jumped"], "no clock jump reported across DST")
dues = [e for e in events if e["kind"] == "break_due"]
check(len(dues) >= 2, f"breaks came due ({len(dues)})")
check(all(e["length_seconds"] >= 0 for e in events if e["kind"] != "clock_jumped"), "no negative duration in the events")
db = sqlite3.connect(db_path)
negative = db.execute("SELECT count(*) FROM activity WHERE end_ms < start_ms").fetchone()[0]
check(negative == 0, "no activity span ends before it starts")
offsets = sorted({r[0] for r in db.execute("SELECT DISTINCT utc_offset_min FROM activity")})
check(len(offsets) == 2, f"the record carries both offsets of the DST change: {offsets}")
# No burst: between two breaks due there are 45 minutes of sitting, so never two within 45 min.
times = [db.execute("SELECT at_ms FROM events WHERE id = ?", (i,)).fetchone()[0]
         for (i,) in db.execute("SELECT id FROM events WHERE kind = 'break_due' ORDER BY id")]
gaps = [(b - a) / 1000 for a, b in zip(times, times[1:])]
check(all(g >= 45 * 60 - 60 for g in gaps), f"breaks due at least 45 min apart: {gaps}")
b = summary["breaks"]
days = summary["days"]
check(sum(d["breaks_due"] for d in days) == b["due"], "the days' breaks due add up to the week's")
check(sum(d["active_seconds"] for d in days) == summary["active_seconds"], "the days' active time adds up to the week's")
check(b["taken"] + b["partial"] + b["skipped"] + b["missed"] <= b["due"], f"every due break is accounted for once: {b}")
active = db.execute("SELECT sum(end_ms - start_ms) / 1000 FROM activity WHERE kind = 'active'").fetchone()[0]
# Active by the script: 40 + 10 + 40 + 20 + 50 minutes... plus the 8 h and 2 h stretches' ends.
check(abs(summary["active_seconds"] - active) <= 1, f"the summary's active time is the record's: {summary['active_seconds']} s")
check(log.count("natural_break") >= 3 and log.count("away_started") >= 3, "the log names each natural break")
sys.exit(1 if failed else 0)
PY
    LIMBER_FAILED=1
}

# Berlin, spring forward at 01:00 UTC on 29 March 2026: start at 23:30 UTC the day before.
play Europe/Berlin 2026-03-28T23:30:00Z
# New York, fall back at 06:00 UTC on 1 November 2026: start at 04:30 UTC.
play America/New_York 2026-11-01T04:30:00Z
exit "$LIMBER_FAILED"
