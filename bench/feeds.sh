#!/usr/bin/env bash
# Benchmark of the feed API (issue 14, point 6): feeds FEED_RECORDS x FEED_INSIGHTS insights (100k by default, 3
# properties each) through POST /api/feed/v1/batches, BATCH items a call and FEEDERS calls in flight (1: one after
# the other; on 2 cores a second starves the reads), into one Payara Micro on the machine's
# PostgreSQL, and holds the rate to loading the same rows with bench/LoadBenchData.java (COPY, the raw JDBC rate)
# in the same run. Reads of the Key sales info action go on meanwhile at READ_RATE calls a second (fixed rate) on a
# data set of READ_RECORDS x 10 insights; their p50 and p99 are reported. RUNS rounds, each a fresh raw load and a
# feed of new records into the same database (what a round fed is deleted before the next); medians at the end.
# Goal: feed / raw >= 0.25 with the reads' p99 under 100 ms.
#
#   bash bench/feeds.sh                                          # 100k insights, 3 rounds
#   FEED_RECORDS=1000 RUNS=1 bash bench/feeds.sh                 # a quick check of the script (figures indicative)
#   PROFILE=1 RUNS=1 bash bench/feeds.sh                         # a JFR recording of the server during round 1
#   FEEDERS=2 bash bench/feeds.sh                                # two batches in flight (a feeder's workers)
#
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth); recreates the databases bench_feeds and bench_feeds_raw.
# Exits 1 if any item was not created or a read failed: such figures do not count.
set -euo pipefail
cd "$(dirname "$0")/.."

FEED_RECORDS=${FEED_RECORDS:-10000}
FEED_INSIGHTS=${FEED_INSIGHTS:-10}
BATCH=${BATCH:-1000}
RUNS=${RUNS:-3}
READ_RATE=${READ_RATE:-50}
READ_RECORDS=${READ_RECORDS:-10000}
FEEDERS=${FEEDERS:-1}
PORT=${PORT:-18380}
PROFILE=${PROFILE:-0}
WORK=target/bench-feeds
APP_ID=be0cfeed-0000-4000-a000-000000000001   # the benchmark's feeder application
TENANT=be0c0000-0000-4000-a000-000000000009   # LoadBenchData.java's tenant, which owns bench.crm.dynamics.com
PARTNER=5a1e5000-0000-4000-a000-000000000004  # demo mode's partner tenant: its admins curate the registry
mkdir -p "$WORK"

echo "== building the WAR"
mvn -B -ntp -q package -DskipTests

psql_admin() { psql -qtA -h 127.0.0.1 -U postgres -d postgres "$@"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
RAW="$WORK/raw.tsv"; : > "$RAW"   # run raw_insights_per_s feed_insights_per_s feed_s reads p50_ms p99_ms read_errors

raw_load() { # -> insights/s of LoadBenchData's rows (COPY, committed) into a fresh database
  psql_admin -c "DROP DATABASE IF EXISTS bench_feeds_raw WITH (FORCE)" -c "CREATE DATABASE bench_feeds_raw"
  java -cp target/postgresql.jar bench/LoadBenchData.java "jdbc:postgresql://127.0.0.1:5432/bench_feeds_raw?user=postgres" \
    src/main/resources/db/migration/V1__schema.sql "$FEED_RECORDS" "$FEED_INSIGHTS" \
    | awk '/^rows_result/ { printf "%.0f\n", $2 / $3 }'
}

echo "== the read data set: $READ_RECORDS records x 10 insights in bench_feeds"
RECORDS=$READ_RECORDS INSIGHTS=10 PG_DATABASE=bench_feeds KEEP_DATA=0
# shellcheck source=bench/postgresql-data.sh
source bench/postgresql-data.sh
load_postgresql_data

echo "== starting Payara Micro on port $PORT"
jvm=(-Dinsights.demo.enabled=true)
# deep application-server stacks: keep whole stacks so that the profile sees who called what
[ "$PROFILE" = 1 ] && jvm+=(-XX:FlightRecorderOptions:stackdepth=256)
java "${jvm[@]}" -Dinsights.signin.admin-tenant-ids=$PARTNER -jar target/payara-micro.jar --nocluster --port "$PORT" \
  --prebootcommandfile server-config/payara/pre-boot-micro.asadmin --addlibs target/postgresql.jar \
  --postbootcommandfile server-config/payara/postgresql-datasource.asadmin \
  --deploy target/sales-insights.war --contextroot / > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
token() { curl -sf -H 'Accept: application/json' "$BASE/api/demo/token?$1" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'; }
for _ in $(seq 1 180); do
  if READER=$(token "tenantId=$TENANT") && [ -n "$READER" ]; then break; fi
  kill -0 $SERVER 2>/dev/null || { echo "the server died, see $WORK/server.log"; exit 1; }
  sleep 1
done
[ -n "${READER:-}" ] || { echo "the server did not come up, see $WORK/server.log"; exit 1; }

# statistics for the columns the server's migrations added to the loaded data (the feed's): in service autovacuum
# gathers them once a tenth of the table changed; without them PostgreSQL plans the first feeds' lookups blind
psql -qtA -h 127.0.0.1 -U postgres -d bench_feeds -c "ANALYZE" >/dev/null
echo "== listing the benchmark's feeder in its tenant (the registry's PUT, as a curator of the partner)"
ADMIN=$(token "tenantId=$PARTNER&role=Insights.Admin")
ETAG=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $ADMIN" "$BASE/api/admin/v1/tenants/$TENANT" \
  | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
curl -sf -o /dev/null -X PUT "$BASE/api/admin/v1/tenants/$TENANT" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/json' -H "If-Match: $ETAG" \
  -d '{"displayName": "Benchmark", "organizations": [{"crmType": "Dynamics 365", "orgUrl": "bench.crm.dynamics.com"}],
       "feeders": [{"appId": "'"$APP_ID"'", "name": "Benchmark feeder"}]}'
FEEDER=$(token "tenantId=$TENANT&app=$APP_ID")

psql_feeds() { psql -qtA -h 127.0.0.1 -U postgres -d bench_feeds "$@"; }
# Every round feeds into the same database: the read data set and nothing else. What a round fed is deleted after it
# (by id: every id it took is above the marks taken before the first feed) and its space made free again, so that the
# rounds are alike and their median means something. Left in, round 3 fed into three times the rows with the same
# 128 MB of shared buffers, and its rate fell by a third (0.32, 0.23, 0.17 of COPY in one run). The warm-up is a round
# like the others, forgotten too: with a warm-up of a tenth of a round, round 1 was the only one that fed into tables
# that grew (the others reused the space the round before them freed) and still ran code not yet compiled
# (0.23, 0.31, 0.44 in one run).
INSIGHT_MARK=$(psql_feeds -c "SELECT COALESCE(MAX(id), 0) FROM insight")
RECORD_MARK=$(psql_feeds -c "SELECT COALESCE(MAX(id), 0) FROM crm_record")

echo "== warming up: a round's feed, not measured (records apart from the measured ones)"
java bench/FeedBench.java "$BASE" "$FEEDER" "$READER" 900000 "$FEED_RECORDS" "$FEED_INSIGHTS" "$BATCH" "$READ_RATE" \
  "$READ_RECORDS" "$FEEDERS" >/dev/null

forget_round() {
  psql_feeds -c "DELETE FROM insight_property WHERE insight_id > $INSIGHT_MARK" \
    -c "DELETE FROM insight_change WHERE insight_id > $INSIGHT_MARK" -c "DELETE FROM insight WHERE id > $INSIGHT_MARK" \
    -c "DELETE FROM crm_record WHERE id > $RECORD_MARK"
  psql_feeds -c "VACUUM ANALYZE insight_property" -c "VACUUM ANALYZE insight_change" -c "VACUUM ANALYZE insight" \
    -c "VACUUM ANALYZE crm_record" -c "VACUUM ANALYZE change_log"
}

for run in $(seq 1 "$RUNS"); do
  forget_round
  # each round starts after a checkpoint, for the raw load and the feed alike: the first change of every page after one
  # writes the whole page to the WAL, and a checkpoint that fell inside one round only would weigh on it alone
  psql_admin -c "CHECKPOINT"
  raw=$(raw_load)
  psql_admin -c "CHECKPOINT"
  [ "$PROFILE" = 1 ] && [ "$run" = 1 ] && jcmd $SERVER JFR.start name=feed settings=profile filename="$PWD/$WORK/feed.jfr" >/dev/null
  result=$(java bench/FeedBench.java "$BASE" "$FEEDER" "$READER" $((run * 1000000)) "$FEED_RECORDS" \
    "$FEED_INSIGHTS" "$BATCH" "$READ_RATE" "$READ_RECORDS" "$FEEDERS" | sed -n 's/^feed_result //p')
  [ -n "$result" ] || { echo "the feed gave no result"; exit 1; }
  if [ "$PROFILE" = 1 ] && [ "$run" = 1 ]; then
    jcmd $SERVER JFR.stop name=feed >/dev/null
    java bench/ProfileSummary.java "$WORK/feed.jfr" 15 > "$WORK/feed-profile.txt"
    echo "   profile of round 1: $WORK/feed-profile.txt ($WORK/feed.jfr)"
  fi
  printf '%s\t%s\t%s\n' "$run" "$raw" "$(tr ' ' '\t' <<< "$result")" >> "$RAW"
  echo "   round $run: raw $raw insights/s, feed $(cut -d' ' -f1 <<< "$result") insights/s"
done

col() { cut -f"$1" "$RAW"; }
errors=$(col 8 | paste -sd+ | bc)
echo
echo "Feed API vs COPY (bench/LoadBenchData.java), $((FEED_RECORDS * FEED_INSIGHTS)) insights a round in batches of $BATCH"
echo "($FEEDERS in flight),"
echo "$(nproc) cores, PostgreSQL $(psql_admin -c 'SHOW server_version' | cut -d' ' -f1); reads at $READ_RATE/s meanwhile"
echo
echo "| round | COPY insights/s | feed insights/s | feed / COPY | feed s | reads | read p50 ms | read p99 ms | read errors |"
echo "|---|---|---|---|---|---|---|---|---|"
awk -F'\t' '{ printf "| %s | %s | %s | %.2f | %s | %s | %s | %s | %s |\n", $1, $2, $3, $3 / $2, $4, $5, $6, $7, $8 }' "$RAW"
ratio=$(awk -F'\t' '{ print $3 / $2 }' "$RAW" | median)
p99=$(col 7 | median)
printf '| median | %s | %s | **%.2f** | %s | | %s | **%s** | %s |\n' "$(col 2 | median)" "$(col 3 | median)" "$ratio" \
  "$(col 4 | median)" "$(col 6 | median)" "$p99" "$errors"
echo
awk -v r="$ratio" -v p="$p99" 'BEGIN { printf "Goal: feed / COPY >= 0.25 (%s), reads p99 < 100 ms (%s)\n",
  (r >= 0.25 ? "met" : "NOT met"), (p < 100 ? "met" : "NOT met") }'
[ "$errors" = 0 ] || { echo "reads failed: the figures do not count"; exit 1; }
