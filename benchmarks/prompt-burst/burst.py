"""The prompt's burst through the local stack: N members, one campus, one prompt, every member's push.

Seeds N members (member items, device lists with an SNS platform endpoint each, written straight into the
emulator: the members exist before the prompt, as on a real campus), plans the campus's prompt a few
seconds ahead, fires the schedule through the local runtime (POST /_local/schedules/...), and waits until
every member has the prompt's inbox item. It reports the wall time from the prompt's time to the last
member's notification (notifiedAt, written just before their push) and the AWS calls of the stack during
the burst, by service and operation, per member (counted by callcount.py in front of the emulator).

Env: API (the local API), EMULATOR (moto itself, for seeding and reading), COUNTER (the counting proxy),
OUTPUTS (.local/outputs.json), MEMBERS, FCM_APP (the platform application the dispatcher pushes through),
REPORT (the markdown file to write). Loopback only; bounded by TIMEOUT seconds.
"""
import json
import os
import sys
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import boto3
from botocore.config import Config

MEMBERS = int(os.environ.get("MEMBERS", "10000"))
TIMEOUT = int(os.environ.get("TIMEOUT", "1800"))
LEAD = 8  # seconds between the schedule's run and the prompt: its jobs wait in the queue, delayed to it
# What Lambda's event source mappings do (the local runtime does it in their place): not the functions' calls.
POLLER = {"SQS.ReceiveMessage", "SQS.DeleteMessageBatch", "SQS.GetQueueAttributes", "SQS.GetQueueUrl",
          "DynamoDBStreams.GetRecords", "DynamoDBStreams.GetShardIterator", "DynamoDBStreams.DescribeStream",
          "DynamoDBStreams.ListStreams", "DynamoDB.DescribeTable"}


def client(name):
    return boto3.client(name, endpoint_url=os.environ["EMULATOR"], region_name=outputs["region"],
                        aws_access_key_id="local", aws_secret_access_key="local",
                        config=Config(max_pool_connections=16, retries={"max_attempts": 10}))


def http(method, url, body=None):
    request = urllib.request.Request(url, method=method, data=body)
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read() or b"null")


def instant(text):
    """A Java Instant's text (up to nanoseconds) as a datetime (microseconds)."""
    whole, _, fraction = text.rstrip("Z").partition(".")
    return datetime.fromisoformat(whole).replace(tzinfo=timezone.utc) + timedelta(
        microseconds=int((fraction or "0")[:6].ljust(6, "0")))


def iso(at):
    return at.strftime("%Y-%m-%dT%H:%M:%SZ")


def seed(campus):
    dynamo, sns = client("dynamodb"), client("sns")
    users = outputs["tables"]["UsersTable"]
    members = sorted(str(uuid.uuid4()) for _ in range(MEMBERS))
    now = iso(datetime.now(timezone.utc))

    def endpoint(member):
        return sns.create_platform_endpoint(PlatformApplicationArn=os.environ["FCM_APP"],
                                            Token="token-" + member)["EndpointArn"]

    endpoints = [endpoint(member) for member in members]  # one at a time: moto's SNS is not thread-safe here
    items = [{"pk": {"S": "CAMPUSES"}, "sk": {"S": "CAMPUS#" + campus}, "campusId": {"S": campus}}]
    for member, arn in zip(members, endpoints):
        items.append({"pk": {"S": "CAMPUS#" + campus}, "sk": {"S": "MEMBER#" + member},
                      "userId": {"S": member}, "joinedAt": {"S": now}})
        items.append({"pk": {"S": "USER#" + member}, "sk": {"S": "PUSH_DEVICES"}, "complete": {"BOOL": True},
                      "d_" + member[:8]: {"M": {"platform": {"S": "fcm"}, "tokenHash": {"S": "hash-" + member},
                                                "endpointArn": {"S": arn}, "createdAt": {"S": now}}}})

    def write(chunk):
        pending = {users: [{"PutRequest": {"Item": item}} for item in chunk]}
        while pending:
            pending = dynamo.batch_write_item(RequestItems=pending).get("UnprocessedItems") or None

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(write, [items[i:i + 25] for i in range(0, len(items), 25)]))
    return members


def plan(campus, prompt_at):
    dynamo = client("dynamodb")
    users = outputs["tables"]["UsersTable"]
    date = prompt_at.astimezone(ZoneInfo("America/New_York")).date().isoformat()  # the stack's default campus zone
    fields = {"campusId": {"S": campus}, "date": {"S": date}, "promptAt": {"S": iso(prompt_at)}}
    dynamo.put_item(TableName=users, Item={"pk": {"S": "CAMPUS#" + campus}, "sk": {"S": "PROMPT#" + date}, **fields})
    dynamo.put_item(TableName=users, Item={"pk": {"S": "PROMPT_DUE#" + prompt_at.date().isoformat()},
                                           "sk": {"S": f"{int(prompt_at.timestamp()):012d}#{campus}"}, **fields})


def notified(campus):
    """Every prompt inbox item of this campus: member -> notifiedAt."""
    dynamo = client("dynamodb")
    found, start = {}, None
    while True:
        args = {"TableName": outputs["tables"]["NotificationsTable"], "FilterExpression": "#t = :p AND reason = :c",
                "ExpressionAttributeNames": {"#t": "type"},
                "ExpressionAttributeValues": {":p": {"S": "prompt"}, ":c": {"S": campus}},
                "ProjectionExpression": "pk, notifiedAt"}
        if start:
            args["ExclusiveStartKey"] = start
        page = dynamo.scan(**args)
        for item in page["Items"]:
            found[item["pk"]["S"][5:]] = item["notifiedAt"]["S"]
        start = page.get("LastEvaluatedKey")
        if not start:
            return found


def main():
    campus = "burst-" + uuid.uuid4().hex[:8]
    t0 = time.monotonic()
    members = seed(campus)
    print(f"seeded {len(members)} members with a device each in {time.monotonic() - t0:.0f} s", flush=True)
    http("POST", os.environ["COUNTER"] + "/_count/reset")
    prompt_at = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(seconds=LEAD)
    plan(campus, prompt_at)
    fire_started = time.monotonic()
    fired = http("POST", os.environ["API"] + "/_local/schedules/PromptSchedulerFunction/FirePrompts")
    fire_seconds = time.monotonic() - fire_started
    print(f"schedule ran in {fire_seconds:.1f} s: {fired}; prompt at {iso(prompt_at)}", flush=True)
    deadline = time.monotonic() + TIMEOUT
    pushed, last_push = 0, None
    while pushed < len(members) and time.monotonic() < deadline:  # one device each: N pushes
        time.sleep(0.5)
        pushed = http("GET", os.environ["COUNTER"] + "/_count").get("SNS.Publish", 0)
        if pushed >= len(members):
            last_push = (datetime.now(timezone.utc) - prompt_at).total_seconds()
        elif int(time.monotonic()) % 10 == 0:
            print(f"  {pushed} of {len(members)} pushed", flush=True)
    counts = http("GET", os.environ["COUNTER"] + "/_count")
    seen = notified(campus)
    if len(seen) < len(members) or last_push is None:
        sys.exit(f"only {len(seen)} of {len(members)} members notified, {pushed} pushed within {TIMEOUT} s")
    times = sorted(instant(v) for v in seen.values())
    first, last = (times[0] - prompt_at).total_seconds(), (times[-1] - prompt_at).total_seconds()
    median = (times[len(times) // 2] - prompt_at).total_seconds()
    n = len(members)
    lines = [f"## Prompt burst: {n} members, one campus (local stack, moto)", "",
             "| measure | value |", "|---|---|",
             f"| schedule run (read {n} members, send the jobs) | {fire_seconds:.1f} s, before the prompt's time |",
             f"| prompt's time to the first member's notification | {first:.1f} s |",
             f"| prompt's time to the median member's | {median:.1f} s |",
             f"| prompt's time to the last member's | {last:.1f} s |",
             f"| prompt's time to the last push (SNS Publish {n}, seen by the counter within 0.5 s) | {last_push:.1f} s |",
             f"| members pushed per second (after the prompt's time) | {n / max(last_push, 0.001):.0f} |", "",
             "| AWS calls during the burst | calls | per member |", "|---|---|---|"]
    functions = {k: v for k, v in counts.items() if k not in POLLER}
    for key, value in sorted(functions.items()):
        lines.append(f"| {key} | {value} | {value / n:.4f} |")
    lines.append(f"| **all the functions' calls** | {sum(functions.values())} | "
                 f"{sum(functions.values()) / n:.4f} |")
    lines += ["", "| event source mappings (the local runtime's pollers, Lambda's in the cloud) | calls |", "|---|---|"]
    for key, value in sorted(counts.items()):
        if key in POLLER:
            lines.append(f"| {key} | {value} |")
    report = "\n".join(lines) + "\n"
    print(report)
    with open(os.environ["REPORT"], "w") as out:
        out.write(report)


outputs = json.load(open(os.environ["OUTPUTS"]))
if __name__ == "__main__":
    main()
