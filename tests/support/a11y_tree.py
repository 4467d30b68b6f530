#!/usr/bin/python3
"""Prints what a screen reader sees of one of limber-tray's windows, through AT-SPI.

a11y_tree.py TITLE   waits (up to 10 s) for limber-tray's window titled TITLE, then prints a
                     line per accessible object in it: role<TAB>name (newlines as spaces)
"""
import sys
import time

import pyatspi


def find_frame(title):
    for app in pyatspi.Registry.getDesktop(0):
        if app is None or app.name != "limber-tray":
            continue
        for i in range(app.childCount):
            frame = app.getChildAtIndex(i)
            if frame is not None and frame.name == title:
                return frame
    return None


# AT-SPI 2.50 and later (Debian 13) name the push-button role "button"; older ones (Debian 12)
# "push button". Both print as "push button", so every check reads the same on both.
ROLE_ALIASES = {"button": "push button"}


def walk(node, out):
    role = node.getRoleName()
    role = ROLE_ALIASES.get(role, role)
    out.append(f"{role}\t{node.name.replace(chr(10), ' ')}")
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            walk(child, out)


deadline = time.monotonic() + 10
frame = None
while frame is None and time.monotonic() < deadline:
    frame = find_frame(sys.argv[1])
    if frame is None:
        time.sleep(0.2)
if frame is None:
    sys.exit(f"no window titled {sys.argv[1]!r} on the accessibility bus")
lines = []
walk(frame, lines)
print("\n".join(lines))
