# shellcheck shell=bash
# Sourced by bench/run.sh and bench/nodes.sh: the benchmark's data on the machine's PostgreSQL (127.0.0.1:5432, trust
# auth), in the database PG_DATABASE, loaded by bench/LoadBenchData.java unless KEEP_DATA=1 finds a finished load of
# the same size. Needs RECORDS, INSIGHTS, PG_DATABASE, KEEP_DATA, and the PostgreSQL driver in target/postgresql.jar.

psql_admin() { psql -qtA -h 127.0.0.1 -U postgres -d postgres "$@"; }

load_postgresql_data() {
  local loaded="sales-insights bench: $RECORDS records x $INSIGHTS insights"
  if [ "$KEEP_DATA" = 1 ] && [ "$(psql_admin -c "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$PG_DATABASE'")" = "$loaded" ]; then
    echo "== keeping $PG_DATABASE ($loaded)"
  else
    echo "== loading $RECORDS records x $INSIGHTS insights into PostgreSQL ($PG_DATABASE)"
    psql_admin -c "DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE)" -c "CREATE DATABASE $PG_DATABASE"
    java -cp target/postgresql.jar bench/LoadBenchData.java "jdbc:postgresql://127.0.0.1:5432/$PG_DATABASE?user=postgres" \
      src/main/resources/db/migration/V1__schema.sql "$RECORDS" "$INSIGHTS"
    # marks a finished load, for KEEP_DATA
    psql_admin -c "COMMENT ON DATABASE $PG_DATABASE IS '$loaded'"
  fi
  # how the servers reach it (server-config/payara/postgresql-datasource.asadmin reads these)
  export INSIGHTS_DB_HOST=127.0.0.1 INSIGHTS_DB_PORT=5432 INSIGHTS_DB_NAME=$PG_DATABASE INSIGHTS_DB_USER=postgres \
         INSIGHTS_DB_PASSWORD=unused-with-trust-auth
}
