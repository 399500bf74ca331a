#!/usr/bin/env bash
# Image processing benchmark: PhotoSanitizer (the upload processor's pipeline) against a bare ImageIO
# decode + JPEG encode of the same 12 MP phone photo. Results and their reading: docs/benchmarks.md.
#
#   benchmarks/image-processing/run.sh            everything (about 4 minutes on 2 CPUs)
#   ROUNDS=11 benchmarks/image-processing/run.sh  more timed rounds
#   QUICK=1 benchmarks/image-processing/run.sh    timings only, no memory searches
#
# 1. Timing, in one JVM, interleaved: ROUNDS rounds (default 7) after WARMUP (default 3), all CPUs,
#    then again pinned to one CPU (taskset + -XX:ActiveProcessorCount=1), which is what a Lambda
#    function gets at 1769 MB.
# 2. Memory, each run in a fresh JVM: the smallest -Xmx (8 MB steps) in which a variant processes the
#    file three times without OutOfMemoryError (what the operation really needs of the heap), and the
#    peak resident set (VmHWM) of a JVM sized as a Lambda container would size it (-XX:MaxRAM).
source "$(dirname "$0")/../common.sh"

ROUNDS=${ROUNDS:-7}
WARMUP=${WARMUP:-3}

echo "== build (installs shared and its test-jar into the local Maven repository)"
./mvnw -B -ntp -q install -DskipTests -pl shared -am
./mvnw -B -ntp -q -f benchmarks/image-processing/pom.xml package
jar=benchmarks/image-processing/target/image-processing-benchmark.jar
work=benchmarks/image-processing/target/work
mkdir -p "$work"

echo
machine

echo
echo "== timing, all CPUs, one JVM, interleaved"
java -jar "$jar" interleaved --rounds "$ROUNDS" --warmup "$WARMUP"

one_cpu() { # java [args...] on one CPU, as Lambda gives a function of up to 1769 MB
  if command -v taskset >/dev/null; then
    taskset -c 0 java -XX:ActiveProcessorCount=1 "$@"
  else
    java -XX:ActiveProcessorCount=1 "$@"
  fi
}

echo
echo "== timing, one CPU (taskset -c 0, -XX:ActiveProcessorCount=1), one JVM, interleaved"
one_cpu -jar "$jar" interleaved --rounds "$ROUNDS" --warmup "$WARMUP"

[[ -n "${QUICK:-}" ]] && exit 0

echo
echo "== memory, fresh JVMs"
for kind in phone12 square16 max40; do
  [[ -f "$work/$kind.jpg" ]] || java -jar "$jar" generate --kind "$kind" --out "$work/$kind.jpg"
done

fits() { # $1 heap MB, $2 GC, $3 variant, $4 file: succeeds when the variant runs 3 times in that heap
  java -Xmx"$1"m -XX:+Use"$2" -jar "$jar" once --variant "$3" --file "$4" --repeat 3 >/dev/null 2>&1
}

min_heap() { # $1 GC, $2 variant, $3 file: the smallest -Xmx in 8 MB steps between 16 and 1024 MB
  local lo=16 hi=1024 mid
  fits "$hi" "$1" "$2" "$3" || { echo ">$hi"; return; }
  while (( hi - lo > 8 )); do
    mid=$(( (lo + hi) / 2 / 8 * 8 ))
    (( mid <= lo )) && mid=$(( lo + 8 ))
    if fits "$mid" "$1" "$2" "$3"; then hi=$mid; else lo=$mid; fi
  done
  echo "$hi"
}

printf '%-9s %-9s %-10s %s\n' input variant GC "smallest -Xmx (MB)"
for run in "phone12 sanitize SerialGC" "phone12 sanitize G1GC" "phone12 baseline SerialGC" "phone12 baseline G1GC" \
           "square16 sanitize SerialGC" "square16 sanitize G1GC" "max40 sanitize SerialGC" "max40 sanitize G1GC"; do
  read -r kind variant gc <<<"$run"
  printf '%-9s %-9s %-10s %s\n' "$kind" "$variant" "$gc" "$(min_heap "$gc" "$variant" "$work/$kind.jpg")"
done

echo
echo "peak RSS (VmHWM) of a fresh JVM sized as a container of that memory (-XX:MaxRAM, default ergonomics: heap = 1/4),"
echo "first call includes class loading and JIT warm-up; one CPU (taskset -c 0, -XX:ActiveProcessorCount=1):"
for mem in 1024 1769 2048; do
  for kind in phone12 square16 max40; do
    printf 'MaxRAM=%-5s %-9s ' "${mem}m" "$kind"
    one_cpu -XX:MaxRAM="${mem}m" -jar "$jar" once --variant sanitize --file "$work/$kind.jpg" --repeat 3
  done
done
