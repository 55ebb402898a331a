#!/usr/bin/env bash
# Soak test (not CI): SECONDS (default 600) of mixed load at half the measured capacity on PostgreSQL, 90% reads of
# the two actions and 10% curator edits, against Payara Micro or WildFly in demo mode with the demo data. Reports the
# errors (must be 0), p50/p99, the heap after a full GC (growth must stay under 10%) and the database connections in use
# (no more at the end than at the start) and held by the pool (never past its maximum), at the start and at the end.
#
#   bash bench/soak.sh                      # Payara Micro, 600 s
#   SERVER=wildfly SECONDS_TOTAL=120 bash bench/soak.sh
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth) and psql; uses the database insights_soak (dropped and made anew).
set -euo pipefail
cd "$(dirname "$0")/.."

SERVER=${SERVER:-payara}
SECONDS_TOTAL=${SECONDS_TOTAL:-600}
PORT=${PORT:-18280}
WORK=target/soak
DB=insights_soak
PARTNER=5a1e5000-0000-4000-a000-000000000004
CONTOSO=c07050c0-0000-4000-a000-000000000001

rm -rf "$WORK"; mkdir -p "$WORK"
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
export INSIGHTS_DB_HOST=127.0.0.1 INSIGHTS_DB_PORT=5432 INSIGHTS_DB_NAME=$DB INSIGHTS_DB_USER=postgres \
       INSIGHTS_DB_PASSWORD=unused-with-trust-auth
demo=(-Dinsights.demo.enabled=true -Dinsights.seed.scripts=demo -Dinsights.signin.admin-tenant-ids=$PARTNER)

if [ "$SERVER" = wildfly ]; then
  echo "== building the WAR and a WildFly on PostgreSQL (target/server)"
  mvn -B -ntp -q package -DskipTests -Dserver=wildfly -Ppostgresql
  cp target/sales-insights.war target/server/standalone/deployments/ROOT.war
  offset=$((PORT - 8080))
  target/server/bin/standalone.sh -Djboss.socket.binding.port-offset=$offset "${demo[@]}" > "$WORK/server.log" 2>&1 &
  pid_of_server() { pgrep -f "jboss-modules.jar.*port-offset=$offset" | head -n 1; }
else
  echo "== building the WAR and Payara Micro"
  mvn -B -ntp -q package -DskipTests
  java -Xmx1g "${demo[@]}" -jar target/payara-micro.jar --nocluster --port "$PORT" --addlibs target/postgresql.jar \
    --prebootcommandfile server-config/payara/pre-boot-micro.asadmin \
    --postbootcommandfile server-config/payara/postgresql-datasource.asadmin \
    --deploy target/sales-insights.war --contextroot / > "$WORK/server.log" 2>&1 &
  pid_of_server() { echo "$SERVER_PID"; }
fi
SERVER_PID=$!
stop() { kill "$(pid_of_server)" 2>/dev/null || true; kill $SERVER_PID 2>/dev/null || true; wait $SERVER_PID 2>/dev/null || true; }
trap stop EXIT

BASE="http://127.0.0.1:$PORT/"
token() { curl -sf -H 'Accept: application/json' "${BASE}api/demo/token?tenantId=$1$2" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'; }
for _ in $(seq 1 240); do
  SELLER=$(token $CONTOSO '' 2>/dev/null || true)
  if [ -n "$SELLER" ] && curl -sf -o /dev/null -H "Authorization: Bearer $SELLER" \
       "${BASE}api/v1/opportunity-insights?recordType=opportunity&recordId=d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91"; then break; fi
  kill -0 $SERVER_PID 2>/dev/null || { echo "the server died, see $WORK/server.log"; exit 1; }
  sleep 1
done
CURATOR=$(token $PARTNER '&role=Insights.Admin')
# demo tokens live an hour: enough for a soak of up to 50 minutes
[ "$SECONDS_TOTAL" -le 3000 ] || { echo "SECONDS_TOTAL must stay under the demo token's hour"; exit 1; }

heap_after_gc_kb() { # the server's used heap right after a full collection
  local pid; pid=$(pid_of_server)
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -n 1
}
# the pool's connections to the database, and those of them in use (not idle): a leak keeps them in use
connections() { psql -tA -h 127.0.0.1 -U postgres -d postgres -c "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '$DB'"; }
in_use() { psql -tA -h 127.0.0.1 -U postgres -d postgres -c "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '$DB' AND state <> 'idle'"; }

echo "== warming up and measuring capacity (reads, 16 connections, 20 s)"
java bench/Soak.java "$BASE" "Bearer $SELLER" "Bearer $CURATOR" capacity 10 >/dev/null
capacity=$(java bench/Soak.java "$BASE" "Bearer $SELLER" "Bearer $CURATOR" capacity 20 | sed -n 's/capacity_rps=//p')
rate=$(awk -v c="$capacity" 'BEGIN { printf "%.0f", c / 2 }')
heap_start=$(heap_after_gc_kb); conns_start=$(connections); used_start=$(in_use)
echo "capacity: $capacity req/s; soaking at $rate req/s for $SECONDS_TOTAL s on $SERVER"
echo "start: heap after GC ${heap_start} KB, database connections $conns_start ($used_start in use)"

java bench/Soak.java "$BASE" "Bearer $SELLER" "Bearer $CURATOR" "$rate" "$SECONDS_TOTAL" | tee "$WORK/soak.out"

sleep 5 # the last answers are sent; what is still in use now is held
heap_end=$(heap_after_gc_kb); conns_end=$(connections); used_end=$(in_use)
echo "end:   heap after GC ${heap_end} KB, database connections $conns_end ($used_end in use)"
errors=$(sed -n 's/^requests=[0-9]* errors=\([0-9]*\).*/\1/p' "$WORK/soak.out")
# the pool may open connections up to its maximum under load (32) and keep them idle: that is not growth of use
awk -v hs="$heap_start" -v he="$heap_end" -v us="$used_start" -v ue="$used_end" -v ce="$conns_end" -v e="$errors" \
    -v s="$SERVER" 'BEGIN {
  hg = (he - hs) / hs * 100
  printf "RESULT %s: errors %d, heap growth %.1f%%, connections in use %d -> %d (pool %d, at most 32)\n", s, e, hg, us, ue, ce
  exit (e == 0 && hg < 10 && ue <= us && ce <= 32) ? 0 : 1 }'
