# Sourced by the benchmarks' run.sh: to the repository root, on the JDK 25 the build uses, with ./.venv.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
JAVA_HOME=$(scripts/find-jdk25)
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
test -x .venv/bin/python || make -s venv # the emulator (moto) the benchmarks run against

machine() { # what the numbers were measured on
  echo "== machine"
  echo "$(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "$(java -version 2>&1 | head -1)"
}
