#!/usr/bin/env bash
# Benchmark of the Key sales info action against a constant baseline measured in the same run (issue 13, part 5).
#
# Starts one Payara Micro with the application WAR on H2 (default) or PostgreSQL, RECORDS x INSIGHTS benchmark data,
# and a baseline WAR built from test sources that answers a constant JSON body: a real answer of the action, byte for
# byte. Two loads: warm (random records among the first WARM_RECORDS, a sales team's working set) and cold (random
# among all records). For each load and concurrency it alternates the action and the constant (and the PARTS
# endpoints) RUNS times and prints a Markdown table of the medians and a closing note. A part whose mechanism applies
# to a whole WAR (security, requestlog) gets a baseline WAR of its own: the constant and that part.
#
#   bash bench/run.sh                                   # H2, 10k records x 10 insights
#   DB=postgresql bash bench/run.sh                     # PostgreSQL, 100k records x 10 insights (1M insights)
#   DB=postgresql KEEP_DATA=1 bash bench/run.sh         # again, on the data the last run loaded
#   PARTS="jsonb executor ejb security requestlog" PROFILE=1 bash bench/run.sh  # parts of the server's path, JFR profiles
#   RECORDS=2000 DURATION=3s RUNS=1 WARMUP=3s bash bench/run.sh   # a quick check of the script (figures indicative)
#
# Exits 1 if any request failed (an answer outside 2xx or a socket error): such figures do not count.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${DB:-h2}
case "$DB" in
  h2) RECORDS=${RECORDS:-10000} ;;
  postgresql) RECORDS=${RECORDS:-100000} ;;
  *) echo "DB must be h2 or postgresql"; exit 2 ;;
esac
INSIGHTS=${INSIGHTS:-10}
WARM_RECORDS=${WARM_RECORDS:-1000}
LOADS=${LOADS:-"warm cold"}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-20s}
CONCURRENCY=${CONCURRENCY:-"1 8 32"}
THREADS=${THREADS:-2}
PARTS=${PARTS:-}
PROFILE=${PROFILE:-0}
PORT=${PORT:-18080}
SERVER_OPTS=${SERVER_OPTS:-}
KEEP_DATA=${KEEP_DATA:-0}
PG_DATABASE=${PG_DATABASE:-bench_insights}
WORK=target/bench
[ "$WARM_RECORDS" -le "$RECORDS" ] || WARM_RECORDS=$RECORDS
KNOWN_PARTS="jsonb executor ejb security requestlog"
for part in $PARTS; do
  [[ " $KNOWN_PARTS " == *" $part "* ]] || { echo "unknown part '$part' (known: $KNOWN_PARTS)"; exit 2; }
done

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi

echo "== building the WAR, the test classes and the baseline WAR"
mvn -B -ntp -q package -DskipTests
mvn -B -ntp -q dependency:copy -Dartifact=com.h2database:h2:2.2.224 -DoutputDirectory="$WORK" -Dmdep.stripVersion=true
rm -rf "$WORK"/baseline* "$WORK/profile" "$WORK"/raw.*
mkdir -p "$WORK/baseline/WEB-INF/classes"
# the baseline's own classes, and of the application only the classes a part uses as it is (no resource, filter or
# provider of the application: those would change what the constant measures). JSON-B reflects on the records'
# factory methods, which name the entity classes: they are copied as plain classes (no persistence unit uses them).
(cd target/test-classes && cp --parents org/salesinsights/bench/*.class "$OLDPWD/$WORK/baseline/WEB-INF/classes/")
(cd target/classes && cp --parents org/salesinsights/insights/boundary/OpportunityInsightsPage.class \
  org/salesinsights/insights/boundary/OpportunityInsight.class org/salesinsights/insights/boundary/UtcDateTimeAdapter.class \
  org/salesinsights/insights/boundary/OrderedPropertiesSerializer.class org/salesinsights/platform/requests/Deadline.class \
  org/salesinsights/insights/entity/Insight.class org/salesinsights/insights/entity/InsightProperty.class \
  org/salesinsights/insights/entity/InsightTranslation.class \
  org/salesinsights/platform/requests/ActivityIds.class org/salesinsights/platform/errors/ErrorResponses.class \
  org/salesinsights/platform/errors/ErrorCode.class org/salesinsights/platform/errors/ApiError.class \
  "$OLDPWD/$WORK/baseline/WEB-INF/classes/")
(cd "$WORK/baseline" && jar cf ../baseline.war .)
part_war() { # part [application classes...] -> $WORK/baseline-<part>.war: the constant plus only that part
  local dir="$WORK/baseline-$1" part=$1; shift
  mkdir -p "$dir/WEB-INF/classes"
  (cd target/test-classes && cp --parents org/salesinsights/bench/BaselineApplication.class \
    org/salesinsights/bench/ConstantInsightsResource.class "$OLDPWD/$dir/WEB-INF/classes/")
  if [ -d "target/test-classes/org/salesinsights/bench/$part" ]; then
    (cd target/test-classes && cp --parents "org/salesinsights/bench/$part/"*.class "$OLDPWD/$dir/WEB-INF/classes/")
  fi
  [ $# = 0 ] || (cd target/classes && cp --parents "$@" "$OLDPWD/$dir/WEB-INF/classes/")
  (cd "$dir" && jar cf "../baseline-$part.war" .)
  part_wars+=(--deploy "$dir.war")
}
part_wars=()
for part in $PARTS; do
  case "$part" in
    # a Jakarta Security mechanism (bench/security/) signs in every request of its WAR
    security) part_war security ;;
    # the application's request filter as it is: its @WebFilter maps it to every path of the WAR under api/; with
    # the line for every successful read, which the application writes only when asked (insights.request-log.reads)
    requestlog) mkdir -p "$WORK/baseline-requestlog/WEB-INF/classes/META-INF"
      echo "insights.request-log.reads=true" > "$WORK/baseline-requestlog/WEB-INF/classes/META-INF/microprofile-config.properties"
      part_war requestlog org/salesinsights/platform/requests/RequestLogFilter.class \
      'org/salesinsights/platform/requests/RequestLogFilter$LogWhenDone.class' \
      org/salesinsights/platform/requests/ApiHeaders.class org/salesinsights/platform/requests/ActivityIds.class ;;
  esac
done

SCHEMA=src/main/resources/db/migration/V1__schema.sql
LOADER=(java -cp "$WORK/h2.jar:target/postgresql.jar" bench/LoadBenchData.java)
if [ "$DB" = postgresql ]; then
  # shellcheck source=bench/postgresql-data.sh
  source bench/postgresql-data.sh # the same load and KEEP_DATA mark as bench/nodes.sh
  load_postgresql_data
  database=(--addlibs target/postgresql.jar --postbootcommandfile server-config/payara/postgresql-datasource.asadmin)
  database_text="PostgreSQL $(psql_admin -c 'SHOW server_version' | cut -d' ' -f1) (127.0.0.1)"
else
  echo "== loading $RECORDS records x $INSIGHTS insights into H2"
  rm -rf "$WORK/data"; mkdir -p "$WORK/data"
  "${LOADER[@]}" "jdbc:h2:file:$PWD/$WORK/data/insights" "$SCHEMA" "$RECORDS" "$INSIGHTS"
  database=(--postbootcommandfile server-config/payara/post-boot-embedded.asadmin)
  database_text="H2 2.2.224 (file, in the server's JVM)"
fi

jvm=(-Dinsights.data.dir="$PWD/$WORK/data" -Dinsights.demo.enabled=true -Dbench.constant="$PWD/$WORK/constant.json")
# deep application-server stacks: keep whole stacks so that the profile sees who called what
[ "$PROFILE" = 1 ] && jvm+=(-XX:FlightRecorderOptions:stackdepth=256)
echo "== starting Payara Micro on port $PORT"
# shellcheck disable=SC2086 # SERVER_OPTS is a list of JVM options
java $SERVER_OPTS "${jvm[@]}" -jar target/payara-micro.jar --nocluster --port "$PORT" \
  --prebootcommandfile server-config/payara/pre-boot-micro.asadmin "${database[@]}" \
  --deploy target/sales-insights.war --deploy "$WORK/baseline.war" "${part_wars[@]}" > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT

APP="/sales-insights/api/v1/opportunity-insights"
BASE="/baseline/api/v1/opportunity-insights"
declare -A ENDPOINT=([action]=$APP [constant]=$BASE)
for part in $PARTS; do
  case "$part" in
    security|requestlog) ENDPOINT[$part]="/baseline-$part/api/v1/opportunity-insights" ;;
    *) ENDPOINT[$part]="/baseline/api/parts/$part/v1/opportunity-insights" ;;
  esac
done
QUERY="?recordType=opportunity&recordId=%s&crmType=Dynamics365&top=5"
record_id() { printf '00000000-0000-4000-8000-%012x' "$1"; }
# Demo mode signs the benchmark in: a token of the benchmark tenant (LoadBenchData.java) from the demo key.
TOKEN_URL="http://127.0.0.1:$PORT/sales-insights/api/demo/token?tenantId=be0c0000-0000-4000-a000-000000000009"
SAMPLE=$(printf "$QUERY" "$(record_id 1)")
demo_token() { curl -sf -H 'Accept: application/json' "$TOKEN_URL" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'; }
for _ in $(seq 1 180); do
  if BENCH_TOKEN=$(demo_token) && [ -n "$BENCH_TOKEN" ] \
     && curl -sf -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" "http://127.0.0.1:$PORT$APP$SAMPLE"; then break; fi
  kill -0 $SERVER 2>/dev/null || { echo "the server died, see $WORK/server.log"; exit 1; }
  sleep 1
done
export BENCH_TOKEN
action_answer() { curl -sf -H "Authorization: Bearer $BENCH_TOKEN" "http://127.0.0.1:$PORT$APP$(printf "$QUERY" "$(record_id "$1")")"; }
action_answer 1 > "$WORK/constant.json"
for endpoint in constant $PARTS; do # each baseline must answer the action's bytes, or its figure means nothing
  # with the headers wrk sends every endpoint (random-record.lua): the security part signs in on the token
  curl -sf -H 'x-ms-user-agent: bench' -H 'Accept: application/json' -H "Authorization: Bearer $BENCH_TOKEN" \
    "http://127.0.0.1:$PORT${ENDPOINT[$endpoint]}$SAMPLE" | cmp -s - "$WORK/constant.json" \
    || { echo "the $endpoint baseline's answer differs from the action's"; exit 1; }
done
last_size=$(action_answer "$RECORDS" | wc -c)
grep -q '"title"' "$WORK/constant.json" || { echo "the action's answer holds no insight: was the data loaded?"; exit 1; }
echo "answer: $(wc -c < "$WORK/constant.json") bytes for record 1, the baseline's; $last_size bytes for record $RECORDS"

SERVER_PID=$SERVER
run_wrk() { # load endpoint connections duration -> "rps p50_ms p99_ms not_2xx socket_errors"
  local threads=$THREADS records=$RECORDS
  [ "$3" -ge "$threads" ] || threads=$3
  [ "$1" = warm ] && records=$WARM_RECORDS
  BENCH_PATH=${ENDPOINT[$2]} BENCH_RECORDS=$records wrk -t"$threads" -c"$3" -d"$4" -s bench/random-record.lua \
    "http://127.0.0.1:$PORT" | sed -n 's/^bench_result //p'
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# raw.tsv: one line per wrk run; columns: load connections run endpoint rps p50_ms p99_ms not_2xx socket_errors
RAW="$WORK/raw.tsv"; : > "$RAW"
col() { # load connections endpoint column -> the column's values, one per run
  awk -F'\t' -v l="$1" -v c="$2" -v e="$3" -v k="$4" '$1 == l && $2 == c && $4 == e { print $k }' "$RAW"; }
ratios() { # load connections endpoint -> the ratio of each run's rps to the constant's in the same round
  awk -F'\t' -v l="$1" -v c="$2" -v e="$3" '$1 == l && $2 == c { rps[$3, $4] = $5; runs[$3] = 1 }
    END { for (r in runs) if (rps[r, "constant"] > 0) print rps[r, e] / rps[r, "constant"] }' "$RAW"; }
errors_of() { awk -F'\t' -v l="$1" -v c="$2" '$1 == l && $2 == c { n += $8 + $9 } END { print n + 0 }' "$RAW"; }

# The JIT first: without it the first load's early rounds measure the compiler, and the action, with more code to
# compile, more than the constant. Every endpoint, random records among all; then each load warms its own records.
echo "== warming up the server: $WARMUP per endpoint, 8 connections, random records among all"
for endpoint in action constant $PARTS; do run_wrk cold "$endpoint" 8 "$WARMUP" >/dev/null; done
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for load in $LOADS; do
  echo "== $load load: warming up ($WARMUP per endpoint, 8 connections)"
  for endpoint in action constant $PARTS; do run_wrk "$load" "$endpoint" 8 "$WARMUP" >/dev/null; done
  for c in $CONCURRENCY; do
    # a demo token lives an hour: a fresh one for each concurrency's rounds keeps long runs free of 401s
    BENCH_TOKEN=$(demo_token); [ -n "$BENCH_TOKEN" ] || { echo "no demo token"; exit 1; }
    for run in $(seq 1 "$RUNS"); do
      for endpoint in action constant $PARTS; do
        result=$(run_wrk "$load" "$endpoint" "$c" "$DURATION")
        [ -n "$result" ] || { echo "wrk gave no result for $endpoint"; exit 1; }
        printf '%s\t%s\t%s\t%s\t%s\n' "$load" "$c" "$run" "$endpoint" "$(tr ' ' '\t' <<< "$result")" >> "$RAW"
      done
    done
    echo "   $load, $c connections: done"
  done
done

fmt() { awk -v v="$1" -v d="$2" 'BEGIN { if (v == "nan") print "-"; else printf "%." d "f", v }'; }
ms() { awk -v v="$1" 'BEGIN { if (v == "nan") print "-"; else if (v >= 10) printf "%.0f", v; else printf "%.1f", v }'; }
echo
echo "| load | connections | action / constant | action p50 / p99 ms | constant p50 / p99 ms | action req/s | constant req/s | errors |"
echo "|---|---|---|---|---|---|---|---|"
for load in $LOADS; do
  for c in $CONCURRENCY; do
    echo "| $load | $c | $(fmt "$(ratios "$load" "$c" action | median)" 2)" \
      "| $(ms "$(col "$load" "$c" action 6 | median)") / $(ms "$(col "$load" "$c" action 7 | median)")" \
      "| $(ms "$(col "$load" "$c" constant 6 | median)") / $(ms "$(col "$load" "$c" constant 7 | median)")" \
      "| $(fmt "$(col "$load" "$c" action 5 | median)" 0) | $(fmt "$(col "$load" "$c" constant 5 | median)" 0)" \
      "| $(errors_of "$load" "$c") |"
  done
done
if [ -n "$PARTS" ]; then
  echo
  echo "| load | connections | constant + one part | part / constant | p50 / p99 ms | req/s |"
  echo "|---|---|---|---|---|---|"
  for load in $LOADS; do
    for c in $CONCURRENCY; do
      for part in $PARTS; do
        echo "| $load | $c | $part | $(fmt "$(ratios "$load" "$c" "$part" | median)" 2)" \
          "| $(ms "$(col "$load" "$c" "$part" 6 | median)") / $(ms "$(col "$load" "$c" "$part" 7 | median)")" \
          "| $(fmt "$(col "$load" "$c" "$part" 5 | median)" 0) |"
      done
    done
  done
fi

total_errors=$(awk -F'\t' '{ n += $8 + $9 } END { print n + 0 }' "$RAW")
payara=$(grep -o -m1 'Payara Micro [0-9][0-9.]*' "$WORK/server.log" | cut -d' ' -f3 || true)
echo
echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores shared with wrk ($(uname -m), load average before the run" \
  "$LOAD_BEFORE): Payara Micro ${payara:-?}, Java $(java -version 2>&1 | sed -n '1s/.*"\(.*\)".*/\1/p'), $database_text," \
  "$(printf "%'d" "$RECORDS") records x $INSIGHTS insights. warm = random records among the first" \
  "$(printf "%'d" "$WARM_RECORDS"), cold = among all $(printf "%'d" "$RECORDS"). Medians of $RUNS alternating runs of" \
  "$DURATION per endpoint (wrk -t$THREADS, after $WARMUP of warm-up per endpoint for the JIT and again per load); the ratio is the median of each round's" \
  "action/constant. Answer $(wc -c < "$WORK/constant.json") bytes (record 1; the constant is that answer byte for byte)."
if [ "$RUNS" -lt 3 ] || [ "${DURATION%s}" -lt 10 ] 2>/dev/null; then
  echo "Short settings (RUNS=$RUNS, DURATION=$DURATION): a check of the script, the figures are indicative only."
fi
goal() { # load connections -> "ratio p99"
  echo "$(fmt "$(ratios "$1" "$2" action | median)" 2) $(ms "$(col "$1" "$2" action 7 | median)")"; }
if [[ " $CONCURRENCY " == *" 32 "* ]]; then
  note="Goals of issue 13 at 32 connections:"
  if [[ " $LOADS " == *" warm "* ]]; then
    read -r r p <<< "$(goal warm 32)"
    note+=" warm $r (goal >= 0.8: $(awk -v r="$r" 'BEGIN { print (r >= 0.8) ? "met" : "not met" }')), p99 $p ms (goal <= 25: $(awk -v p="$p" 'BEGIN { print (p <= 25) ? "met" : "not met" }'));"
  fi
  if [[ " $LOADS " == *" cold "* ]]; then
    read -r r p <<< "$(goal cold 32)"
    note+=" cold $r (goal >= 0.3: $(awk -v r="$r" 'BEGIN { print (r >= 0.3) ? "met" : "not met" }'));"
  fi
  echo "$note errors $total_errors (goal 0)."
fi
echo "Raw figures: $RAW (columns: load connections run endpoint rps p50_ms p99_ms not_2xx socket_errors)."

if [ "$PROFILE" = 1 ]; then
  c=${PROFILE_CONNECTIONS:-${CONCURRENCY##* }}
  mkdir -p "$WORK/profile"
  BENCH_TOKEN=$(demo_token)
  action_answer 1 >/dev/null # the new token verified once before the recording, not by every connection at once
  echo
  echo "== profiles: $DURATION per endpoint and load at $c connections, after the measured runs (JFR, settings=profile)"
  for load in $LOADS; do
    for endpoint in action constant $PARTS; do
      recording="$WORK/profile/$load-$endpoint.jfr"
      jcmd "$SERVER_PID" JFR.start name="bench-$load-$endpoint" settings=profile filename="$PWD/$recording" >/dev/null
      run_wrk "$load" "$endpoint" "$c" "$DURATION" >/dev/null
      jcmd "$SERVER_PID" JFR.stop name="bench-$load-$endpoint" >/dev/null
      java bench/ProfileSummary.java "$recording" 12 | tee "${recording%.jfr}.txt"
    done
  done
  echo "Recordings and summaries in $WORK/profile/ (jfr print --events jdk.ExecutionSample FILE for the samples)."
fi

[ "$total_errors" = 0 ] || { echo "FAILED: $total_errors requests failed; these figures do not count"; exit 1; }
