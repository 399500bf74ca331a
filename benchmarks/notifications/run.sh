#!/usr/bin/env bash
# Notifications benchmark: one NotificationDispatcher instance drains the notifications queue of the
# emulator (moto: SQS, DynamoDB, SNS mobile push) the way Lambda's SQS poller would feed it (receive 10,
# invoke, delete the successes). Prints jobs per second and the AWS calls per job, by operation, counted
# with an SDK ExecutionInterceptor. Results and their reading: docs/benchmarks.md, "Notifications".
#
#   benchmarks/notifications/run.sh               2000 jobs (about 5 minutes on moto)
#   JOBS=5000 benchmarks/notifications/run.sh     more jobs
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
JAVA_HOME=$(scripts/find-jdk25)
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
make -s venv

echo "== build (installs the dispatcher, shared's test-jar and the emulator into the local Maven repository)"
mvn -B -ntp -q install -DskipTests -pl functions/notification-dispatcher -am
mvn -B -ntp -q -f benchmarks/notifications/pom.xml package
jar=benchmarks/notifications/target/notifications-benchmark.jar

echo "== machine"
echo "$(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "$(java -version 2>&1 | head -1)"

java -Demulator.python="$root/.venv/bin/python" -Dproject.root="$root" -jar "$jar" --jobs "${JOBS:-2000}"
