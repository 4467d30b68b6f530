#!/usr/bin/python3
"""Talks to the mock notification service on the session bus, for the tray's GUI test.

calls                 print each Notify call as: n<TAB>id<TAB>summary<TAB>action keys (comma separated)<TAB>body,
                      where n counts the calls and id is the notification the mock answered with
invoke ID KEY         emit ActionInvoked(ID, KEY), as if the user clicked that action
"""
import sys

import dbus

bus = dbus.SessionBus()
mock = dbus.Interface(bus.get_object("org.freedesktop.Notifications", "/org/freedesktop/Notifications"),
                      "org.freedesktop.DBus.Mock")
if sys.argv[1] == "calls":
    n = 0
    last_id = 0
    for _, method, args in mock.GetCalls():
        if method != "Notify":
            continue
        n += 1
        # The mock answers a replacement with the id it replaces, and a new one with the next id.
        if int(args[1]):
            nid = int(args[1])
        else:
            last_id += 1
            nid = last_id
        actions = [str(a) for a in args[5]][0::2]
        body = str(args[4]).replace("\n", " ")
        print(f"{n}\t{nid}\t{args[3]}\t{','.join(actions)}\t{body}")
elif sys.argv[1] == "invoke":
    mock.EmitSignal("org.freedesktop.Notifications", "ActionInvoked", "us",
                    [dbus.UInt32(int(sys.argv[2])), sys.argv[3]])
