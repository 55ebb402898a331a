#!/usr/bin/env bash
# Smoke test on Payara Server: the WAR that `mvn package` built, deployed unchanged on a fresh domain configured
# from server-config/payara/ (PostgreSQL datasource, HTTP listener), then one call of the action and of readiness.
# Sign-in is configured as in production, through the environment, with .ci/LocalEntra.java standing in for Entra ID.
# Needs target/sales-insights.war and target/postgresql.jar (mvn package) and PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
work=target/payara-server
rm -rf "$work"
mvn -B -ntp -q dependency:copy -Dartifact="fish.payara.distributions:payara:$version:zip" -DoutputDirectory="$work/dist"
unzip -q "$work/dist/payara-$version.zip" -d "$work"
asadmin="$work/payara6/bin/asadmin"

"$asadmin" create-domain --nopassword --portbase 21000 insights >/dev/null
# The JDBC driver lives with the server: the domain's lib folder.
cp target/postgresql.jar "$work/payara6/glassfish/domains/insights/lib/"

psql -q -h 127.0.0.1 -U postgres -d postgres -c 'DROP DATABASE IF EXISTS insights_smoke WITH (FORCE)' -c 'CREATE DATABASE insights_smoke'
export INSIGHTS_DB_HOST=127.0.0.1 INSIGHTS_DB_PORT=5432 INSIGHTS_DB_NAME=insights_smoke
export INSIGHTS_DB_USER=postgres INSIGHTS_DB_PASSWORD=unused-with-trust-auth
export INSIGHTS_SEED_SCRIPTS=demo # the demo data, which the checks below read
# Entra ID for this test: a local JWKS endpoint and a token of the Fabrikam demo tenant for this API.
tenant=fab00000-0000-4000-a000-000000000002
export INSIGHTS_SIGNIN_AUDIENCES=api://sales-insights-smoke
export INSIGHTS_SIGNIN_JWKS_URI='http://127.0.0.1:21090/{tenantId}/discovery/v2.0/keys'
unzip -q -j target/sales-insights.war 'WEB-INF/lib/nimbus-jose-jwt-*.jar' -d "$work/entra"
java -cp "$work/entra/*" .ci/LocalEntra.java 21090 "$tenant" "$INSIGHTS_SIGNIN_AUDIENCES" "$work/token" &
entra=$!
for _ in $(seq 1 60); do [[ -s "$work/token" ]] && break; sleep 1; done
[[ -s "$work/token" ]] || { echo "the local Entra stand-in did not start"; exit 1; }

"$asadmin" start-domain insights
trap '"$asadmin" stop-domain insights >/dev/null || true; kill $entra 2>/dev/null || true' EXIT
admin=(--port 21048)
"$asadmin" "${admin[@]}" multimode --file server-config/payara/postgresql-datasource.asadmin
"$asadmin" "${admin[@]}" multimode --file server-config/payara/server-http.asadmin
# Restart before the first deployment: changing the HTTP listener while the web container starts lazily with that
# deployment can leave the listener dead (Payara logs "GrizzlyProxy is NULL"); a restart applies the settings cleanly.
"$asadmin" restart-domain insights
"$asadmin" "${admin[@]}" deploy --contextroot / --name sales-insights target/sales-insights.war

action='http://127.0.0.1:21080/api/v1/opportunity-insights?recordType=opportunity&recordId=006Dn00000A1b2C&crmType=Salesforce&top=2'
# the HTTP listener restarts after server-http.asadmin: wait for it
unsigned=$(curl -sS --retry 30 --retry-connrefused --retry-delay 1 -o /dev/null -w '%{http_code}' "$action")
[[ "$unsigned" == 401 ]] || { echo "a call without a token answered $unsigned, not 401"; exit 1; }
answer=$(curl -sS -f -H "Authorization: Bearer $(cat "$work/token")" "$action")
echo "$answer"
expected='{"value":[{"title":"Fabrikam Insights","description":"Northwind asked for a 3-year renewal quote including premium support."'
[[ "$answer" == "$expected"* ]] || { echo "unexpected answer from Payara Server"; exit 1; }
ready=$(curl -sS 'http://127.0.0.1:21080/health/ready')
echo "$ready"
[[ "$ready" == *'"status":"UP"'* ]] || { echo "not ready on Payara Server"; exit 1; }
metrics=$(curl -sS -o /dev/null -w '%{http_code}' 'http://127.0.0.1:21080/metrics')
[[ "$metrics" != 200 ]] || { echo "/metrics answers anyone on Payara Server"; exit 1; }
rows=$(psql -tA -h 127.0.0.1 -U postgres -d insights_smoke -c 'SELECT COUNT(*) FROM insight')
[[ "$rows" -gt 0 ]] || { echo "the demo data is not in PostgreSQL"; exit 1; }
echo "Payara Server $version smoke test passed (PostgreSQL, $rows insights)"
