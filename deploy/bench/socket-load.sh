#!/usr/bin/env bash
# Many open web-chat sockets: heap before and after opening them (after GC), and how long a message takes to
# reach the right socket (REST turn + push) while they are open. Loopback only; bounded in count and time.
#   mvn -B package -DskipTests && deploy/bench/socket-load.sh
# Settings: SOCKETS (10000), PROBES (200), HEAP (1g), MODEL_CACHE, JAR.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="${JAR:-$root/deploy/target/antifraud.jar}"
sockets="${SOCKETS:-10000}"
probes="${PROBES:-200}"
model_cache="${MODEL_CACHE:-$root/deploy/target/bench-models}"
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
ulimit -n $((sockets * 2 + 1024)) 2>/dev/null || echo "could not raise the open-files limit" >&2
work="$(mktemp -d /tmp/socket-load.XXXXXX)"
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
mkdir -p "$model_cache"
PORT="$port" DATA_DIR="$work/data" MODEL_DIR="$model_cache" RATE_LIMIT_PER_MINUTE=0 ADMIN_PASSWORD="bench-$RANDOM$RANDOM" \
  java -Xmx"${HEAP:-1g}" -jar "$jar" 2>"$work/app.log" &
app_pid=$!
for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
heap() { jcmd "$app_pid" GC.run >/dev/null; jcmd "$app_pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | grep -o '[0-9]*'; }
before="$(heap)"
java -Xmx1g -cp "$jar" "$here/SocketLoad.java" "$port" "$sockets" "$probes" > "$work/client.log" 2>&1 &
client=$!
while ! grep -q '^SOCKETS' "$work/client.log" 2>/dev/null; do
  kill -0 "$client" 2>/dev/null || { cat "$work/client.log" >&2; exit 1; }
  sleep 1
done
open_heap="$(heap)"
wait "$client"
read -r _ p50 p99 <<<"$(grep '^PROBE' "$work/client.log")"
printf '| sockets open | heap after GC before | with the sockets open | message to its socket p50 | p99 | pushed to a wrong socket |\n'
printf '|---|---|---|---|---|---|\n| %s | %s MB | %s MB | %s ms | %s ms | %s |\n' "$(grep '^SOCKETS' "$work/client.log" | cut -d' ' -f2)" \
  "$((before / 1024))" "$((open_heap / 1024))" "$p50" "$p99" "$(grep '^WRONG' "$work/client.log" | cut -d' ' -f2)"
