#!/usr/bin/env bash
# The rush after the prompt through the local stack, with locust: USERS (40) members of one campus with
# FRIENDS (10) friends each get the prompt, then each posts a moment (declare, upload, wait for publish)
# and reads feeds, the prompt and the inbox for RUN_TIME (60s). Loopback only, bounded by RUN_TIME.
# Reports latency percentiles and failures per request (and the fan-out's lag) in target/load.md.
source "$(dirname "$0")/stack.sh"
machine
start_stack
export USERS=${USERS:-40} FRIENDS=${FRIENDS:-10} RUN_TIME=${RUN_TIME:-60s}
java "$bench/Photo.java" "$out/photo.jpg"
USERS_FILE="$out/users.json" .venv/bin/python "$bench/load.py" seed
curl -sf -X POST "$COUNTER/_count/reset" > /dev/null
USERS_FILE="$out/users.json" PHOTO="$out/photo.jpg" .venv/bin/locust -f "$bench/locustfile.py" --headless \
    --host "$API" --users "$USERS" --spawn-rate "$USERS" --run-time "$RUN_TIME" --stop-timeout 40 \
    --csv "$out/load" --only-summary --loglevel WARNING 2>&1 | tail -40 || true
STATS="$out/load_stats.csv" REPORT="$out/load.md" .venv/bin/python "$bench/load.py" report
