#!/usr/bin/python3
"""A loopback SMTP server for the guest e-mail tests (Debian's python3-aiosmtpd).

    /usr/bin/python3 smtp_receiver.py FOLDER [--port N]

Listens on 127.0.0.1 (port 0: a free one) without TLS, prints
"listening on PORT" on stdout once ready, and stores each message it accepts
as FOLDER/NNNN.eml (the bytes as received, written to a temporary name and
renamed, so a test never reads half a file).

Failures on demand: if FOLDER/reply holds an SMTP reply such as
"451 4.3.0 try again later" or "550 5.1.1 no such user", the next messages
are refused with it at DATA (the file is read for each message; delete it to
accept again).
"""

import argparse
import asyncio
import itertools
import os
import sys

from aiosmtpd.controller import Controller


class Store:
    def __init__(self, folder):
        self.folder = folder
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        reply_file = os.path.join(self.folder, "reply")
        if os.path.exists(reply_file):
            with open(reply_file, encoding="utf-8") as f:
                reply = f.read().strip()
            if reply:
                return reply
        n = next(self.counter)
        path = os.path.join(self.folder, "%04d.eml" % n)
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(path + ".tmp", path)
        with open(path + ".envelope", "w", encoding="utf-8") as f:
            f.write("MAIL FROM:%s\n" % envelope.mail_from)
            for rcpt in envelope.rcpt_tos:
                f.write("RCPT TO:%s\n" % rcpt)
        return "250 2.0.0 stored as %04d" % n


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    port = args.port
    if port == 0:
        import socket
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    controller = Controller(Store(args.folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("listening on %d" % port, flush=True)
    try:
        sys.stdin.read()  # until the test closes our stdin (or kills us)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
