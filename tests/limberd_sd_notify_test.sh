#!/usr/bin/env bash
# limberd under a service manager's NOTIFY_SOCKET: READY=1 comes only once the control socket
# answers (a client connecting the moment it arrives gets a reply), and STOPPING=1 on SIGTERM.
# Usage: limberd_sd_notify_test.sh LIMBERD LIMBERCTL
set -euo pipefail
LIMBERD=$1 LIMBERCTL=$2
. "$(dirname "$0")/support/daemon_env.sh"
settings '[working_hours]
enabled = false
[daily_routine]
enabled = false'

python3 - "$LIMBERD" "$LIMBER_TEST_DIR" "$XDG_RUNTIME_DIR/limber/limberd.sock" <<'PY'
import json, os, signal, socket, subprocess, sys, time
limberd, dir_, control = sys.argv[1:]
notify_path = os.path.join(dir_, "notify.sock")
notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
notify.bind(notify_path)
notify.settimeout(10)
env = dict(os.environ, NOTIFY_SOCKET=notify_path)
log = open(os.path.join(dir_, "limberd.log"), "w")
daemon = subprocess.Popen([limberd, "--no-notifications", "--activity-source", "none"], env=env, stdout=log, stderr=log)
failed = False

def check(ok, what):
    global failed
    print(("ok   " if ok else "FAIL ") + what, file=sys.stdout if ok else sys.stderr, flush=True)
    failed |= not ok

try:
    started = time.monotonic()
    message = notify.recv(4096).decode()
    took = time.monotonic() - started
    check("READY=1" in message.split("\n"), f"first notification is READY=1 ({message!r}, {took * 1000:.0f} ms after exec)")
    # No retry: the socket must take the connection and answer now.
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.settimeout(5)
    client.connect(control)
    client.sendall(b'{"v":1,"id":1,"verb":"status"}\n')
    reply = json.loads(client.makefile().readline())
    check(reply.get("ok") is True and "phase" in reply["result"], f"status answers at READY=1: phase {reply['result']['phase']}")
    client.close()
    daemon.send_signal(signal.SIGTERM)
    message = notify.recv(4096).decode()
    check("STOPPING=1" in message.split("\n"), f"STOPPING=1 on SIGTERM ({message!r})")
    check(daemon.wait(timeout=10) == 0, "limberd exits 0")
finally:
    if daemon.poll() is None:
        daemon.kill()
        daemon.wait()
sys.exit(1 if failed else 0)
PY
