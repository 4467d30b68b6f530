#!/usr/bin/env python3
"""Floods limberd's control socket and measures how long `status` takes meanwhile.

  socket_flood.py SOCKET connections N   holds N connections open at once (some silent, some
                                         with half a line), asks `status` on a new connection
                                         10 times, prints the figures; fails when any status
                                         took a second or more, or was not answered
  socket_flood.py SOCKET garbage MB      sends MB megabytes of random bytes over 4 connections
                                         (lines under and over 64 KiB, and no lines at all),
                                         reconnecting whenever limberd hangs up, while asking
                                         `status` every 50 ms; same figures and rule
"""
import json
import os
import random
import resource
import socket
import sys
import threading
import time


def status_once(path):
    """Seconds to get a status reply on a new connection, or None when none came within 5 s."""
    t0 = time.monotonic()
    try:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(5)
        s.connect(path)
        s.sendall(b'{"v":1,"id":1,"verb":"status"}\n')
        buf = b""
        while b"\n" not in buf:
            chunk = s.recv(65536)
            if not chunk:
                return None
            buf += chunk
        s.close()
        reply = json.loads(buf.split(b"\n", 1)[0])
        if not reply.get("ok") or "phase" not in reply["result"]:
            return None
    except OSError:
        return None
    return time.monotonic() - t0


# Sanitizer builds run several times slower: there the bound is multiplied, since they look
# for memory errors, not speed (tests/run-all.sh sets it; the ordinary build keeps 1 s).
LIMIT = 1.0 * float(os.environ.get("LIMBER_TIME_FACTOR", "1"))


def verdict(times, what):
    answered = [t for t in times if t is not None]
    worst = max(answered) if answered else float("inf")
    print(f"{what}: {len(answered)} of {len(times)} status requests answered, slowest {worst * 1000:.0f} ms, "
          f"median {sorted(answered)[len(answered) // 2] * 1000 if answered else 0:.0f} ms")
    if len(answered) != len(times) or worst >= LIMIT:
        print(f"FAIL {what}: status must be answered within {LIMIT:g} s, every time", file=sys.stderr)
        return 1
    return 0


def connections(path, n):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < n + 64:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, n + 64), hard))
    held = []
    refused = 0
    t0 = time.monotonic()
    for i in range(n):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.connect(path)
            if i % 3 == 1:
                s.sendall(b'{"v":1,"id":')  # half a line, then silence
            elif i % 3 == 2:
                s.sendall(b'{"v":1,"id":1,"verb":"status"}\n')  # asks, never reads
        except OSError:
            refused += 1
        held.append(s)
    print(f"connections: {n} opened in {time.monotonic() - t0:.1f} s ({refused} refused at connect)")
    times = [status_once(path) for _ in range(10)]
    rc = verdict(times, f"with {n} connections held open")
    for s in held:
        s.close()
    return rc


def garbage(path, megabytes):
    total = megabytes * 1024 * 1024
    sent = [0]
    lock = threading.Lock()
    stop = threading.Event()
    reconnects = [0]
    chunk_pool = [os.urandom(1 << 20) for _ in range(4)]

    def flood(style):
        rng = random.Random(style)
        s = None
        while not stop.is_set():
            with lock:
                if sent[0] >= total:
                    return
            try:
                if s is None:
                    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                    s.settimeout(5)
                    s.connect(path)
                    s.setblocking(True)
                    s.settimeout(5)
                block = bytearray(rng.choice(chunk_pool)[: 256 * 1024])
                if style == 0:  # short lines: a bad_json reply each
                    for i in range(0, len(block), 1000):
                        block[i] = 10
                elif style == 1:  # long lines, some over 64 KiB
                    block = block.replace(b"\n", b" ")
                    for i in range(0, len(block), 100 * 1024):
                        block[i] = 10
                else:  # no newline at all: too_long, and the connection is closed
                    block = block.replace(b"\n", b" ")
                s.sendall(block)
                with lock:
                    sent[0] += len(block)
                # Read whatever came back, without waiting, so replies do not pile up.
                s.setblocking(False)
                try:
                    while s.recv(1 << 20):
                        pass
                except (BlockingIOError, InterruptedError):
                    pass
                s.setblocking(True)
                s.settimeout(5)
            except OSError:
                if s is not None:
                    s.close()
                s = None
                reconnects[0] += 1

    threads = [threading.Thread(target=flood, args=(i % 3,), daemon=True) for i in range(4)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    times = []
    while any(t.is_alive() for t in threads) and time.monotonic() - t0 < 240:
        times.append(status_once(path))
        time.sleep(0.05)
    stop.set()
    for t in threads:
        t.join(10)
    elapsed = time.monotonic() - t0
    print(f"garbage: {sent[0] / 1048576:.0f} MB sent in {elapsed:.1f} s over 4 connections, "
          f"{reconnects[0]} reconnections after limberd hung up")
    rc = verdict(times, f"during {megabytes} MB of garbage")
    if sent[0] < total:
        print(f"FAIL garbage: only {sent[0]} of {total} bytes sent within the time", file=sys.stderr)
        rc = 1
    return rc


def main():
    path, mode, amount = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if mode == "connections":
        return connections(path, amount)
    if mode == "garbage":
        return garbage(path, amount)
    print("unknown mode " + mode, file=sys.stderr)
    return 2


sys.exit(main())
