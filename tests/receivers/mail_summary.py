#!/usr/bin/python3
"""Reads one stored e-mail with Python's own e-mail parser, independent of
maitred's builder, and prints what the tests check as one JSON object:

    /usr/bin/python3 mail_summary.py FILE.eml

{"from", "to", "subject" (decoded), "date", "messageId", "structure"
(content types, depth first), "text", "html", "ics" (decoded text),
"icsMethodParam", "ics_fields" (unfolded content lines NAME -> value,
first of each inside VEVENT and the METHOD)}
"""

import email
import email.policy
import json
import sys


def unfold(text):
    return text.replace("\r\n ", "").replace("\r\n\t", "")


def main():
    with open(sys.argv[1], "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    out = {
        "from": str(msg["From"]),
        "to": str(msg["To"]),
        "subject": str(msg["Subject"]),
        "date": str(msg["Date"]),
        "messageId": str(msg["Message-ID"]),
        "structure": [part.get_content_type() for part in msg.walk()],
        "text": "",
        "html": "",
        "ics": "",
        "icsMethodParam": "",
        "icsFields": {},
        "crlfOnly": b"\n" not in open(sys.argv[1], "rb").read().replace(b"\r\n", b""),
    }
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype == "text/plain":
            out["text"] = part.get_content()
        elif ctype == "text/html":
            out["html"] = part.get_content()
        elif ctype == "text/calendar":
            raw = part.get_payload(decode=True)
            out["ics"] = raw.decode("utf-8")
            out["icsMethodParam"] = part.get_param("method") or ""
            out["icsFilename"] = part.get_filename() or ""
            out["icsCrlfOnly"] = b"\n" not in raw.replace(b"\r\n", b"")
            fields = {}
            for line in unfold(out["ics"]).split("\r\n"):
                if ":" not in line:
                    continue
                name, value = line.split(":", 1)
                fields.setdefault(name.split(";")[0], value)
            out["icsFields"] = fields
    print(json.dumps(out))


if __name__ == "__main__":
    main()
