#!/usr/bin/env bash
# The scripted source played 600 times faster than real time: every state in order, each
# once, and the whole script done in well under its 8m30s.
set -euo pipefail
probe=$1
script=$2
. "$(dirname "$0")/support/wait_lines.sh"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

start=$(date +%s%N)
"$probe" "script:$script@600" --count 6 --timeout 20s >"$dir/out"
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
expect_output "$dir/out" "active
idle
locked
asleep
active
idle"
# 8m30s at 600x is 850 ms; a wrong scale would take minutes or no time at all.
[ "$elapsed_ms" -ge 800 ] && [ "$elapsed_ms" -lt 5000 ] || { echo "played in ${elapsed_ms} ms" >&2; exit 1; }
