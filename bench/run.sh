#!/usr/bin/env bash
# Benchmark of the Key sales info action against a baseline measured in the same run.
#
# Starts Payara Micro with the application WAR (H2 file, RECORDS x INSIGHTS benchmark data) and a baseline WAR
# built from test sources that answers a constant JSON body of the same size (a real answer of the action), then
# drives both with wrk at each concurrency, alternating, RUNS times, and prints the medians and the ratios.
#
#   bash bench/run.sh                      # defaults below
#   RUNS=5 DURATION=20s CONCURRENCY="1 16 64" bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${RECORDS:-10000}
INSIGHTS=${INSIGHTS:-10}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
CONCURRENCY=${CONCURRENCY:-"1 8 32"}
THREADS=${THREADS:-2}
PORT=${PORT:-18080}
WORK=target/bench

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi

echo "== building the WAR, the test classes and the baseline WAR"
mvn -B -ntp -q package -DskipTests
mvn -B -ntp -q dependency:copy -Dartifact=com.h2database:h2:2.2.224 -DoutputDirectory="$WORK" -Dmdep.stripVersion=true
rm -rf "$WORK/data" "$WORK/baseline"
mkdir -p "$WORK/data" "$WORK/baseline/WEB-INF/classes/org/salesinsights/bench"
cp target/test-classes/org/salesinsights/bench/*.class "$WORK/baseline/WEB-INF/classes/org/salesinsights/bench/"
(cd "$WORK/baseline" && jar cf ../baseline.war .)

echo "== loading $RECORDS records x $INSIGHTS insights"
java -cp "$WORK/h2.jar:target/postgresql.jar" bench/LoadBenchData.java "jdbc:h2:file:$PWD/$WORK/data/insights" \
  src/main/resources/db/migration/V1__schema.sql "$RECORDS" "$INSIGHTS"

echo "== starting Payara Micro on port $PORT"
java -Dinsights.data.dir="$PWD/$WORK/data" -Dinsights.demo.enabled=true -Dbench.constant="$PWD/$WORK/constant.json" \
  -jar target/payara-micro.jar --nocluster --port "$PORT" \
  --prebootcommandfile server-config/payara/pre-boot-micro.asadmin \
  --postbootcommandfile server-config/payara/post-boot-embedded.asadmin \
  --deploy target/sales-insights.war --deploy "$WORK/baseline.war" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT

APP="/sales-insights/api/v1/opportunity-insights"
BASE="/baseline/api/v1/opportunity-insights"
SAMPLE="?recordType=opportunity&recordId=00000000-0000-4000-8000-000000000001&crmType=Dynamics365&top=5"
# Demo mode signs the benchmark in: a token of the benchmark tenant (LoadBenchData.java) from the demo key.
TOKEN_URL="http://127.0.0.1:$PORT/sales-insights/api/demo/token?tenantId=be0c0000-0000-4000-a000-000000000009"
for _ in $(seq 1 120); do
  if BENCH_TOKEN=$(curl -sf -H 'Accept: application/json' "$TOKEN_URL" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p') \
     && [ -n "$BENCH_TOKEN" ] \
     && curl -sf -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" "http://127.0.0.1:$PORT$APP$SAMPLE"; then break; fi
  kill -0 $SERVER 2>/dev/null || { echo "the server died, see $WORK/server.log"; exit 1; }
  sleep 1
done
export BENCH_TOKEN
curl -sf -H "Authorization: Bearer $BENCH_TOKEN" "http://127.0.0.1:$PORT$APP$SAMPLE" > "$WORK/constant.json"
curl -sf "http://127.0.0.1:$PORT$BASE$SAMPLE" | cmp -s - "$WORK/constant.json" || { echo "baseline differs from the action's answer"; exit 1; }
echo "answer size: $(wc -c < "$WORK/constant.json") bytes (action and baseline)"

export BENCH_RECORDS=$RECORDS
run_wrk() { # path connections duration -> "rps p50_ms p99_ms"
  local threads=$THREADS
  if [ "$2" -lt "$threads" ]; then threads=$2; fi
  BENCH_PATH=$1 wrk -t"$threads" -c"$2" -d"$3" --latency -s bench/random-record.lua "http://127.0.0.1:$PORT" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { bad = $4 }
    END { if (bad > 0) { print "non-2xx answers: " bad > "/dev/stderr"; exit 1 } printf "%s %.3f %.3f\n", rps, p50, p99 }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== warming up"
run_wrk "$APP" 8 20s >/dev/null
run_wrk "$BASE" 8 20s >/dev/null

printf '\n%-6s | %-32s | %-32s | %s\n' "conns" "action: req/s  p50 ms  p99 ms" "baseline: req/s  p50 ms  p99 ms" "ratio req/s (action/baseline)"
for c in $CONCURRENCY; do
  : > "$WORK/app.$c"; : > "$WORK/base.$c"
  for _ in $(seq 1 "$RUNS"); do
    run_wrk "$APP" "$c" "$DURATION" >> "$WORK/app.$c"
    run_wrk "$BASE" "$c" "$DURATION" >> "$WORK/base.$c"
  done
  a_rps=$(cut -d' ' -f1 "$WORK/app.$c" | median); a50=$(cut -d' ' -f2 "$WORK/app.$c" | median); a99=$(cut -d' ' -f3 "$WORK/app.$c" | median)
  b_rps=$(cut -d' ' -f1 "$WORK/base.$c" | median); b50=$(cut -d' ' -f2 "$WORK/base.$c" | median); b99=$(cut -d' ' -f3 "$WORK/base.$c" | median)
  printf '%-6s | %9.0f %8.2f %8.2f         | %9.0f %8.2f %8.2f           | %.2f\n' "$c" "$a_rps" "$a50" "$a99" "$b_rps" "$b50" "$b99" \
    "$(awk -v a="$a_rps" -v b="$b_rps" 'BEGIN { print a / b }')"
done
echo "(medians of $RUNS runs of $DURATION each, wrk -t$THREADS; raw figures in $WORK/app.* and $WORK/base.*)"
