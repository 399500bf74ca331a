# Sourced by run.sh and load.sh: the local stack on free loopback ports, with every AWS call it makes counted.
#   moto (the emulator; moto_server.py here: transactions made cheaper) <- callcount.py (counts, passes on)
#   <- the local runtime (functions, pumps, API)
# FCM pushes go to a platform application created in moto before the stack starts. stop_stack ends all three.
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
bench=benchmarks/prompt-burst
out=$bench/target
mkdir -p "$out"
free_port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_stack() {
  make -s build > "$out/build.log"  # every jar, packaged (nothing is installed into ~/.m2)
  moto_port=$(free_port); counter_port=$(free_port); api_port=$(free_port)
  .venv/bin/python "$bench/moto_server.py" 127.0.0.1 "$moto_port" > "$out/emulator.log" 2>&1 &
  moto_pid=$!
  .venv/bin/python "$bench/callcount.py" "$counter_port" "$moto_port" > "$out/callcount.log" 2>&1 &
  counter_pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$moto_port/moto-api/data.json" > /dev/null && break; sleep 0.2; done
  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1
  fcm_app=$(.venv/bin/aws --endpoint-url "http://127.0.0.1:$moto_port" sns create-platform-application \
      --name burst-fcm --platform GCM --attributes PlatformCredential=local-server-key \
      --query PlatformApplicationArn --output text)
  java -jar local/runtime/target/runtime.jar dev --port "$api_port" --endpoint "http://127.0.0.1:$counter_port" \
      --parameters "FcmPlatformApplicationArn=$fcm_app" > "$out/stack.log" 2>&1 &
  stack_pid=$!
  for _ in $(seq 300); do curl -sf "http://127.0.0.1:$api_port/health" > /dev/null && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:$api_port/health" > /dev/null || { echo "the local stack did not start: $out/stack.log" >&2; exit 1; }
  export API="http://127.0.0.1:$api_port" EMULATOR="http://127.0.0.1:$moto_port" \
      COUNTER="http://127.0.0.1:$counter_port" OUTPUTS=.local/outputs.json FCM_APP="$fcm_app"
}

stop_stack() { # only what start_stack started, by pid; the runtime stops its own containers
  for pid in ${stack_pid:-} ${counter_pid:-} ${moto_pid:-}; do
    kill "$pid" 2> /dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2> /dev/null || true
  done
}
trap stop_stack EXIT
trap 'exit 143' TERM INT  # so that EXIT runs stop_stack
