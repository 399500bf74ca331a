#!/usr/bin/env bash
# Account erasure benchmark: the time from DELETE /me's work (close, disable, queue) to the end of the
# erasure walk, and the AWS calls it took by operation, with the real adapters against the embedded
# emulator (moto): a user like AccountErasureE2EIT's, and one with 1,000 friends and 500 moments.
# The benchmark is a test-scoped class of shared (app.realmoments.account.dynamo.ErasureBenchmark), run by
# name, so nothing is installed. Results and their reading: docs/benchmarks.md, "Account erasure".
#
#   benchmarks/erasure/run.sh          about 5 minutes on 2 CPUs, most of it seeding the big user
source "$(dirname "$0")/../common.sh"

machine

echo
echo "== erasure against the emulator"
./mvnw -B -ntp -q -o -pl shared -am test -Dtest=ErasureBenchmark -Dsurefire.failIfNoSpecifiedTests=false
sed -n '/^== /,$p' shared/target/surefire-reports/app.realmoments.account.dynamo.ErasureBenchmark-output.txt
