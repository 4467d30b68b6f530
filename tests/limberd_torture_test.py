#!/usr/bin/env python3
"""limberd killed with SIGKILL at random moments, again and again, loses nothing it committed.

A real limberd plays a scripted day 1,200 times faster than real time while a client sends it
commands at random; it is killed with SIGKILL at a random moment and started again with the
calendar carried on from where it was, LIMBER_TORTURE_KILLS times (200 by default). Checked at
the end:

- the database passes PRAGMA integrity_check;
- every event a subscriber saw (limberd pushes an event only after its transaction committed)
  is in the database, exactly once: none lost, none duplicated;
- no break comes due twice: between two break_due rows there is always something that
  settled the first (taken, snoozed, skipped, a natural break, a pause, the day ending);
- the sitting time earned before each kill of a user at the desk (active or briefly idle,
  working or with a break due) is back after the restart, give or take one save interval
  (2 minutes of schedule time).

Usage: limberd_torture_test.py LIMBERD LIMBERCTL
Environment: LIMBER_TORTURE_KILLS (default 200), LIMBER_TORTURE_SEED (default: random, printed).
"""
import collections
import datetime
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

SCALE = 1200  # schedule seconds per real second
SAVE_INTERVAL = 120  # schedule seconds: limberd saves the earned time this often while the user sits
# Sanitizer and valgrind runs are several times slower: their waits and slack grow by this.
FACTOR = float(os.environ.get("LIMBER_TIME_FACTOR", "1"))
SCHEDULER_KINDS = {"warning", "break_due", "away_started", "natural_break", "break_started", "break_completed",
                   "break_stopped", "snoozed", "skipped", "paused", "resumed", "clock_jumped", "due_cleared"}
# What settles a pending break, so that a second break_due after it is a new break.
SETTLES = {"away_started", "natural_break", "break_started", "break_completed", "break_stopped", "snoozed",
           "skipped", "paused", "due_cleared"}

SETTINGS = """[breaks]
every = "30m"
warn_before = "1m"
[idle]
natural_break = "10m"
[working_hours]
enabled = false
[daily_routine]
enabled = false
"""
# Long stretches at the desk (the earned time must be saved while nothing else happens), a
# short lock, and a suspend long enough to be a natural break.
SCRIPT = """+0s active
+25m idle
+2m active
+2m locked
+1m active
+12m asleep
+1m active
"""


class Conn:
    def __init__(self, path, timeout=5.0):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(path)
        self.buf = b""
        self.next_id = 1

    def send(self, verb, args=None):
        msg = {"v": 1, "id": self.next_id, "verb": verb}
        self.next_id += 1
        if args is not None:
            msg["args"] = args
        self.sock.sendall((json.dumps(msg) + "\n").encode())

    def line(self):
        while b"\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                return None
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)

    def call(self, verb, args=None):
        self.send(verb, args)
        while True:
            msg = self.line()
            if msg is None or "event" not in msg:
                return msg

    def close(self):
        self.sock.close()


def watch(path, seen, ready):
    """Subscribes and appends every scheduler event pushed until the daemon dies."""
    try:
        c = Conn(path)
        c.send("subscribe")
        c.sock.settimeout(None)
        subscribed = False
        while True:
            msg = c.line()
            if msg is None:
                break
            if "event" not in msg:
                if not subscribed:
                    subscribed = True
                    ready.set()
                continue
            if msg["event"] in SCHEDULER_KINDS:
                seen.append((msg["data"]["at"], msg["event"], msg["data"].get("routine", "")))
    except OSError:
        pass
    finally:
        ready.set()


def iso(seconds):
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    limberd = os.environ.get("LIMBER_TEST_LIMBERD") or sys.argv[1]
    kills = int(os.environ.get("LIMBER_TORTURE_KILLS", "200"))
    seed = int(os.environ.get("LIMBER_TORTURE_SEED", str(random.randrange(1 << 30))))
    rng = random.Random(seed)
    print(f"torture: {kills} kills, seed {seed} (set LIMBER_TORTURE_SEED to replay)", flush=True)

    tmp = tempfile.TemporaryDirectory()
    root = tmp.name
    env = dict(os.environ)
    for name in ("config", "data", "state", "run"):
        os.makedirs(os.path.join(root, name), mode=0o700)
    env.update(XDG_CONFIG_HOME=f"{root}/config", XDG_DATA_HOME=f"{root}/data", XDG_STATE_HOME=f"{root}/state",
               XDG_RUNTIME_DIR=f"{root}/run", PULSE_SERVER=f"unix:{root}/no-sound-server")
    os.makedirs(f"{root}/config/limber")
    with open(f"{root}/config/limber/limber.toml", "w") as f:
        f.write(SETTINGS)
    with open(f"{root}/day.script", "w") as f:
        f.write(SCRIPT)
    sock_path = f"{root}/run/limber/limberd.sock"
    db_path = f"{root}/data/limber/limber.db"
    log = open(f"{root}/limberd.log", "ab")

    clock = int(time.time()) // 60 * 60  # the schedule's calendar, carried from run to run
    seen = []
    failures = []
    losses = []  # earned seconds lost per restart (negative: gained while restarting)
    previous = None  # (earned before the kill, real seconds between that reading and the kill)
    commands = collections.Counter()

    def start():
        p = subprocess.Popen([limberd, "--no-notifications", "--time-scale", str(SCALE), "--clock-start", iso(clock),
                              "--activity-source", f"script:{root}/day.script"],
                             stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=env)
        t0 = time.monotonic()
        for _ in range(int(400 * FACTOR)):
            if p.poll() is not None:
                raise SystemExit(f"FAIL limberd exited with {p.returncode}; log in {root}/limberd.log:\n" +
                                 open(f"{root}/limberd.log").read()[-3000:])
            try:
                c = Conn(sock_path, timeout=2)
                status = c.call("status")
                if status and status.get("ok"):
                    return p, c, t0, time.monotonic(), status["result"]
                c.close()
            except OSError:
                pass
            time.sleep(0.01)
        raise SystemExit(f"FAIL limberd did not answer within {4 * FACTOR:g} s")

    started = time.monotonic()
    for k in range(kills + 1):
        p, c, t0, answered_at, status = start()
        if previous is not None:
            before, slack = previous
            after = status["earned_seconds"]
            # What the new run earned before answering counts for it, not against it.
            since_start = (time.monotonic() - t0) * SCALE
            lost = before - after
            losses.append(lost)
            # The bound is one save interval, plus what passed between reading the figure and
            # the kill, plus 10 ms of real time for a timer firing late on a busy machine (12 s
            # at this speed; nothing at the real one), times FACTOR under the sanitizers or valgrind.
            if lost > SAVE_INTERVAL + slack + 0.010 * FACTOR * SCALE:
                failures.append(f"restart {k}: earned {before} s before the kill, {after} s after (phase {status['phase']}) "
                                f"(lost {lost} s, more than one save interval)")
            if after > before + since_start + 2:
                failures.append(f"restart {k}: earned {after} s after the restart, only {before} s before the kill")
        if k == kills:
            c.close()
            p.send_signal(signal.SIGTERM)
            p.wait(timeout=10 * FACTOR)
            break
        ready = threading.Event()
        run_seen = []
        w = threading.Thread(target=watch, args=(sock_path, run_seen, ready), daemon=True)
        w.start()
        ready.wait(2)
        # A random life: the user answers the schedule now and then, and the kill comes at any moment.
        life = rng.uniform(0.02, 1.0)
        deadline = time.monotonic() + life
        if rng.random() < 0.6:
            time.sleep(rng.uniform(0, life))
            verb = rng.choice(["start", "finish", "snooze", "skip", "pause", "resume"])
            args = {"duration": "2m"} if verb == "pause" else ({"completed": True} if verb == "finish" else None)
            try:
                r = c.call(verb, args)
                commands[verb if r and r.get("ok") else verb + " (refused)"] += 1
            except OSError:
                pass
        time.sleep(max(0.0, deadline - time.monotonic()))
        try:
            r = c.call("status")
            asked = time.monotonic()
            before = r["result"]["earned_seconds"]
            # Only while the count moves (at the desk, working or with a break due) is it saved
            # every interval. Locked, asleep, paused or in a routine it stands still, saved at
            # the event that stopped it, and a restart long enough after that event is a break.
            if r["result"]["activity"] not in ("active", "idle") or r["result"]["phase"] not in ("working", "due"):
                before = None
            if os.environ.get("LIMBER_TORTURE_DEBUG"):
                print(f"kill {k}: {json.dumps(r['result'])}", flush=True)
        except (OSError, TypeError, KeyError):
            before, asked = None, time.monotonic()
        p.kill()
        killed = time.monotonic()
        p.wait()
        c.close()
        w.join(5)
        seen.extend(run_seen)
        previous = None if before is None else (before, (killed - asked) * SCALE)
        # The calendar goes on from about the moment of the kill: limberd's clock started between
        # the exec and its first answer, so counting from the answer errs by a little backwards
        # (a restart never looks longer than it was, however slowly limberd starts).
        clock += int((killed - answered_at) * SCALE)
    elapsed = time.monotonic() - started

    db = sqlite3.connect(db_path)
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    if integrity != "ok":
        failures.append(f"integrity_check: {integrity}")
    rows = db.execute("SELECT id, at_ms, kind, routine, length_s, detail FROM events ORDER BY id").fetchall()
    duplicated = db.execute("SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM events "
                            "GROUP BY at_ms, kind, routine, exercise, length_s, was_due, detail HAVING n > 1)").fetchone()[0]
    in_db = collections.Counter((iso(at_ms // 1000), kind, routine) for _, at_ms, kind, routine, _, _ in rows)
    wanted = collections.Counter(seen)
    lost_events = wanted - in_db
    twice = []
    pending = None
    for row in rows:
        kind = row[2]
        if kind == "break_due":
            if pending is not None:
                twice.append((pending, row))
            pending = row
        elif kind in SETTLES:
            pending = None
    kinds = collections.Counter(r[2] for r in rows)
    db.close()

    print(f"torture: {kills} kills in {elapsed:.0f} s; {len(rows)} events in the database "
          f"({', '.join(f'{n} {k}' for k, n in kinds.most_common())})")
    print(f"torture: commands sent: {dict(commands)}")
    print(f"torture: {len(losses)} restarts of a user at the desk checked for earned time")
    print(f"torture: {len(seen)} events seen by a subscriber; lost {sum(lost_events.values())}, "
          f"duplicated {duplicated}, breaks due twice {len(twice)}; integrity_check {integrity}")
    if losses:
        print(f"torture: earned time lost per restart: at most {max(losses)} s, mean {sum(losses) / len(losses):.1f} s "
              f"(bound: one save interval, {SAVE_INTERVAL} s)")
    if lost_events:
        failures.append(f"{sum(lost_events.values())} events seen by a subscriber are not in the database: "
                        f"{list(lost_events.items())[:5]}")
    if duplicated:
        failures.append(f"{duplicated} duplicated events")
    for first, second in twice[:5]:
        failures.append(f"break_due twice with nothing between: {first} then {second}")
    if kinds["break_due"] == 0:
        failures.append("no break came due: the test did not exercise the schedule")
    for f in failures:
        print("FAIL " + f, file=sys.stderr)
    if failures:
        print("the end of limberd's log:", file=sys.stderr)
        os.system(f"tail -n 40 {root}/limberd.log >&2")
        return 1
    print("ok   nothing lost, nothing twice")
    return 0


if __name__ == "__main__":
    sys.exit(main())
