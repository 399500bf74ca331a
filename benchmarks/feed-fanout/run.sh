#!/usr/bin/env bash
# Feed fan-out benchmark: one moment fanned out to N friends (MomentFanout over DynamoFeedStore and
# DynamoSocialGraph) against a bare loop of the same BatchWriteItem calls, both against the embedded
# emulator (moto) in the same run, interleaved. Results and their reading: docs/benchmarks.md.
#
#   benchmarks/feed-fanout/run.sh                       N = 1000, 7 rounds after 2 warm-up rounds
#   FRIENDS=250 ROUNDS=11 benchmarks/feed-fanout/run.sh
source "$(dirname "$0")/../common.sh"

echo "== build (installs shared, its test-jar and the emulator into the local Maven repository)"
./mvnw -B -ntp -q install -DskipTests -pl shared -am
./mvnw -B -ntp -q -f benchmarks/feed-fanout/pom.xml package

echo
machine

echo
echo "== fan-out against the emulator"
java -jar benchmarks/feed-fanout/target/feed-fanout-benchmark.jar \
  --friends "${FRIENDS:-1000}" --rounds "${ROUNDS:-7}" --warmup "${WARMUP:-2}"
