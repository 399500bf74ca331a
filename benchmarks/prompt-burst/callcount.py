"""A counting proxy in front of the emulator: every AWS call the local stack makes, by service and operation.

The functions and the local runtime reach "AWS" only through AWS_ENDPOINT_URL; pointed here, each request
is counted (DynamoDB, SQS, Cognito by their X-Amz-Target, SNS by its Action, S3 by its method) and passed
on to moto unchanged. GET /_count answers the counts as JSON, POST /_count/reset sets them to zero.
Loopback only. Usage: python callcount.py LISTEN_PORT UPSTREAM_PORT
"""
import http.client
import json
import re
import sys
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote

COUNTS = Counter()
LOCK = threading.Lock()
UPSTREAM = ("127.0.0.1", 0)
LOCAL = threading.local()
HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection"}


def operation(handler, body):
    target = handler.headers.get("X-Amz-Target")
    if target:
        service, _, op = target.partition(".")
        service = {"DynamoDB_20120810": "DynamoDB", "DynamoDBStreams_20120810": "DynamoDBStreams",
                   "AmazonSQS": "SQS", "AWSCognitoIdentityProviderService": "Cognito"}.get(service, service)
        return service, op
    # signed in the Authorization header, or in the query string (a presigned URL: the client's upload)
    signed = handler.headers.get("Authorization", "") + " " + unquote(handler.path)
    scope = re.search(r"Credential=[^/]+/\d+/[^/]+/([^/]+)/", signed)
    service = scope.group(1) if scope else "unknown"
    if body and "x-www-form-urlencoded" in handler.headers.get("Content-Type", ""):
        action = parse_qs(body.decode("utf-8", "replace")).get("Action", ["?"])[0]
        return service.upper() if service in ("sns", "sqs") else service, action
    return ("S3" if service == "s3" else service), handler.command


class Proxy(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def upstream(self):
        if getattr(LOCAL, "connection", None) is None:
            LOCAL.connection = http.client.HTTPConnection(*UPSTREAM, timeout=120)
        return LOCAL.connection

    def answer(self, status, body, content_type="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.path.startswith("/_count"):
            with LOCK:
                if self.command == "POST":
                    COUNTS.clear()
                snapshot = {f"{s}.{o}": n for (s, o), n in sorted(COUNTS.items())}
            return self.answer(200, json.dumps(snapshot).encode())
        key = operation(self, body)
        with LOCK:
            COUNTS[key] += 1
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP}
        for attempt in (1, 2):
            try:
                connection = self.upstream()
                connection.request(self.command, self.path, body=body, headers=headers)
                response = connection.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, OSError):
                LOCAL.connection = None  # moto closed a kept-alive connection: open another, once
                if attempt == 2:
                    return self.answer(502, b'{"message":"emulator unreachable"}')
        self.send_response(response.status)
        for k, v in response.getheaders():
            if k.lower() not in HOP and k.lower() != "content-length":
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = handle_any


def main():
    global UPSTREAM
    listen, upstream = int(sys.argv[1]), int(sys.argv[2])
    UPSTREAM = ("127.0.0.1", upstream)
    server = ThreadingHTTPServer(("127.0.0.1", listen), Proxy)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
