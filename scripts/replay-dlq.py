"""Moves jobs from a dead-letter queue back to its queue in the stack that `make dev` is running (names
from .local/outputs.json): `Notifications` (the default) or `Erasure`, the first argument. The cloud
equivalent is `aws sqs start-message-move-task`. Replaying is safe: inbox ids are derived from each job's
cause, and an erasure walk re-derives what is left (a second run on an erased user deletes nothing)."""
import json
import sys

import boto3

try:
    with open(".local/outputs.json") as f:
        outputs = json.load(f)
except FileNotFoundError:
    sys.exit("no .local/outputs.json: start the stack with make dev")

sqs = boto3.client("sqs", endpoint_url=outputs["awsEndpoint"], region_name=outputs["region"],
                   aws_access_key_id="local", aws_secret_access_key="local")
kind = sys.argv[1] if len(sys.argv) > 1 else "Notifications"
if kind + "Queue" not in outputs["queues"]:
    sys.exit(f"no queue {kind}Queue in this stack: try Notifications or Erasure")
dead, live = outputs["queues"][kind + "DeadLetterQueue"], outputs["queues"][kind + "Queue"]
moved = 0
while True:
    messages = sqs.receive_message(QueueUrl=dead, MaxNumberOfMessages=10, WaitTimeSeconds=1).get("Messages", [])
    if not messages:
        break
    for message in messages:
        sqs.send_message(QueueUrl=live, MessageBody=message["Body"])
        sqs.delete_message(QueueUrl=dead, ReceiptHandle=message["ReceiptHandle"])
        moved += 1
print(f"moved {moved} {kind.lower()} jobs back to {live}")
