#!/usr/bin/env python3
"""Limber against the break reminders people use today, on this machine, in one run.

Usage: bench/compare.py BUILD_DIR [--window SECONDS] [--rounds N] [--json FILE] [--smoke] [--install-peers]

For each contender installed here (limberd alone; limberd with limber-tray; Workrave; Safe
Eyes), in a private Xvfb with a tray (trayer), a private session bus and private home
directories, while xdotool plays the same typing user for everyone: RSS and PSS of the whole
process tree, CPU seconds per minute, and context switches per second (every thread: each is
a wake-up). Contenders take turns, round after round, so a noisy machine slows them all alike;
each figure is the median of the rounds. Then Limber's own latencies: exec to socket ready,
exec to tray icon shown, click on "Start Quick Reset" to the popup painted, the `status`
round trip, a simulated month of the scheduler, and a weekly summary on five years of history.

Prints one table with the ratio of Limber to each peer, and writes every figure as JSON.
--smoke runs everything once and briefly, to prove the benchmark still works (CI); its
figures mean nothing. Targets are in docs/PERFORMANCE.md; this reports, it does not judge.
"""
import argparse
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def die(message):
    sys.exit(f"bench: {message}")


class Session:
    """A private X server with a tray, and the environment every program here runs in."""

    def __init__(self, root):
        self.root = Path(root)
        self.procs = []
        self.env = dict(os.environ)
        for key in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
            self.env.pop(key, None)
        self.env.update(NO_AT_BRIDGE="1", PULSE_SERVER=f"unix:{self.root}/no-sound-server", TZ="UTC")
        r, w = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-nolisten", "tcp", "-screen", "0", "1024x768x24"],
                                pass_fds=[w], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        os.close(w)
        self.procs.append(xvfb)
        self.xvfb = xvfb
        # Xvfb writes the number and its newline in two writes: closing the pipe in between
        # would kill the server with SIGPIPE on its second write. Read to the newline (or EOF).
        out = b""
        while not out.endswith(b"\n"):
            chunk = os.read(r, 64)
            if not chunk:
                break
            out += chunk
        os.close(r)
        display = out.decode().strip()
        if not display or xvfb.poll() is not None:
            die("Xvfb did not start")
        self.env["DISPLAY"] = f":{display}"
        self.trayer = self.start(["trayer", "--edge", "top", "--align", "right", "--widthtype", "request",
                                  "--height", "32", "--SetDockType", "true", "--transparent", "false"])
        time.sleep(0.5)

    def start(self, argv, env=None, log=None):
        p = subprocess.Popen(argv, env=env or self.env, stdout=log or subprocess.DEVNULL, stderr=subprocess.STDOUT,
                             start_new_session=True)
        self.procs.append(p)
        return p

    def home(self, name):
        """Fresh private XDG directories and a session bus for one contender run."""
        home = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=self.root))
        env = dict(self.env)
        env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                   XDG_STATE_HOME=str(home / "state"), XDG_CACHE_HOME=str(home / "cache"),
                   XDG_RUNTIME_DIR=str(home / "run"))
        # Safe Eyes copies its config into its directory without creating it.
        for d in ("config/limber", "config/safeeyes/style", "data", "state", "cache", "run"):
            (home / d).mkdir(parents=True, exist_ok=True)
        (home / "run").chmod(0o700)
        # Limber as a user would run it: reminders around the clock, the welcome already read.
        (home / "config/limber/limber.toml").write_text("[working_hours]\nenabled = false\n[daily_routine]\nenabled = false\n")
        (home / "config/limber/welcome-acknowledged").write_text("2026-01-01\n")
        bus = home / "bus"
        # A bus that starts none of the machine's services, so no one else's daemon is measured.
        (home / "bus-services").mkdir(exist_ok=True)
        template = Path(__file__).resolve().parent.parent / "tests/support/session-bus.conf.in"
        (home / "bus.conf").write_text(template.read_text().replace("@SERVICEDIR@", str(home / "bus-services")))
        dbus = self.start(["dbus-daemon", f"--config-file={home / 'bus.conf'}", "--nofork", f"--address=unix:path={bus}"], env)
        for _ in range(100):
            if bus.exists():
                break
            time.sleep(0.02)
        env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={bus}"
        return home, env, dbus

    def close(self):
        for p in reversed(self.procs):
            stop(p)


def stop(p):
    if p.poll() is None:
        try:
            os.killpg(p.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.wait()


def tree(roots):
    """The pids of `roots` and all their descendants."""
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, pending = [], list(roots)
    while pending:
        pid = pending.pop()
        out.append(pid)
        pending.extend(children.get(pid, []))
    return out


def sample(pids):
    """Summed over the processes: RSS and PSS (KiB), CPU ticks, context switches of all threads."""
    rss = pss = ticks = switches = 0
    for pid in pids:
        base = Path(f"/proc/{pid}")
        try:
            status = (base / "status").read_text()
            rss += int(next(l.split()[1] for l in status.splitlines() if l.startswith("VmRSS:")))
            pss += int(next(l.split()[1] for l in (base / "smaps_rollup").read_text().splitlines() if l.startswith("Pss:")))
            fields = (base / "stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
            for task in (base / "task").iterdir():
                for line in (task / "status").read_text().splitlines():
                    if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        switches += int(line.split()[1])
        except (OSError, StopIteration, ValueError):
            continue  # a process that ended in between
    return rss, pss, ticks, switches


class Typist:
    """The same user for every contender: a key or a mouse move every 200 ms."""

    def __init__(self, env):
        self.env, self.stop_flag = env, threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        x = 0
        while not self.stop_flag.is_set():
            x = (x + 13) % 600
            cmd = ["xdotool", "key", "shift"] if x % 2 else ["xdotool", "mousemove", str(x), "400"]
            subprocess.run(cmd, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.stop_flag.wait(0.2)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *_):
        self.stop_flag.set()
        self.thread.join()


def contenders(build):
    bin_ = Path(build) / "bin"
    limberd = [str(bin_ / "limberd"), "--activity-source", "x11", "--no-notifications"]
    out = {"limberd": [limberd], "limberd + limber-tray": [limberd, [str(bin_ / "limber-tray"), "--no-notifications"]]}
    if shutil.which("workrave"):
        out["Workrave"] = [["workrave"]]
    if shutil.which("safeeyes"):
        out["Safe Eyes"] = [["safeeyes"]]
    return out


def measure(session, name, commands, settle, window):
    home, env, dbus = session.home(name.replace(" ", "").replace("+", "-"))
    procs = []
    log = open(home / "log", "w")
    for argv in commands:
        procs.append(session.start(argv, env, log))
        time.sleep(0.3)
    time.sleep(settle)
    if session.xvfb.poll() is not None:
        die(f"the X server ended (status {session.xvfb.returncode}) before {name} was measured")
    for p in procs:
        if p.poll() is not None:
            log.close()
            tail = (home / "log").read_text(errors="replace").splitlines()[-20:]
            die(f"{name} exited early (status {p.returncode}); the end of {home / 'log'}:\n" + "\n".join(tail))
    roots = [p.pid for p in procs]
    with Typist(env):
        _, _, t0, s0 = sample(tree(roots))
        start = time.monotonic()
        time.sleep(window)
        pids = tree(roots)
        rss, pss, t1, s1 = sample(pids)
        elapsed = time.monotonic() - start
    for p in reversed(procs):
        stop(p)
    stop(dbus)
    return {"rss_mib": rss / 1024, "pss_mib": pss / 1024, "cpu_s_per_min": (t1 - t0) / TICK / elapsed * 60,
            # A thread that ends during the window takes its count with it: never below zero.
            "wakeups_per_s": max(0, s1 - s0) / elapsed, "processes": len(pids)}


def ready_ms(session, build, times):
    out = []
    for _ in range(times):
        home, env, dbus = session.home("ready")
        path = home / "run/limber/limberd.sock"
        t0 = time.monotonic()
        p = session.start([str(Path(build) / "bin/limberd"), "--activity-source", "x11", "--no-notifications"], env)
        while True:
            s = socket.socket(socket.AF_UNIX)
            try:
                s.connect(str(path))
                break
            except OSError:
                if p.poll() is not None or time.monotonic() - t0 > 5:
                    die("limberd did not start")
                time.sleep(0.0002)
            finally:
                s.close()
        out.append((time.monotonic() - t0) * 1000)
        stop(p)
        stop(dbus)
    return statistics.median(out)


def xdo(env, *args):
    return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True).stdout


def panel_children(env):
    panel = xdo(env, "search", "--classname", "^panel$").split()
    if not panel:
        die("no trayer panel")
    return subprocess.run(["xwininfo", "-tree", "-id", panel[-1]], env=env, capture_output=True, text=True).stdout


def tray_latencies(session, build, times):
    """Exec to the icon shown in the tray; click on Start Quick Reset to the popup painted."""
    bin_ = Path(build) / "bin"
    icon, popup = [], []
    for _ in range(times):
        home, env, dbus = session.home("tray")
        daemon = session.start([str(bin_ / "limberd"), "--activity-source", "x11", "--no-notifications"], env)
        ctl = [str(bin_ / "limberctl")]
        for _ in range(200):
            if subprocess.run(ctl + ["status"], env=env, capture_output=True).returncode == 0:
                break
            time.sleep(0.02)
        log = open(home / "tray.log", "w")
        t0 = time.monotonic()
        tray = session.start([str(bin_ / "limber-tray"), "--verbose", "--no-notifications"], env, log)
        while "limber-tray" not in panel_children(env):
            if time.monotonic() - t0 > 10:
                die("the tray icon did not show")
            time.sleep(0.002)
        icon.append((time.monotonic() - t0) * 1000)
        time.sleep(1.5)  # connected, and the menu built
        # The icon is the panel's last child, at its right end: its menu, then its first action.
        geometry = dict(l.split("=") for l in xdo(env, "search", "--classname", "^panel$", "getwindowgeometry", "--shell").split())
        x = int(geometry["X"]) + int(geometry["WIDTH"]) - 8
        xdo(env, "mousemove", str(x), str(int(geometry["Y"]) + 16), "click", "3")
        time.sleep(0.6)
        xdo(env, "key", "Down")
        time.sleep(0.2)
        clicked = time.monotonic()
        xdo(env, "key", "Return")
        painted = None
        for _ in range(500):
            for line in (home / "tray.log").read_text().splitlines():
                if "popup painted at" in line:
                    painted = int(line.split("popup painted at ")[1].split()[0]) / 1000
            if painted:
                break
            time.sleep(0.01)
        if painted is None:
            die(f"the popup did not open from the menu; see {home / 'tray.log'}")
        popup.append((painted - clicked) * 1000)
        for p in (tray, daemon, dbus):
            stop(p)
    return statistics.median(icon), statistics.median(popup)


def round_trips(session, build, count):
    home, env, dbus = session.home("status")
    daemon = session.start([str(Path(build) / "bin/limberd"), "--activity-source", "x11", "--no-notifications"], env)
    path = home / "run/limber/limberd.sock"
    # The socket file exists from bind(), a moment before listen(): connect until it answers.
    deadline = time.monotonic() + 5
    while True:
        s = socket.socket(socket.AF_UNIX)
        try:
            s.connect(str(path))
            break
        except OSError:
            s.close()
            if daemon.poll() is not None or time.monotonic() > deadline:
                die("limberd did not start")
            time.sleep(0.01)
    f = s.makefile("rwb", buffering=0)
    times = []
    for i in range(count):
        t0 = time.perf_counter()
        f.write(b'{"v":1,"id":%d,"verb":"status"}\n' % i)
        reply = f.readline()
        times.append((time.perf_counter() - t0) * 1000)
        if b'"ok":true' not in reply:
            die(f"status failed: {reply!r}")
    s.close()
    stop(daemon)
    stop(dbus)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def json_line(argv):
    out = subprocess.run(argv, capture_output=True, text=True)
    if out.returncode != 0:
        die(f"{argv[0]} failed: {out.stderr or out.stdout}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("build")
    ap.add_argument("--window", type=float, default=60, help="seconds of typing measured per contender (60)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of all contenders; figures are medians (3)")
    ap.add_argument("--json", help="write the figures here (default BUILD/bench/compare.json)")
    ap.add_argument("--smoke", action="store_true", help="once and briefly: proves the benchmark runs")
    ap.add_argument("--install-peers", action="store_true", help="first install Workrave and Safe Eyes with apt-get")
    a = ap.parse_args()
    if a.install_peers:
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "workrave", "safeeyes"], check=True)
    build = Path(a.build).resolve()
    if a.smoke:
        a.window, a.rounds = 2, 1
    settle = 1 if a.smoke else 5
    for tool in ("Xvfb", "xdotool", "trayer", "dbus-daemon", "xwininfo"):
        if not shutil.which(tool):
            print(f"bench: needs {tool} (installers/install-deps.sh --tests installs it)", file=sys.stderr)
            sys.exit(77)  # ctest's "skipped"
    (build / "bench").mkdir(exist_ok=True)
    root = tempfile.mkdtemp(prefix="limber-bench-")
    session = Session(root)
    results = {"date": time.strftime("%Y-%m-%d"), "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}",
               "window_s": a.window, "rounds": a.rounds, "contenders": {}}
    try:
        runs = {}
        names = list(contenders(build))
        for r in range(a.rounds):
            order = names[r % len(names):] + names[:r % len(names)]  # each takes its turn first
            for name in order:
                print(f"round {r + 1}/{a.rounds}: {name}", file=sys.stderr)
                runs.setdefault(name, []).append(measure(session, name, contenders(build)[name], settle, a.window))
        for name, ms in runs.items():
            results["contenders"][name] = {k: statistics.median(m[k] for m in ms) for k in ms[0]}
        print("Limber's latencies", file=sys.stderr)
        lat = results["limber"] = {}
        lat["socket_ready_ms"] = ready_ms(session, build, 3 if a.smoke else 7)
        lat["tray_icon_shown_ms"], lat["popup_painted_ms"] = tray_latencies(session, build, 1 if a.smoke else 5)
        lat["status_median_ms"], lat["status_p99_ms"] = round_trips(session, build, 200 if a.smoke else 10000)
        lat["month_ms"] = json_line([str(build / "bin/limber_bench_month")])["month_ms"]
        lat["summary_ms"] = json_line([str(build / "bin/limber_bench_summary"), str(build / "bench/five-years.db")])["summary_ms"]
    finally:
        session.close()
        shutil.rmtree(root, ignore_errors=True)

    out = Path(a.json) if a.json else build / "bench/compare.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    c = results["contenders"]
    print(f"\nLimber and its peers ({results['machine']}; {a.window:g} s typing, median of {a.rounds} rounds)\n")
    print("| contender | RSS MiB | PSS MiB | CPU s/min | wake-ups/s | processes |")
    print("|---|---|---|---|---|---|")
    for name, m in c.items():
        print(f"| {name} | {m['rss_mib']:.1f} | {m['pss_mib']:.1f} | {m['cpu_s_per_min']:.3f} | {m['wakeups_per_s']:.2f} | {m['processes']:.0f} |")
    ours = c.get("limberd + limber-tray")
    peers = [n for n in c if not n.startswith("limberd")]
    if ours and peers:
        print("\n| Limber (limberd + limber-tray) against | PSS | wake-ups/s | CPU |")
        print("|---|---|---|---|")
        ratio = lambda a_, b_: f"{a_ / b_:.2f}×" if b_ else "–"
        for n in peers:
            p = c[n]
            print(f"| {n} | {ratio(ours['pss_mib'], p['pss_mib'])} | {ratio(ours['wakeups_per_s'], p['wakeups_per_s'])} "
                  f"| {ratio(ours['cpu_s_per_min'], p['cpu_s_per_min'])} |")
            results.setdefault("ratios", {})[n] = {k: (ours[k] / p[k] if p[k] else None) for k in ("pss_mib", "wakeups_per_s", "cpu_s_per_min")}
        out.write_text(json.dumps(results, indent=2) + "\n")
    l = results["limber"]
    print("\n| Limber's latency | figure | target |\n|---|---|---|")
    print(f"| exec to socket ready | {l['socket_ready_ms']:.1f} ms | ≤ 50 ms |")
    print(f"| exec to tray icon shown | {l['tray_icon_shown_ms']:.0f} ms | |")
    print(f"| click on Start Quick Reset to popup painted | {l['popup_painted_ms']:.0f} ms | ≤ 200 ms |")
    print(f"| `status` round trip | median {l['status_median_ms']:.3f} ms, p99 {l['status_p99_ms']:.3f} ms | p99 ≤ 1 ms |")
    print(f"| a simulated 30-day month | {l['month_ms']:.1f} ms | ≤ 50 ms |")
    print(f"| weekly summary, five years of history | {l['summary_ms']:.1f} ms | ≤ 20 ms |")
    print(f"\nJSON: {out}")


if __name__ == "__main__":
    main()
