#!/usr/bin/env bash
# Smoke test on Payara Server: the WAR that `mvn package` built, deployed unchanged on a fresh domain configured
# from server-config/payara/ (PostgreSQL datasource, HTTP listener), then one call of the action and of readiness.
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

"$asadmin" start-domain insights
trap '"$asadmin" stop-domain insights >/dev/null || true' EXIT
admin=(--port 21048)
"$asadmin" "${admin[@]}" multimode --file server-config/payara/postgresql-datasource.asadmin
"$asadmin" "${admin[@]}" multimode --file server-config/payara/server-http.asadmin
"$asadmin" "${admin[@]}" deploy --contextroot / --name sales-insights target/sales-insights.war

answer=$(curl -sS -f 'http://127.0.0.1:21080/api/v1/opportunity-insights?recordType=opportunity&recordId=006Dn00000A1b2C&crmType=Salesforce&top=2')
echo "$answer"
expected='{"value":[{"title":"Fabrikam Insights","description":"Northwind asked for a 3-year renewal quote including premium support."'
[[ "$answer" == "$expected"* ]] || { echo "unexpected answer from Payara Server"; exit 1; }
ready=$(curl -sS 'http://127.0.0.1:21080/health/ready')
echo "$ready"
[[ "$ready" == *'"status":"UP"'* ]] || { echo "not ready on Payara Server"; exit 1; }
rows=$(psql -tA -h 127.0.0.1 -U postgres -d insights_smoke -c 'SELECT COUNT(*) FROM insight')
[[ "$rows" -gt 0 ]] || { echo "the demo data is not in PostgreSQL"; exit 1; }
echo "Payara Server $version smoke test passed (PostgreSQL, $rows insights)"
