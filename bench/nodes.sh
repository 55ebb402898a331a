#!/usr/bin/env bash
# One node against two behind nginx (issue 13, part 4): what a second node adds to the Key sales info action.
#
# Starts two Payara Micro nodes with the same WAR on the same PostgreSQL data (bench_insights, as bench/run.sh loads
# it: kept when a finished load of the same size is there, loaded if not), in demo mode with one shared demo signing
# key, and nginx (Debian's binary, its own prefix under target/bench-nodes/) with two routes: one whose upstream is
# node 1 alone, one whose upstream is both nodes (server-config/nginx/sales-insights-upstream.conf with these
# nodes' addresses). Node 1 also serves the constant baseline WAR (bench/run.sh's), through the one-node route.
# Under the warm load (random records among the first WARM_RECORDS) at CONNECTIONS connections, it alternates the
# constant through nginx to node 1, the action through nginx to node 1, and the action through nginx to both nodes,
# RUNS times, and prints a Markdown table of the medians, the ratios, and the CPU each process took.
#
#   bash bench/nodes.sh                                 # 100k records x 10 insights (1M), 3 rounds of 10 s
#   RECORDS=2000 DURATION=3s RUNS=1 WARMUP=3s PG_DATABASE=bench_nodes_check bash bench/nodes.sh  # a check
#
# Exits 1 if any request failed (an answer outside 2xx or a socket error): such figures do not count.
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${RECORDS:-100000}
INSIGHTS=${INSIGHTS:-10}
WARM_RECORDS=${WARM_RECORDS:-1000}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-18090}
SERVER_OPTS=${SERVER_OPTS:-}
KEEP_DATA=${KEEP_DATA:-1}
PG_DATABASE=${PG_DATABASE:-bench_insights}
WORK=target/bench-nodes
# nginx: PORT to node 1 alone, PORT+1 to both nodes; the nodes themselves on PORT+2 and PORT+3
ONE_PORT=$PORT TWO_PORT=$((PORT + 1)) NODE1_PORT=$((PORT + 2)) NODE2_PORT=$((PORT + 3))
[ "$WARM_RECORDS" -le "$RECORDS" ] || WARM_RECORDS=$RECORDS

for tool in wrk nginx; do
  if ! command -v "$tool" >/dev/null && ! [ -x "/usr/sbin/$tool" ]; then
    echo "installing $tool (Debian package)"
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
    else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null; fi
  fi
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

echo "== building the WAR, the test classes and the constant's baseline WAR"
mvn -B -ntp -q package -DskipTests
rm -rf "$WORK"; mkdir -p "$WORK/baseline/WEB-INF/classes" "$WORK/nginx/logs" "$WORK/node1" "$WORK/node2"
# the constant alone: bench/run.sh's baseline application and constant resource, no part
(cd target/test-classes && cp --parents org/salesinsights/bench/BaselineApplication.class \
  org/salesinsights/bench/ConstantInsightsResource.class "$OLDPWD/$WORK/baseline/WEB-INF/classes/")
(cd "$WORK/baseline" && jar cf ../baseline.war .)

# shellcheck source=bench/postgresql-data.sh
source bench/postgresql-data.sh # the same load and KEEP_DATA mark as bench/run.sh
load_postgresql_data

# one demo key for both nodes (docs/sign-in.md: A demo cluster's shared key), or a token of one is refused by the other
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$WORK/demo-signing-key.pem" 2>/dev/null
chmod 600 "$WORK/demo-signing-key.pem"

NODES=()
NGINX_PID=
stop_all() {
  [ -z "$NGINX_PID" ] || { kill "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID" 2>/dev/null || true; }
  for pid in "${NODES[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done
}
trap stop_all EXIT

APP="/sales-insights/api/v1/opportunity-insights"
BASE="/baseline/api/v1/opportunity-insights"
QUERY="?recordType=opportunity&recordId=00000000-0000-4000-8000-000000000001&crmType=Dynamics365&top=5"
# the benchmark tenant's demo token (LoadBenchData.java); either node's desk signs with the shared key
demo_token() {
  curl -sf -H 'Accept: application/json' \
    "http://127.0.0.1:$1/sales-insights/api/demo/token?tenantId=be0c0000-0000-4000-a000-000000000009" |
    sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'
}
start_node() { # number port wars... -> starts it and waits until it answers the action
  local n=$1 port=$2 token; shift 2
  echo "== starting node $n (Payara Micro) on port $port"
  # shellcheck disable=SC2086 # SERVER_OPTS is a list of JVM options
  java $SERVER_OPTS -Dinsights.data.dir="$PWD/$WORK/node$n" -Dinsights.demo.enabled=true \
    -Dinsights.demo.signing-key-file="$PWD/$WORK/demo-signing-key.pem" -Dbench.constant="$PWD/$WORK/constant.json" \
    -jar target/payara-micro.jar --nocluster --port "$port" \
    --prebootcommandfile server-config/payara/pre-boot-micro.asadmin \
    --addlibs target/postgresql.jar --postbootcommandfile server-config/payara/postgresql-datasource.asadmin \
    "$@" > "$WORK/node$n.log" 2>&1 &
  NODES+=($!)
  for _ in $(seq 1 240); do
    if token=$(demo_token "$port") && [ -n "$token" ] \
       && curl -sf -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port$APP$QUERY"; then return; fi
    kill -0 "${NODES[-1]}" 2>/dev/null || { echo "node $n died, see $WORK/node$n.log"; exit 1; }
    sleep 1
  done
  echo "node $n did not answer within 4 minutes, see $WORK/node$n.log"; exit 1
}
# one after the other: two starts at once would take the machine from whoever else measures on it
start_node 1 "$NODE1_PORT" --deploy target/sales-insights.war --deploy "$WORK/baseline.war"
start_node 2 "$NODE2_PORT" --deploy target/sales-insights.war

replaced_once() { # text, then pairs of from and to -> the text with each from, found exactly once, replaced
  local text=$1 from to rest; shift
  while [ $# -gt 0 ]; do
    from=$1 to=$2; shift 2
    rest=${text#*"$from"}
    { [ "$rest" != "$text" ] && [[ "$rest" != *"$from"* ]]; } \
      || { echo "expected once in server-config/nginx/sales-insights-upstream.conf: $from" >&2; return 1; }
    text=${text/"$from"/"$to"}
  done
  printf '%s\n' "$text"
}
# The upstream file as it is, with these nodes' addresses (its passive health checks and keepalive included), once
# for both nodes and once, renamed, for node 1 alone. Not the public file sales-insights.conf: its TLS would add
# the handshake's cost to a comparison of nodes, and its allowance of 10 requests a second per sign-in would answer
# the benchmark's one token with 429. The proxy settings that matter for throughput (HTTP/1.1 and kept-alive
# connections to the nodes) are the public file's.
upstream=$(<server-config/nginx/sales-insights-upstream.conf)
replaced_once "$upstream" "server 10.0.0.11:8080 " "server 127.0.0.1:$NODE1_PORT " \
  "server 10.0.0.12:8080 " "server 127.0.0.1:$NODE2_PORT " > "$WORK/nginx/upstream-two.conf"
replaced_once "$upstream" "upstream sales_insights {" "upstream sales_insights_one {" \
  "zone sales_insights_nodes " "zone sales_insights_one " "server 10.0.0.11:8080 " "server 127.0.0.1:$NODE1_PORT " \
  "server 10.0.0.12:8080 " "# node 2 left out: " > "$WORK/nginx/upstream-one.conf"
prefix="$PWD/$WORK/nginx"
route() { # port upstream -> a server block passing everything to the upstream
  cat <<CONF
  server {
    listen 127.0.0.1:$1;
    location / {
      proxy_pass http://$2;
    }
  }
CONF
}
cat > "$prefix/nginx.conf" <<CONF
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log warn;
worker_processes auto; # as Debian's nginx.conf: one worker per core
events {
  worker_connections 1024;
}
http {
  access_log $prefix/logs/access.log; # as a production nginx logs
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host \$host;
  proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
  include $prefix/upstream-one.conf;
  include $prefix/upstream-two.conf;
$(route "$ONE_PORT" sales_insights_one)
$(route "$TWO_PORT" sales_insights)
}
CONF
echo "== starting nginx: port $ONE_PORT to node 1, port $TWO_PORT to nodes 1 and 2"
"$NGINX" -p "$prefix/" -e "$prefix/logs/error.log" -c "$prefix/nginx.conf" -g 'daemon off;' \
  > "$prefix/logs/stdout.log" 2>&1 &
NGINX_PID=$!
for _ in $(seq 1 50); do
  curl -s -o /dev/null "http://127.0.0.1:$TWO_PORT/" && curl -s -o /dev/null "http://127.0.0.1:$ONE_PORT/" && break
  kill -0 "$NGINX_PID" 2>/dev/null || { echo "nginx died: $(cat "$prefix/logs/error.log")"; exit 1; }
  sleep 0.2
done
curl -s -o /dev/null "http://127.0.0.1:$TWO_PORT/" || { echo "nginx did not start, see $prefix/logs/"; exit 1; }

BENCH_TOKEN=$(demo_token "$NODE1_PORT")
export BENCH_TOKEN
fetch() { # url -> the answer, with the headers wrk sends (random-record.lua)
  curl -sf -H 'x-ms-user-agent: bench' -H 'Accept: application/json' -H "Authorization: Bearer $BENCH_TOKEN" "$1"; }
fetch "http://127.0.0.1:$ONE_PORT$APP$QUERY" > "$WORK/constant.json" || { echo "no answer through nginx"; exit 1; }
grep -q '"title"' "$WORK/constant.json" || { echo "the action's answer holds no insight: was the data loaded?"; exit 1; }
# node 2 takes node 1's token and answers the same bytes; the constant is them byte for byte
fetch "http://127.0.0.1:$NODE2_PORT$APP$QUERY" | cmp -s - "$WORK/constant.json" \
  || { echo "node 2 answers otherwise than node 1 (or refused node 1's token)"; exit 1; }
fetch "http://127.0.0.1:$ONE_PORT$BASE$QUERY" | cmp -s - "$WORK/constant.json" \
  || { echo "the constant's answer differs from the action's"; exit 1; }
echo "answer: $(wc -c < "$WORK/constant.json") bytes for record 1, the constant's"

declare -A ROUTE_PORT=([constant]=$ONE_PORT [one]=$ONE_PORT [two]=$TWO_PORT)
declare -A ROUTE_PATH=([constant]=$BASE [one]=$APP [two]=$APP)
ROUTES="constant one two"
NGINX_PIDS=("$NGINX_PID")
mapfile -t -O 1 NGINX_PIDS < <(pgrep -P "$NGINX_PID")
TICKS=$(getconf CLK_TCK)
cpu_ticks() { # pids... -> their CPU time so far (user + system), in clock ticks; a pid gone counts nothing
  local n=0 pid stat
  for pid in "$@"; do
    read -r -a stat 2>/dev/null < "/proc/$pid/stat" || continue
    n=$((n + stat[13] + stat[14]))
  done
  echo "$n"
}
# PostgreSQL's share: the backends connected to this database (the nodes' pools), not other databases' work
postgres_pids() { psql_admin -c "SELECT pid FROM pg_stat_activity WHERE datname = '$PG_DATABASE'"; }
TIMEFORMAT='%3U %3S' # bash's time: wrk's own CPU
run_wrk() { # route records connections duration -> "rps p50 p99 not_2xx socket_errors" then the CPU in cores of
  # node 1, node 2, nginx, wrk and PostgreSQL's backends over the run
  local threads=$THREADS before=() after=() start end pg wrk_cpu i
  [ "$3" -ge "$threads" ] || threads=$3
  mapfile -t pg < <(postgres_pids)
  for i in "${NODES[0]}" "${NODES[1]}"; do before+=("$(cpu_ticks "$i")"); done
  before+=("$(cpu_ticks "${NGINX_PIDS[@]}")" "$(cpu_ticks "${pg[@]}")")
  start=$(date +%s%N)
  { time BENCH_PATH=${ROUTE_PATH[$1]} BENCH_RECORDS=$2 wrk -t"$threads" -c"$3" -d"$4" -s bench/random-record.lua \
      "http://127.0.0.1:${ROUTE_PORT[$1]}" > "$WORK/wrk.out"; } 2> "$WORK/wrk.time"
  end=$(date +%s%N)
  for i in "${NODES[0]}" "${NODES[1]}"; do after+=("$(cpu_ticks "$i")"); done
  after+=("$(cpu_ticks "${NGINX_PIDS[@]}")" "$(cpu_ticks "${pg[@]}")")
  wrk_cpu=$(tail -n 1 "$WORK/wrk.time" | awk '{ print $1 + $2 }')
  printf '%s' "$(sed -n 's/^bench_result //p' "$WORK/wrk.out")"
  awk -v t="$TICKS" -v s="$(( (end - start) / 1000000 ))" -v w="$wrk_cpu" \
    -v n1="$(( after[0] - before[0] ))" -v n2="$(( after[1] - before[1] ))" -v x="$(( after[2] - before[2] ))" \
    -v p="$(( after[3] - before[3] ))" \
    'BEGIN { s /= 1000; printf " %.2f %.2f %.2f %.2f %.2f\n", n1 / t / s, n2 / t / s, x / t / s, w / s, p / t / s }'
}

# The JIT first, on records among all, then the warm load's own records (each node's read cache holds its own). The
# two-node route twice as long: each node gets half of it, and node 2 gets nothing else, where node 1 also has the
# one-node route's warm-up; a node still compiling would count against the second node.
echo "== warming up: $WARMUP per route (twice that for both nodes), 8 connections, random records among all, then" \
  "among the first $WARM_RECORDS"
for records in "$RECORDS" "$WARM_RECORDS"; do
  for route in $ROUTES; do
    run_wrk "$route" "$records" 8 "$WARMUP" >/dev/null
    [ "$route" != two ] || run_wrk "$route" "$records" 8 "$WARMUP" >/dev/null
  done
done
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# raw.tsv: one line per wrk run; columns: run route rps p50_ms p99_ms not_2xx socket_errors, then the CPU (cores) of
# node1 node2 nginx wrk postgresql
RAW="$WORK/raw.tsv"; : > "$RAW"
for run in $(seq 1 "$RUNS"); do
  BENCH_TOKEN=$(demo_token "$NODE1_PORT"); [ -n "$BENCH_TOKEN" ] || { echo "no demo token"; exit 1; }
  for route in $ROUTES; do
    result=$(run_wrk "$route" "$WARM_RECORDS" "$CONNECTIONS" "$DURATION")
    [ "$(wc -w <<< "$result")" = 10 ] || { echo "wrk gave no result for $route"; exit 1; }
    printf '%s\t%s\t%s\n' "$run" "$route" "$(tr ' ' '\t' <<< "$result")" >> "$RAW"
  done
  echo "   round $run: done"
done

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
fmt() { awk -v v="$1" -v d="$2" 'BEGIN { if (v == "nan") print "-"; else printf "%." d "f", v }'; }
ms() { awk -v v="$1" 'BEGIN { if (v == "nan") print "-"; else if (v >= 10) printf "%.0f", v; else printf "%.1f", v }'; }
col() { awk -F'\t' -v r="$1" -v k="$2" '$2 == r { print $k }' "$RAW" | median; } # route column -> median
ratio() { # route other -> the median of each round's ratio of the route's req/s to the other's
  awk -F'\t' -v a="$1" -v b="$2" '{ rps[$1, $2] = $3; runs[$1] = 1 }
    END { for (r in runs) if (rps[r, b] > 0) print rps[r, a] / rps[r, b] }' "$RAW" | median; }
per_node_core() { # route -> the median of each round's req/s per core the nodes took
  awk -F'\t' -v r="$1" '$2 == r && $8 + $9 > 0 { print $3 / ($8 + $9) }' "$RAW" | median; }
errors=$(awk -F'\t' '{ n += $6 + $7 } END { print n + 0 }' "$RAW")
declare -A LABEL=([constant]="constant, nginx to node 1" [one]="action, nginx to node 1" \
  [two]="action, nginx to nodes 1 and 2")
echo
echo "| route | req/s | p50 / p99 ms | / constant | CPU cores: node 1 / node 2 / nginx / wrk / PostgreSQL | req/s per node core |"
echo "|---|---|---|---|---|---|"
for route in $ROUTES; do
  echo "| ${LABEL[$route]} | $(fmt "$(col "$route" 3)" 0) | $(ms "$(col "$route" 4)") / $(ms "$(col "$route" 5)")" \
    "| $(fmt "$(ratio "$route" constant)" 2)" \
    "| $(fmt "$(col "$route" 8)" 2) / $(fmt "$(col "$route" 9)" 2) / $(fmt "$(col "$route" 10)" 2) / $(fmt "$(col "$route" 11)" 2) / $(fmt "$(col "$route" 12)" 2)" \
    "| $(fmt "$(per_node_core "$route")" 0) |"
done
echo
payara=$(grep -o -m1 'Payara Micro [0-9][0-9.]*' "$WORK/node1.log" | cut -d' ' -f3 || true)
echo "Two nodes / one node: $(fmt "$(ratio two one)" 2) (median of each round's ratio); errors $errors (must be 0)."
ours() { awk -F'\t' -v r="$1" '$2 == r { print $8 + $9 + $10 + $11 + $12 }' "$RAW" | median; }
# what the measured processes took of the machine: well under its cores means other work had the rest
echo "These processes took $(fmt "$(ours one)" 2) (one node) and $(fmt "$(ours two)" 2) (two nodes) of the" \
  "$(nproc) cores; the rest was idle or went to other work on the machine."
echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores shared by both nodes, nginx ($("$NGINX" -v 2>&1 | cut -d/ -f2)," \
  "$(( ${#NGINX_PIDS[@]} - 1 )) workers), wrk and PostgreSQL (load average before the rounds $LOAD_BEFORE): Payara Micro" \
  "${payara:-?}, Java $(java -version 2>&1 | sed -n '1s/.*"\(.*\)".*/\1/p'), PostgreSQL" \
  "$(psql_admin -c 'SHOW server_version' | cut -d' ' -f1) ($PG_DATABASE), $(printf "%'d" "$RECORDS") records x $INSIGHTS" \
  "insights. Warm load: random records among the first $(printf "%'d" "$WARM_RECORDS"), $CONNECTIONS connections" \
  "(wrk -t$THREADS). Medians of $RUNS alternating rounds of $DURATION per route, after $WARMUP per route of warm-up" \
  "(twice for both nodes) on all records and again on the warm ones. CPU: what each process took over the run, in cores (1.00 = one core" \
  "busy for the whole run); PostgreSQL = the backends connected to $PG_DATABASE."
if [ "$RUNS" -lt 3 ] || [ "${DURATION%s}" -lt 10 ] 2>/dev/null; then
  echo "Short settings (RUNS=$RUNS, DURATION=$DURATION): a check of the script, the figures are indicative only."
fi
echo "Raw figures: $RAW (columns: run route rps p50_ms p99_ms not_2xx socket_errors, CPU cores of node1 node2 nginx wrk postgresql)."
[ "$errors" = 0 ] || { echo "FAILED: $errors requests failed; these figures do not count"; exit 1; }
