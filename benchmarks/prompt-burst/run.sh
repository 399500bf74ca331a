#!/usr/bin/env bash
# The prompt's burst through the local stack: MEMBERS (10000) members of one campus, one prompt, every push.
# Reports the time from the prompt to the last member's notification and the AWS calls per member by service
# and operation. About 10 minutes for 10,000 members on 2 CPUs (moto answers one DynamoDB call at a time).
# Writes benchmarks/prompt-burst/target/burst.md. Loopback only.
source "$(dirname "$0")/stack.sh"
machine
start_stack
MEMBERS=${MEMBERS:-10000} REPORT="$out/burst.md" .venv/bin/python "$bench/burst.py"
