#!/usr/bin/env bash
# Notifications benchmark: one NotificationDispatcher instance drains the notifications queue of the
# emulator (moto: SQS, DynamoDB, SNS mobile push) the way Lambda's SQS poller would feed it (receive 10,
# invoke, delete the successes). Prints jobs per second and the AWS calls per job, by operation, counted
# with an SDK ExecutionInterceptor. Results and their reading: docs/benchmarks.md, "Notifications".
#
#   benchmarks/notifications/run.sh               2000 jobs (about 5 minutes on moto)
#   JOBS=5000 benchmarks/notifications/run.sh     more jobs
source "$(dirname "$0")/../common.sh"

echo "== build (installs the dispatcher, shared's test-jar and the emulator into the local Maven repository)"
./mvnw -B -ntp -q install -DskipTests -pl functions/notification-dispatcher -am
./mvnw -B -ntp -q -f benchmarks/notifications/pom.xml package
jar=benchmarks/notifications/target/notifications-benchmark.jar

machine

java -Demulator.python="$root/.venv/bin/python" -Dproject.root="$root" -jar "$jar" --jobs "${JOBS:-2000}"
