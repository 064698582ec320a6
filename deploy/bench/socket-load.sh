#!/usr/bin/env bash
# Many open web-chat sockets: heap used after a full GC at start, with the sessions and with their sockets open,
# and how long a message takes to reach the right socket (REST turn + push of the bot's reply) while they are
# open. Loopback only; bounded in count and time; kills the jar and the client on exit. Needs curl, python3, jcmd
# (JDK) and a built jar:
#   mvn -B package -DskipTests && deploy/bench/socket-load.sh
# Settings (environment): SOCKETS (10000), PROBES (200), SESSIONS (sessions started, at least SOCKETS; with
# SESSIONS=10000 SOCKETS=10, the same store and warm-up with few sockets: a baseline), HEAP (-Xmx of the jar, 1g),
# TIME_LIMIT (seconds for the whole run, 1800), HOLD (seconds the open sockets are held before the probes, 0:
# shows whether the pings keep them alive past HTTP_IDLE_TIMEOUT_SECONDS and the 75 s silence limit), KEEP_LOGS
# (1: keep the jar's and the client's logs in /tmp/socket-load.*), MODEL_CACHE (trained into on the first run,
# about 30 s more), COMPRESS (1: the client asks for permessage-deflate, as browsers do), JAR.
#
# The jar runs as an operator would run it for this test: RATE_LIMIT_PER_MINUTE=0 (all sessions come from one
# address) and MAX_CONNECTIONS=SOCKETS+1000 unless set (the default, 2000 open connections, closes every socket past it).
# Each process holds one file descriptor per socket, so the open-files limit is raised towards SOCKETS+2048 (never
# above the hard limit, `ulimit -Hn`; the run stops at once if that is too low). 10,000 sockets from one source
# address to one port fit in the default ephemeral port range (32768-60999).
#
# The client (SocketLoad.java, see its header) prints progress and errors to stderr; on any failure, or when a
# phase takes too long, the script prints the client's and the jar's logs and exits 1; it exits 2 after the table
# when not every socket opened or a probe was missed.
# Output: the machine (cores, load average), then a Markdown table: sessions and how long starting them took (one
# REST turn each), sockets open and how long opening them took, heap used after a full GC at start, with the
# sessions stored (the embedded store lives in the jar's heap) and with the sockets open, the bot's reply on its
# socket after the turn was sent (p50/p99/max) and how much later than the REST answer it arrived (p50/p99),
# probes missed, pushes to a wrong socket, sockets the server closed meanwhile, client errors.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="${JAR:-$root/deploy/target/antifraud.jar}"
sockets="${SOCKETS:-10000}"
probes="${PROBES:-200}"
time_limit="${TIME_LIMIT:-1800}"
model_cache="${MODEL_CACHE:-$root/deploy/target/bench-models}"
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }
deadline=$((SECONDS + time_limit))

need=$((sockets + 2048))
hard="$(ulimit -Hn)"
if [ "$hard" != unlimited ] && [ "$hard" -lt "$need" ]; then
  if [ "$hard" -lt $((sockets + 256)) ]; then
    echo "the open-files hard limit ($hard) is too low for $sockets sockets per process; raise it or lower SOCKETS" >&2
    exit 1
  fi
  need="$hard"
fi
ulimit -n "$need"

work="$(mktemp -d /tmp/socket-load.XXXXXX)"
app_pid=""
client=""
cleanup() {
  [ -n "$client" ] && kill "$client" 2>/dev/null
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
  wait 2>/dev/null || true
  if [ "${KEEP_LOGS:-0}" = 1 ]; then rm -rf "$work/data" "$work"/go?; echo "logs kept in $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() {
  echo "socket-load: $1" >&2
  echo "--- client log (last 40 lines)" >&2; tail -40 "$work/client.err" >&2 2>/dev/null || true
  cat "$work/client.out" >&2 2>/dev/null || true
  echo "--- jar log (last 40 lines)" >&2; tail -40 "$work/app.log" >&2 2>/dev/null || true
  exit 1
}
left() { local n=$((deadline - SECONDS)); echo $((n > 1 ? n : 1)); }

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
mkdir -p "$model_cache"
PORT="$port" DATA_DIR="$work/data" MODEL_DIR="$model_cache" RATE_LIMIT_PER_MINUTE=0 MAX_CONNECTIONS="${MAX_CONNECTIONS:-$((sockets + 1000))}" \
  ADMIN_PASSWORD="bench-$RANDOM$RANDOM" java -Xmx"${HEAP:-1g}" -jar "$jar" 2>"$work/app.log" &
app_pid=$!
# the first start trains the models into MODEL_CACHE (about 30 s on a quiet machine, minutes under load)
until curl -sf -m 5 "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
  kill -0 "$app_pid" 2>/dev/null || fail "the jar stopped before answering /health"
  [ "$SECONDS" -lt "$deadline" ] || fail "the jar did not answer /health within TIME_LIMIT"
  sleep 0.2
done
echo "jar ready on port $port after ${SECONDS} s" >&2

# the jar's resident set (heap, native buffers, zlib state of compressed sockets...), in MB
rss() { awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$app_pid/status"; }
# heap used after a full GC, in KB
heap() {
  local info
  timeout 60 jcmd "$app_pid" GC.run >/dev/null || fail "jcmd GC.run failed"
  info="$(timeout 60 jcmd "$app_pid" GC.heap_info)" || fail "jcmd GC.heap_info failed"
  grep -o 'used [0-9]*K' <<<"$info" | head -1 | grep -o '[0-9]*' || fail "no heap figure in: $info"
}
before="$(heap)"
before_rss="$(rss)"

touch "$work/client.out" "$work/client.err"
timeout "$(left)" java -Xmx1g -DmaxSeconds="$(left)" -DholdSeconds="${HOLD:-0}" -Dsessions="${SESSIONS:-0}" -Dcompress="$([ "${COMPRESS:-0}" = 1 ] && echo true || echo false)" \
  -cp "$jar" "$here/SocketLoad.java" "$port" "$sockets" "$probes" "$work/go" >"$work/client.out" 2>"$work/client.err" &
client=$!
tail -f "$work/client.err" --pid "$client" >&2 &
# wait_for WORD: until the client prints a line starting with WORD (or stops, or TIME_LIMIT passes)
wait_for() {
  until grep -q "^$1 " "$work/client.out" 2>/dev/null; do
    kill -0 "$client" 2>/dev/null || fail "the client stopped before printing $1"
    [ "$SECONDS" -lt "$deadline" ] || fail "no $1 from the client within TIME_LIMIT"
    sleep 1
  done
}
wait_for SESSIONS
sessions_heap="$(heap)"
sessions_rss="$(rss)"
touch "$work/go1"
wait_for SOCKETS
open_heap="$(heap)"
open_rss="$(rss)"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
touch "$work/go2"
client_rc=0
wait "$client" || client_rc=$?
client=""
[ "$client_rc" = 0 ] || fail "the client exited with $client_rc (124: TIME_LIMIT reached)"
field() { grep "^$1 " "$work/client.out" | cut -d' ' -f"$2"; }

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $load when the sockets were open," \
  "jar -Xmx${HEAP:-1g}, permessage-deflate $([ "${COMPRESS:-0}" = 1 ] && echo asked || echo not asked);" \
  "jar resident set $before_rss MB at start, $sessions_rss MB with the sessions, $open_rss MB with the sockets open"
printf '\n| sessions | started in | sockets open | opened in | heap after GC: at start | with the sessions | with the sockets open | reply on its socket p50 | p99 | max | push after the REST answer p50 | p99 | probes missed | pushed to a wrong socket | closed by the server | client errors |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
printf '| %s | %s s | %s | %s s | %s MB | %s MB | %s MB | %s ms | %s ms | %s ms | %s ms | %s ms | %s of %s | %s | %s | %s |\n' \
  "$(field SESSIONS 2)" "$(field SESSIONS 3)" "$(field SOCKETS 2)" "$(field SOCKETS 3)" \
  "$((before / 1024))" "$((sessions_heap / 1024))" "$((open_heap / 1024))" \
  "$(field PROBE 2)" "$(field PROBE 3)" "$(field PROBE 4)" "$(field AFTER_ANSWER 2)" "$(field AFTER_ANSWER 3)" \
  "$(field MISSED 2)" "$probes" "$(field WRONG 2)" "$(field CLOSED 2)" "$(field ERRORS 2)"
if [ "$(field SOCKETS 2)" != "$sockets" ] || [ "$(field MISSED 2)" != 0 ]; then
  echo "socket-load: $(field SOCKETS 2) of $sockets sockets opened, $(field MISSED 2) probes missed; see the client's errors above" >&2
  exit 2
fi
