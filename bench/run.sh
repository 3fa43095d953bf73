#!/usr/bin/env bash
# The benchmark in one command: builds in Release, generates and imports a catalog from the 2019 export,
# measures reindex and cold start, drives each scenario with wrk against the server, nginx and a bare Kestrel
# endpoint, and rewrites the results part of BENCHMARKS.md.
#
#   bench/run.sh [--size 1k|10k|100k] [--seed 42] [--duration 5s] [--connections 16] [--threads 2] [--no-report]
#
# Everything it makes goes under bench/.work/SIZE/ (raw wrk results in results/). Only 127.0.0.1 is loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

SIZE=10k SEED=42 DURATION=5s WARMUP=2s CONNECTIONS=16 THREADS=2 REPORT=1
while [ $# -gt 0 ]; do
  case "$1" in
    --size) SIZE=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --no-report) REPORT=0; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

EXPORT=$(cd "$REPO/.." && pwd)/shared/reference/eclipse-marketplace-2019
WORK=$REPO/bench/.work/$SIZE
RESULTS=$WORK/results
PORT=5710 NGINX_PORT=5711 FIXED_PORT=5712
BASE=http://127.0.0.1:$PORT
SERVER_PID="" NGINX_PID="" FIXED_PID="" SAMPLER_PID=""

log() { printf '\n== %s\n' "$*"; }
ms_now() { date +%s%3N; }

cleanup() {
  for pid in $SAMPLER_PID $FIXED_PID $SERVER_PID; do
    kill "$pid" 2>/dev/null || true
  done
  if [ -n "$NGINX_PID" ]; then kill -QUIT "$NGINX_PID" 2>/dev/null || true; fi
  wait 2>/dev/null || true
}
trap cleanup EXIT

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  log "installing wrk and nginx"
  apt-get install -y wrk nginx >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk nginx >/dev/null; }
fi
[ -d "$EXPORT" ] || { echo "The 2019 export is not at $EXPORT" >&2; exit 1; }

log "building in Release"
dotnet build "$REPO/Catalog.Server/Catalog.Server.csproj" -c Release -nologo -v q -clp:ErrorsOnly
dotnet build "$REPO/Catalog.Benchmarks/Catalog.Benchmarks.csproj" -c Release -nologo -v q -clp:ErrorsOnly
SERVER_DLL=$REPO/Catalog.Server/bin/Release/net10.0/Catalog.Server.dll
BENCH_DLL=$REPO/Catalog.Benchmarks/bin/Release/net10.0/Catalog.Benchmarks.dll
# The content root is the app folder, as in a deployment, so the server reads its appsettings.json (log
# levels among them); the catalog lives in the work folder.
SETTINGS=(--urls "$BASE" --contentRoot "$(dirname "$SERVER_DLL")" "--Catalog:Store:DatabasePath=$WORK/catalog.db"
          "--Catalog:Search:IndexPath=$WORK/index" "--Catalog:Server:SeedDirectory="
          "--Catalog:Publishing:AllowPlainHttp=true")

rm -rf "$WORK"
mkdir -p "$RESULTS"

log "generating and importing $SIZE listings (seed $SEED)"
dotnet "$BENCH_DLL" generate --export "$EXPORT" --db "$WORK/catalog.db" --size "$SIZE" --seed "$SEED" --out "$WORK"
cp "$WORK/import.json" "$RESULTS/"

start_server() { # $1: log name
  dotnet "$SERVER_DLL" serve "${SETTINGS[@]}" >"$WORK/$1.log" 2>&1 &
  SERVER_PID=$!
}
wait_for() { # $1: url; waits up to 10 minutes for a 200
  local deadline=$(( $(date +%s) + 600 ))
  until curl -sf -o /dev/null "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "no answer from $1" >&2; exit 1; }
    kill -0 "${SERVER_PID:-0}" 2>/dev/null || [ "$1" != "$BASE/api/p" ] || { echo "server exited; see $WORK" >&2; exit 1; }
    sleep 0.01
  done
}
stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# A reindex command is being added on another branch; until it lands, the rebuild is what a start on an
# empty index folder does before it answers.
if dotnet "$SERVER_DLL" help 2>/dev/null | grep -qw reindex; then
  log "full reindex (reindex command)"
  started=$(ms_now)
  dotnet "$SERVER_DLL" reindex "${SETTINGS[@]:2}" >"$WORK/reindex.log" 2>&1
  method="the reindex command"
else
  log "full reindex (start on an empty index folder; no reindex command yet)"
  rm -rf "$WORK/index"
  started=$(ms_now)
  start_server reindex
  wait_for "$BASE/api/p"
  method="start on an empty index folder to first answer, as no reindex command exists yet"
  stop_server
fi
echo "{\"ms\": $(( $(ms_now) - started )), \"method\": \"$method\"}" >"$RESULTS/reindex.json"

# App keys for the approval scenario, made as an operator makes them (printed once as name=value lines).
key_of() { awk -F= '/^app_id=/ {id=$2} /^app_secret=/ {secret=$2} END {print id ":" secret}'; }
BENCH_OPERATOR_KEY=$(dotnet "$SERVER_DLL" apps create --operator "${SETTINGS[@]:2}" 2>/dev/null | key_of)
BENCH_PUBLISHER_KEY=$(dotnet "$SERVER_DLL" apps create --publisher "Benchmark Publisher" "${SETTINGS[@]:2}" 2>/dev/null | key_of)
export BENCH_OPERATOR_KEY BENCH_PUBLISHER_KEY

log "cold start with the index on disk"
sync
started=$(ms_now)
start_server serve
wait_for "$BASE/api/p"
echo "{\"ms\": $(( $(ms_now) - started ))}" >"$RESULTS/coldstart.json"
cat "$RESULTS/coldstart.json"

# Resident memory of the server, sampled while it is loaded; VmHWM is the kernel's own peak.
sample_memory() {
  local peak=0 rss
  while kill -0 "$SERVER_PID" 2>/dev/null; do
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" >"$WORK/peak_rss_kb"
    sleep 0.2
  done
}
sample_memory &
SAMPLER_PID=$!

log "mirroring node answers for nginx"
dotnet "$BENCH_DLL" mirror --base "$BASE" --paths "$WORK/node-id.paths" --root "$WORK/static"
mkdir -p "$WORK/nginx/logs"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { }
  default_type "application/xml; charset=utf-8";
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/static;
    location / { try_files \$uri =404; }
  }
}
EOF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
dotnet "$BENCH_DLL" fixed --urls "http://127.0.0.1:$FIXED_PORT" --file "$(find "$WORK/static/node" -type f | head -1)" >"$WORK/fixed.log" 2>&1 &
FIXED_PID=$!
wait_for "http://127.0.0.1:$NGINX_PORT$(head -1 "$WORK/node-id.paths")"
wait_for "http://127.0.0.1:$FIXED_PORT/"

run_wrk() { # $1 scenario, $2 base url, $3 paths file, $4 mode
  SCENARIO=$1 RESULT_FILE=/dev/null wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$REPO/bench/lua/paths.lua" "$2" -- "$3" "${4:-random}" >/dev/null
  SCENARIO=$1 RESULT_FILE="$RESULTS/wrk-$1.json" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency \
    -s "$REPO/bench/lua/paths.lua" "$2" -- "$3" "${4:-random}" | tail -1
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
OTHERS=$(pgrep -c -f 'dotnet|MSBuild|testhost|VBCSCompiler' || true)
OTHERS=$(( OTHERS - 2 )) # the server and the fixed-bytes endpoint

log "load: $CONNECTIONS connections, $THREADS threads, $DURATION each"
run_wrk nginx-node "http://127.0.0.1:$NGINX_PORT" "$WORK/node-id.paths"
run_wrk kestrel-fixed "http://127.0.0.1:$FIXED_PORT" "$WORK/node-id.paths"
kill "$FIXED_PID"; FIXED_PID=""
kill -QUIT "$NGINX_PID"; NGINX_PID=""
for scenario in node-id node-title root taxonomy featured popular search search-facets; do
  run_wrk "$scenario" "$BASE" "$WORK/$scenario.paths"
done
run_wrk mixed "$BASE" "$WORK/mixed.paths" sequence

HWM=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status")
echo "{\"hwm_kb\": $HWM, \"peak_rss_kb\": $(cat "$WORK/peak_rss_kb" 2>/dev/null || echo 0)}" >"$RESULTS/memory.json"
cat "$RESULTS/memory.json"

log "publisher approval to searchable"
dotnet "$BENCH_DLL" approval --base "$BASE" --out "$RESULTS/approval.json"

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
# The load average before the load phase includes this run's own build, import and index rebuild, so
# only other sessions' builds and tests make the machine "loaded".
if [ "$OTHERS" -le 0 ]; then
  STATE="quiet: no other build or test running; load average $LOAD_BEFORE before the load phase (this run's own import and index build included)"
else
  STATE="loaded: $OTHERS other dotnet processes (builds or tests of other sessions) running, load average $LOAD_BEFORE before the load phase; figures are noisy"
fi
cat >"$RESULTS/environment.json" <<EOF
{"command": "bench/run.sh --size $SIZE", "finished": "$(date -u '+%Y-%m-%d %H:%M UTC')",
 "wrk_version": "$(wrk -v 2>&1 | head -1 | awk '{print $2}')", "connections": "$CONNECTIONS", "threads": "$THREADS",
 "duration": "$DURATION", "machine_state": "$STATE (after: $LOAD_AFTER)"}
EOF

if [ "$REPORT" = 1 ]; then
  dotnet "$BENCH_DLL" report --results "$RESULTS" --out "$REPO/BENCHMARKS.md"
fi
log "done: results in $RESULTS"
