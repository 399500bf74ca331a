"""Seeds the load test's members and turns its results into a report (load.sh runs both).

seed:   USERS members of one campus, each a local Cognito user with a profile (PUT /me), a phone (POST
        /me/devices) and FRIENDS friends (friendship items, as an accepted request leaves them); today's
        prompt goes off a few seconds later. Writes USERS_FILE for the locustfile.
report: locust's CSV and the AWS calls counted during the run, as markdown (REPORT).
Loopback only.
"""
import base64
import csv
import json
import os
import sys
import time
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import boto3

outputs = json.load(open(os.environ["OUTPUTS"]))


def client(name):
    return boto3.client(name, endpoint_url=os.environ["EMULATOR"], region_name=outputs["region"],
                        aws_access_key_id="local", aws_secret_access_key="local")


def call(method, path, token=None, body=None):
    request = urllib.request.Request(os.environ["API"] + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"content-type": "application/json",
                                              **({"Authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


def seed():
    users, friends = int(os.environ.get("USERS", "40")), int(os.environ.get("FRIENDS", "10"))
    campus = "load-" + uuid.uuid4().hex[:6]
    cognito, dynamo = client("cognito-idp"), client("dynamodb")
    members = []
    for i in range(users):
        email = f"load{i}-{campus}@example.edu"
        cognito.admin_create_user(UserPoolId=outputs["userPoolId"], Username=email, MessageAction="SUPPRESS")
        cognito.admin_set_user_password(UserPoolId=outputs["userPoolId"], Username=email,
                                        Password="Local-Passw0rd", Permanent=True)
        token = cognito.initiate_auth(ClientId=outputs["userPoolClientId"], AuthFlow="USER_PASSWORD_AUTH",
                                      AuthParameters={"USERNAME": email, "PASSWORD": "Local-Passw0rd"}
                                      )["AuthenticationResult"]["IdToken"]
        payload = token.split(".")[1]
        sub = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["sub"]
        call("PUT", "/me", token, {"handle": f"load{i}_{campus[5:]}", "displayName": f"Member {i}", "campusId": campus})
        call("POST", "/me/devices", token, {"platform": "fcm", "token": f"device-{sub}"})
        members.append({"userId": sub, "token": token})
    now = datetime.now(timezone.utc).isoformat()
    items = []
    for i, member in enumerate(members):  # a ring: each member is friends with the next FRIENDS/2 and previous FRIENDS/2
        member["friends"] = sorted({(i + d) % users for d in range(-(friends // 2), friends // 2 + 1) if d} - {i})
        for j in member["friends"]:
            other = members[j]["userId"]
            items.append({"PutRequest": {"Item": {"pk": {"S": "USER#" + member["userId"]}, "sk": {"S": "FRIEND#" + other},
                                                  "userId": {"S": member["userId"]}, "friendId": {"S": other},
                                                  "since": {"S": now}}}})
    for start in range(0, len(items), 25):
        pending = {outputs["tables"]["UsersTable"]: items[start:start + 25]}
        while pending:
            pending = dynamo.batch_write_item(RequestItems=pending).get("UnprocessedItems") or None
    prompt_at = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(seconds=5)
    date = prompt_at.astimezone(ZoneInfo("America/New_York")).date().isoformat()
    fields = {"campusId": {"S": campus}, "date": {"S": date}, "promptAt": {"S": prompt_at.strftime("%Y-%m-%dT%H:%M:%SZ")}}
    table = outputs["tables"]["UsersTable"]
    dynamo.put_item(TableName=table, Item={"pk": {"S": "CAMPUS#" + campus}, "sk": {"S": "PROMPT#" + date}, **fields})
    dynamo.put_item(TableName=table, Item={"pk": {"S": "PROMPT_DUE#" + prompt_at.date().isoformat()},
                                           "sk": {"S": f"{int(prompt_at.timestamp()):012d}#{campus}"}, **fields})
    print("prompt:", call("POST", "/_local/schedules/PromptSchedulerFunction/FirePrompts"), "at", prompt_at, flush=True)
    time.sleep(max(0.0, (prompt_at - datetime.now(timezone.utc)).total_seconds()) + 2)
    json.dump(members, open(os.environ["USERS_FILE"], "w"))
    print(f"seeded {users} members of {campus}, {friends} friends each", flush=True)


def report():
    rows = list(csv.DictReader(open(os.environ["STATS"])))
    counts = json.load(urllib.request.urlopen(os.environ["COUNTER"] + "/_count"))
    lines = [f"## Rush load test: {os.environ.get('USERS')} members, {os.environ.get('RUN_TIME')} (locust, local stack)", "",
             "| request | count | failures | p50 ms | p95 ms | p99 ms | max ms |", "|---|---|---|---|---|---|---|"]
    for row in rows:
        name = row["Name"] if row["Type"] in ("", "None", "GET", "POST", "PUT") else f"{row['Type']} {row['Name']}"
        if row["Name"] == "Aggregated":
            name = "**all requests**"
        lines.append(f"| {name} | {row['Request Count']} | {row['Failure Count']} | {row['50%']} | {row['95%']} | "
                     f"{row['99%']} | {float(row['Max Response Time']):.0f} |")
    lines += ["", "| AWS calls during the run (functions and the local pollers) | calls |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in sorted(counts.items())]
    text = "\n".join(lines) + "\n"
    print(text)
    open(os.environ["REPORT"], "w").write(text)


{"seed": seed, "report": report}[sys.argv[1]]()
