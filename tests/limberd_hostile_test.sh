#!/usr/bin/env bash
# Bad clients on the real limberd's socket: garbage, an unknown verb and a 70 KiB line get
# error replies (the last also closes the connection), a half line left hanging holds up no
# one, and limberd answers other clients and runs on throughout.
# Usage: limberd_hostile_test.sh LIMBERD LIMBERCTL
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2
. "$(dirname "$0")/support/daemon_env.sh"
LIMBER_FAILED=0
client=$(dirname "$0")/support/line_client.py
sock=$XDG_RUNTIME_DIR/limber/limberd.sock
settings '[working_hours]
enabled = false
[daily_routine]
enabled = false'
start_limberd --activity-source none

"$client" "$sock" hostile || LIMBER_FAILED=1

# Half a request, then silence: the daemon must not wait on it.
"$client" "$sock" half >"$LIMBER_TEST_DIR/half" &
LIMBER_TEST_PIDS+=($!)
for _ in $(seq 50); do grep -q sent "$LIMBER_TEST_DIR/half" && break; sleep 0.1; done
check "another client's status while a line hangs" \
  "$("$client" "$sock" status | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["phase"])')" working
expect_exit "limberctl while a line hangs" 0 "Next break in" "$LIMBERCTL" status

# Raw bytes straight after connecting, and a client that hangs up mid-line.
python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.sendall(b"\x01\x02\x03\n"); s.close()
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.sendall(b"{\"v\":1,\"id\":"); s.close()' "$sock"
kill -0 "$LIMBERD_PID" && echo "ok   limberd still runs" || { echo "FAIL limberd died" >&2; LIMBER_FAILED=1; }
expect_exit "status at the end" 0 "Next break in" "$LIMBERCTL" status
stop_limberd
exit "$LIMBER_FAILED"
