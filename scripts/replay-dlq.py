"""Moves notification jobs from the dead-letter queue back to the notifications queue of the stack
that `make dev` is running (names from .local/outputs.json). The cloud equivalent is
`aws sqs start-message-move-task`. Replaying is safe: inbox ids are derived from each job's cause."""
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
dead, live = outputs["queues"]["NotificationsDeadLetterQueue"], outputs["queues"]["NotificationsQueue"]
moved = 0
while True:
    messages = sqs.receive_message(QueueUrl=dead, MaxNumberOfMessages=10, WaitTimeSeconds=1).get("Messages", [])
    if not messages:
        break
    for message in messages:
        sqs.send_message(QueueUrl=live, MessageBody=message["Body"])
        sqs.delete_message(QueueUrl=dead, ReceiptHandle=message["ReceiptHandle"])
        moved += 1
print(f"moved {moved} notification jobs back to {live}")
