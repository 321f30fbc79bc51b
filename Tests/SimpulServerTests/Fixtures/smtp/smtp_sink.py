"""A real SMTP server on loopback for the alert e-mail tests (aiosmtpd).

Every accepted message is parsed with Python's own e-mail package, independent of the client
under test, and written as one JSON file in --out: the envelope, the raw headers, the decoded
subject and body, and whether TLS and AUTH were used. Recipients whose local part starts with
"sementara" are answered 451 (try later), those starting with "tolak" 550 (refused).

Prints "PORT <n>" once it is listening, then serves until its standard input closes.
"""
import argparse
import json
import os
import socket
import ssl
import sys
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

args = None
counter = 0
auth_seen = []


class Sink:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("sementara"):
            return "451 4.3.0 Kotak surat sibuk, coba lagi nanti"
        if local.startswith("tolak"):
            return "550 5.1.1 Kotak surat tidak ada"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        global counter
        raw = envelope.original_content or envelope.content
        message = message_from_bytes(raw, policy=policy.default)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "headers": [[name, str(value)] for name, value in message.raw_items()],
            "subject": str(message["subject"]),
            "from": str(message["from"]),
            "to": str(message["to"]),
            "content_type": message.get_content_type(),
            "charset": message.get_content_charset(),
            "transfer_encoding": message.get("content-transfer-encoding", ""),
            "body": message.get_content(),
            "raw": raw.decode("ascii", errors="replace"),
            "tls": session.ssl is not None,
            "authenticated": bool(session.authenticated),
            "auth_mechanisms": list(auth_seen),
        }
        counter += 1
        path = os.path.join(args.out, "%04d.json" % counter)
        with open(path + ".tmp", "w", encoding="utf-8") as handle:
            json.dump(record, handle, ensure_ascii=False)
        os.replace(path + ".tmp", path)
        return "250 2.0.0 Diterima"


def authenticator(server, session, envelope, mechanism, auth_data):
    user, password = args.auth.split(":", 1)
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
    auth_seen.append(mechanism)
    # handled=False lets aiosmtpd answer 535 itself on a wrong password.
    return AuthResult(success=ok, handled=False)


def main():
    global args
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--require-starttls", action="store_true")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte (port 465 style)")
    parser.add_argument("--auth", help="user:password; AUTH is then required")
    parser.add_argument("--only-login", action="store_true", help="offer AUTH LOGIN only")
    args = parser.parse_args()

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()

    options = {}
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        if args.implicit_tls:
            options["ssl_context"] = context
        else:
            options["tls_context"] = context
            options["require_starttls"] = args.require_starttls
    if args.auth:
        options["authenticator"] = authenticator
        options["auth_required"] = True
        # aiosmtpd counts only STARTTLS as TLS for AUTH; an implicit-TLS connection is encrypted too.
        options["auth_require_tls"] = bool(args.cert) and not args.implicit_tls
        if args.only_login:
            options["auth_exclude_mechanism"] = ["PLAIN"]
    controller = Controller(Sink(), hostname="127.0.0.1", port=port, **options)
    controller.start()
    print("PORT %d" % port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
