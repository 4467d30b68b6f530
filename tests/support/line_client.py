#!/usr/bin/env python3
"""A small client of limberd's control socket for the shell tests, speaking raw lines.

  line_client.py SOCKET tray            hello as limber-tray, subscribe, print "subscribed",
                                        then print every line received until killed
  line_client.py SOCKET hostile         garbage, an unknown verb, a 70 KiB line; checks each
                                        answer and prints one "ok ..." line per check
  line_client.py SOCKET half            sends half a request, prints "sent", and stays silent
  line_client.py SOCKET status          one status request; prints the reply line
"""
import json
import socket
import sys
import time


def connect(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(5)
    s.connect(path)
    return s


class Lines:
    def __init__(self, sock):
        self.sock = sock
        self.buf = b""

    def next(self):
        """The next line, or None when the daemon closed the connection."""
        while b"\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                return None
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)

    def reply(self):
        """The next reply, skipping pushed events."""
        while True:
            msg = self.next()
            if msg is None or "event" not in msg:
                return msg


def request(sock, id_, verb, args=None):
    msg = {"v": 1, "id": id_, "verb": verb}
    if args is not None:
        msg["args"] = args
    sock.sendall((json.dumps(msg) + "\n").encode())


def fail(what):
    print("FAIL " + what, file=sys.stderr)
    sys.exit(1)


def expect_error(reply, code, what):
    if reply is None or reply.get("ok") is not False or reply["error"]["code"] != code:
        fail(f"{what}: expected a {code} error, got {reply!r}")
    print(f"ok   {what}: {code}, \"{reply['error']['message'][:60]}\"")


def main():
    path, mode = sys.argv[1], sys.argv[2]
    sock = connect(path)
    lines = Lines(sock)
    if mode == "tray":
        request(sock, 1, "hello", {"client": "limber-tray"})
        request(sock, 2, "subscribe")
        lines.reply()
        lines.reply()
        print("subscribed", flush=True)
        sock.settimeout(None)
        while (msg := lines.next()) is not None:
            print(json.dumps(msg), flush=True)
    elif mode == "hostile":
        sock.sendall(b"this is not json\n")
        expect_error(lines.reply(), "bad_json", "garbage line")
        request(sock, 7, "dance")
        reply = lines.reply()
        expect_error(reply, "unknown_verb", "unknown verb")
        if reply["id"] != 7:
            fail(f"unknown verb: the reply's id is {reply['id']!r}, not 7")
        sock.sendall(b"\x00\xff\xfe{{{\n")
        expect_error(lines.reply(), "bad_json", "binary garbage")
        request(sock, 8, "status")
        reply = lines.reply()
        if not reply or not reply.get("ok") or "phase" not in reply["result"]:
            fail(f"status after garbage on the same connection: {reply!r}")
        print("ok   the connection still answers after bad lines")
        try:
            sock.sendall(b'{"v":1,"id":9,"verb":"status","x":"' + b"a" * (70 * 1024) + b'"}\n')
        except (BrokenPipeError, ConnectionResetError):
            pass  # the daemon may close before reading it all; the reply is still in our buffer
        expect_error(lines.reply(), "too_long", "70 KiB line")
        try:
            closed = lines.next() is None
        except ConnectionResetError:
            closed = True
        if not closed:
            fail("the connection stayed open after a line over 64 KiB")
        print("ok   closed after the over-long line")
    elif mode == "half":
        sock.sendall(b'{"v":1,"id":1,"verb":"sta')
        print("sent", flush=True)
        time.sleep(3600)
    elif mode == "status":
        request(sock, 1, "status")
        print(json.dumps(lines.reply()))
    else:
        fail("unknown mode " + mode)


main()
