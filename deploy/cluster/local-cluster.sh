#!/usr/bin/env bash
# A development cluster on this machine: `antifraud.jar store` plus three nodes, every port free and on loopback.
#
#   deploy/cluster/local-cluster.sh          start, print the URLs, stop everything on Ctrl-C
#   deploy/cluster/local-cluster.sh start    start in the background and return once all nodes are ready
#   deploy/cluster/local-cluster.sh stop     stop what `start` started (SIGTERM, then wait)
#   deploy/cluster/local-cluster.sh status   each node's /health
#
# Settings: JAR (default deploy/target/antifraud.jar), NODES (default 3), CLUSTER_DIR (default ./local-cluster:
# the store's data, the pids and one log per process), JAVA_OPTS (default -Xmx1g: the first node may train and
# cache the models, which runs out of heap at 512 MB). Build first with `mvn -B package -DskipTests`.
# Not for production: see deploy/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="${JAR:-$ROOT/deploy/target/antifraud.jar}"
NODES="${NODES:-3}"
DIR="${CLUSTER_DIR:-$PWD/local-cluster}"
JAVA_OPTS="${JAVA_OPTS:--Xmx1g}"
NAME="local-$$"

die() { echo "local-cluster: $*" >&2; exit 1; }

# A port nothing on 127.0.0.1 answers on (a connect that fails), from a random start.
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"; return 0
    fi
  done
  die "no free port found"
}

# Waits until a log file has a line matching a pattern; prints the line.
wait_line() {
  local file=$1 pattern=$2 pid=$3 seconds=$4 line
  for _ in $(seq 1 $(( seconds * 5 ))); do
    line=$(grep -m1 -E "$pattern" "$file" 2>/dev/null || true)
    if [ -n "$line" ]; then echo "$line"; return 0; fi
    kill -0 "$pid" 2>/dev/null || { cat "$file" >&2; die "process $pid ended before '$pattern'"; }
    sleep 0.2
  done
  die "no '$pattern' in $file after ${seconds}s"
}

start() {
  [ -f "$JAR" ] || die "$JAR not found: run mvn -B package -DskipTests first"
  [ -f "$DIR/pids" ] && die "$DIR/pids exists: run '$0 stop' first"
  mkdir -p "$DIR/store" "$DIR/logs"
  : > "$DIR/pids"

  DATA_DIR="$DIR/store" STORE_HOST=127.0.0.1 STORE_PORT=0 \
    java $JAVA_OPTS -jar "$JAR" store > "$DIR/logs/store.out" 2> "$DIR/logs/store.log" &
  local store=$!
  echo "$store" >> "$DIR/pids"
  local uri
  uri=$(wait_line "$DIR/logs/store.out" '^mongodb://' "$store" 60)
  echo "store   $uri (pid $store)"

  local ports=() members=""
  for i in $(seq 1 "$NODES"); do
    ports+=("$(free_port)")
    members="${members:+$members,}127.0.0.1:${ports[$((i - 1))]}"
  done
  local pids=()
  for i in $(seq 1 "$NODES"); do
    env PORT=0 MONGODB_URI="$uri" DATA_DIR="$DIR/node$i" MODEL_DIR="$DIR/models" \
      CLUSTER_MEMBERS="$members" CLUSTER_HOST=127.0.0.1 CLUSTER_PORT="${ports[$((i - 1))]}" CLUSTER_NAME="$NAME" \
      java $JAVA_OPTS -jar "$JAR" serve > /dev/null 2> "$DIR/logs/node$i.log" &
    pids+=($!)
    echo "$!" >> "$DIR/pids"
    # One at a time: the first trains and caches the models if needed, and a small machine is not asked to
    # start every JVM at once (nodes started together do join, as in a Kubernetes rollout, only more slowly).
    wait_line "$DIR/logs/node$i.log" 'antifraud hotline ready on port' "$!" 600 > /dev/null
  done
  : > "$DIR/urls"
  for i in $(seq 1 "$NODES"); do
    local line port
    line=$(wait_line "$DIR/logs/node$i.log" 'antifraud hotline ready on port' "${pids[$((i - 1))]}" 600)
    port=${line##* }
    echo "http://127.0.0.1:$port" >> "$DIR/urls"
    echo "node$i   http://127.0.0.1:$port (hazelcast 127.0.0.1:${ports[$((i - 1))]}, pid ${pids[$((i - 1))]})"
  done
  for url in $(cat "$DIR/urls"); do
    for _ in $(seq 1 300); do
      curl -fsS "$url/health" 2>/dev/null | grep -q "\"members\":$NODES" && break
      sleep 0.2
    done
    curl -fsS "$url/health" | grep -q "\"members\":$NODES" || die "$url does not see $NODES members"
  done
  echo "cluster '$NAME' ready: $NODES nodes sharing $uri; logs in $DIR/logs"
}

stop() {
  [ -f "$DIR/pids" ] || { echo "nothing to stop in $DIR"; return 0; }
  # Nodes first (newest first), the store last, so no node loses its database while it shuts down.
  local pids
  pids=$(tac "$DIR/pids")
  for pid in $pids; do
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { echo "pid $pid still running after 30 s, killing" >&2; kill -KILL "$pid" 2>/dev/null || true; }
  done
  rm -f "$DIR/pids" "$DIR/urls"
  echo "stopped"
}

status() {
  [ -f "$DIR/urls" ] || { echo "not running (no $DIR/urls)"; return 1; }
  for url in $(cat "$DIR/urls"); do
    echo "$url $(curl -fsS "$url/health" 2>/dev/null || echo unreachable)"
  done
}

case "${1:-run}" in
  start)
    # A start that fails half-way stops what it started.
    trap 'status=$?; [ "$status" -eq 0 ] || stop; exit "$status"' EXIT
    start ;;
  stop) stop ;;
  status) status ;;
  run)
    trap stop EXIT
    trap 'exit 0' INT TERM
    start
    echo "Ctrl-C stops the cluster"
    while true; do sleep 1; done
    ;;
  -h|--help|help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$1' (start | stop | status | run)" ;;
esac
