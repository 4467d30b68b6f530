#!/usr/bin/env bash
# A night shift in the real limberd: a break due and taken after midnight in Sunday's shift
# (22:00-02:00) counts for Sunday, in the week that holds it; limberd's today and current week
# are the shift's until it ends. With the night shift taken out of limber.toml, the same record
# counts by its calendar day: the summary follows the working hours in force.
# Usage: limberd_night_shift_test.sh LIMBERD LIMBERCTL
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2
. "$(dirname "$0")/support/daemon_env.sh"
LIMBER_FAILED=0
# shift_is HOURS: Sunday's working hours.
shift_is() {
  settings "[breaks]
every = \"5m\"
warn_before = \"0s\"
[working_hours]
sunday = \"$1\"
[daily_routine]
enabled = false"
}
shift_is "22:00-02:00"
printf '+0s active\n' >"$LIMBER_TEST_DIR/active.script"
export TZ=Europe/Berlin
# Monday 23 March 2026, 00:30 CET, 60 times faster: the break comes due at 00:35, 5 s from now.
start_limberd --activity-source "script:$LIMBER_TEST_DIR/active.script" --time-scale 60 --clock-start 2026-03-22T23:30:00Z
watch_events
wait_for '"event":"break_due"' 20
"$LIMBERCTL" start >/dev/null
"$LIMBERCTL" done >/dev/null

check "the week during Sunday's night shift" "$(status_get "['week']")" 2026-W12
s=$LIMBER_TEST_DIR/summary.json
"$LIMBERCTL" summary --json >"$s"
check "the summary's week" "$(json_get "$s" "['week']")" 2026-W12
check "limberd's today" "$(json_get "$s" "['today']")" 2026-03-22
check "Sunday's breaks due" "$(json_get "$s" "['days'][6]['breaks_due']")" 1
check "Sunday's breaks taken" "$(json_get "$s" "['days'][6]['breaks_taken']")" 1

shift_is "off"
"$LIMBERCTL" reload >/dev/null
check "the week without a night shift" "$(status_get "['week']")" 2026-W13
"$LIMBERCTL" summary --json >"$s"
check "the summary's week without it" "$(json_get "$s" "['week']")" 2026-W13
check "today without it" "$(json_get "$s" "['today']")" 2026-03-23
check "Monday's breaks due without it" "$(json_get "$s" "['days'][0]['breaks_due']")" 1
check "Monday's breaks taken without it" "$(json_get "$s" "['days'][0]['breaks_taken']")" 1
stop_limberd
exit "$LIMBER_FAILED"
