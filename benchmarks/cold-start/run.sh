#!/usr/bin/env bash
# Cold-start benchmark: every function of template.yaml against a do-nothing handler, fresh JVM per run.
# ROUNDS=7 (default) MODES=plain,aot (default; snap adds the SnapStart simulation) FUNCTIONS=<ids> (default all).
# About 3 minutes on 2 CPUs for plain,aot. Writes target/cold-start.md, ending with the README's table.
source "$(dirname "$0")/../common.sh"
./mvnw -B -ntp -q install -DskipTests
./mvnw -B -ntp -q -f benchmarks/cold-start/pom.xml package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cd benchmarks/cold-start
java -cp "target/classes:$(cat target/classpath.txt)" app.realmoments.benchmarks.coldstart.ColdStartBenchmark | tee target/cold-start.md
