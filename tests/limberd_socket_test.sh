#!/usr/bin/env bash
# limberd's control socket against other users and floods: the directory is 0700 and the
# socket 0600; another user can reach neither, and even through a socket opened to all (made so
# by this test) is closed without an answer and logged; 1,000 connections held open at once and
# 100 MB of garbage leave `status` answered within a second every time.
# The other user is nobody (uid 65534), so that part runs as root only; as another user it is
# skipped, saying so. LIMBER_FLOOD_MB sets the garbage (100 MB by default).
# Usage: limberd_socket_test.sh LIMBERD LIMBERCTL
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2
. "$(dirname "$0")/support/daemon_env.sh"
LIMBER_FAILED=0
flood=$(dirname "$0")/socket_flood.py
dir=$XDG_RUNTIME_DIR/limber
sock=$dir/limberd.sock
settings '[working_hours]
enabled = false
[daily_routine]
enabled = false'
start_limberd --activity-source none

check "directory mode" "$(stat -c %a "$dir")" 700
check "socket mode" "$(stat -c %a "$sock")" 600
check "socket owner" "$(stat -c %u "$sock")" "$(id -u)"

# as_nobody_status: nobody's attempt at `status`; prints "answered", "refused: WHY" or "closed".
as_nobody_status() {
  setpriv --reuid=65534 --regid=65534 --clear-groups /usr/bin/python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.settimeout(5)
try:
    s.connect(sys.argv[1])
except OSError as e:
    print("refused: " + e.strerror); sys.exit()
try:
    s.sendall(b"{\"v\":1,\"id\":1,\"verb\":\"status\"}\n")
    print("answered" if s.recv(100) else "closed")
except (BrokenPipeError, ConnectionResetError):
    print("closed")' "$sock"
}
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  chmod 711 "$LIMBER_TEST_DIR"
  check "another user, through the 0700 directory" "$(as_nobody_status)" "refused: Permission denied"
  # Were the modes ever wrong, the peer check still holds: open both to all and try again.
  chmod 755 "$XDG_RUNTIME_DIR" "$dir"
  chmod 666 "$sock"
  check "another user, through a socket opened to all" "$(as_nobody_status)" "closed"
  grep -q "refused a connection from uid 65534" "$LIMBER_TEST_DIR/limberd.log" &&
    echo "ok   the log names the other user" || { echo "FAIL the refusal is not logged" >&2; LIMBER_FAILED=1; }
  chmod 700 "$XDG_RUNTIME_DIR" "$dir"
  chmod 600 "$sock"
else
  echo "skip another user: needs root and setpriv to act as uid 65534"
fi
expect_exit "status after the other user" 0 "Next break in" "$LIMBERCTL" status

python3 "$flood" "$sock" connections 1000 || LIMBER_FAILED=1
python3 "$flood" "$sock" garbage "${LIMBER_FLOOD_MB:-100}" || LIMBER_FAILED=1
kill -0 "$LIMBERD_PID" && echo "ok   limberd still runs" || { echo "FAIL limberd died" >&2; LIMBER_FAILED=1; }
expect_exit "status at the end" 0 "Next break in" "$LIMBERCTL" status
stop_limberd
exit "$LIMBER_FAILED"
