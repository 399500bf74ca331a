"""moto in server mode, with DynamoDB's atomicity.

DynamoDB applies every request to an item atomically: of two conditional writes racing on one item,
exactly one succeeds. moto's threaded server runs requests concurrently without that guarantee, so
here every DynamoDB and DynamoDB Streams request runs one at a time. Other services stay concurrent
(an SQS long poll must not hold up a table write).

It also answers GET /_emulator/ses/messages: every email SES accepted, oldest first, with the time it was
sent (moto keeps the messages but not when), which the local runtime serves as GET /_local/emails.
Usage: python moto_server.py HOST PORT
"""
import datetime
import json
import os
import signal
import sys
import threading

from werkzeug.serving import run_simple
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from moto.ses import models as ses_models

SENT_MESSAGES = "/_emulator/ses/messages"


def stamp_sent_time():
    """Each SES message records when it was made (moto's Message has no time of its own)."""
    original = ses_models.Message.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.sent_at = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    ses_models.Message.__init__ = init


def sent_messages():
    messages = []
    for account, regions in ses_models.ses_backends.items():
        for region, backend in regions.items():
            for message in backend.sent_messages:
                if not isinstance(message, ses_models.Message):
                    continue  # templated and raw messages: the stack sends neither
                to = [address for addresses in message.destinations.values() for address in addresses]
                messages.append({"to": to, "from": message.source, "subject": message.subject,
                                 "text": message.body, "sentAt": getattr(message, "sent_at", None),
                                 "region": region, "messageId": message.id})
    return messages


class OneDynamoRequestAtATime:
    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") == SENT_MESSAGES and environ.get("REQUEST_METHOD") == "GET":
            body = json.dumps({"messages": sent_messages()}).encode("utf-8")
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        if not environ.get("HTTP_X_AMZ_TARGET", "").startswith("DynamoDB"):
            return self.app(environ, start_response)
        with self.lock:
            # the whole response is produced inside the lock
            return list(self.app(environ, start_response))


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    os.environ.setdefault("MOTO_PORT", str(port))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    signal.signal(signal.SIGINT, lambda *_: sys.exit(0))
    stamp_sent_time()
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(host, port, OneDynamoRequestAtATime(app), threaded=True, request_handler=MotoRequestHandler)


if __name__ == "__main__":
    main()
