#!/usr/bin/env bash
# Walks the WildFly-on-PostgreSQL path of the deployment guide, docs/deployment.md (once the README's Deploy section),
# as an operator would, with the guide's own commands: the fenced blocks marked <!-- guide: NAME --> in it, run as
# they are written, in this shell. Twice:
#   built  the server `mvn package -Dserver=wildfly -Ppostgresql` provisions (target/server)
#   own    a bare WildFly, provisioned with only the Galleon layers the guide lists (block wildfly-layers), then
#          set up with the guide's commands for your own WildFly
# and then the guide's Payara Micro command (block payara-micro-start), through the same nginx.
# Each walk starts the server, deploys the WAR, calls the action through nginx (server-config/nginx/) with a token
# of .ci/LocalEntra.java standing in for Entra ID, applies the CLI scripts a second time (they must be safe to run
# twice), restarts and stops the server with the guide's commands, checks the log has no stack trace of a class that
# failed to load, and finally starts it once more without INSIGHTS_DB_PASSWORD: the start must stop with its name.
# Loopback only; needs nginx, openssl, curl, psql and PostgreSQL on 127.0.0.1:5432 (trust auth); ports 8080 and 9990
# (WildFly's own, as the guide runs it), 8443 (nginx, as sales-insights.conf listens) and 21190 (the Entra stand-in).
#   .ci/guide-walk.sh [built] [own] [payara-micro]      all three when none is named
set -Eeuo pipefail
cd "$(dirname "$0")/.."

work=$PWD/target/guide-walk
database=guide_walk
tenant=fab00000-0000-4000-a000-000000000002 # Fabrikam, a tenant of the demo data
action='/api/v1/opportunity-insights?recordType=opportunity&recordId=006Dn00000A1b2C&crmType=Salesforce&top=2'
expected='{"value":[{"title":"Fabrikam Insights","description":"Northwind asked for a 3-year renewal quote including premium support."'

fail() {
  [[ -s "$work/console.log" ]] && { echo "--- the server's console, last lines:"; tail -n 40 "$work/console.log"; } >&2
  echo "guide walk: $*" >&2
  exit 1
}

on_error() { # set -e stops at a failed command; say which, with the end of what the commands printed
  trap - ERR
  fail "line $1 failed: $2"
}
trap 'on_error $LINENO "$BASH_COMMAND"' ERR

guide_block() { # the lines of the guide's fenced block marked <!-- guide: NAME -->; fails when there is none
  local text
  text=$(awk -v mark="<!-- guide: $1 -->" '
    $0 == mark { marked = 1; next }
    marked && /^```/ { if (inside) exit; inside = 1; next }
    marked && !inside && NF { exit }
    inside { print }' docs/deployment.md)
  [[ -n "$text" ]] || fail "docs/deployment.md has no block marked <!-- guide: $1 -->"
  printf '%s\n' "$text"
}

run_block() { # runs a marked block in this shell (its exports and background jobs stay), echoing it first; as an
  # operator's shell would, without pipefail (a grep -q that stops reading early must not fail its pipeline); what
  # the commands print (Maven, the CLI, the server's console) goes to $work/console.log, whose end is shown on failure
  local text
  text=$(guide_block "$1")
  echo "--- guide block $1:"
  printf '%s\n' "$text" | sed 's/^/    /'
  echo "--- guide block $1" >> "$work/console.log"
  set +o pipefail
  eval "$text" >> "$work/console.log" 2>&1
  set -o pipefail
}

server_state() {
  { "$JBOSS_HOME/bin/jboss-cli.sh" --connect --command=':read-attribute(name=server-state)' 2>/dev/null || true; } \
    | sed -n 's/.*"result" => "\(.*\)".*/\1/p'
}

wait_running() { # after a restart: bounded, and the answer must be "running"
  for _ in $(seq 1 90); do [[ "$(server_state)" == running ]] && return; sleep 2; done
  fail "WildFly in $JBOSS_HOME is not running: $(server_state)"
}

server_jvms() { # the JVMs of the walk's server, found by the home directory on their command line
  pgrep -f -- "-Djboss.home.dir=$JBOSS_HOME( |$)" || true
}

stop_server() { # a leftover server of a failed step; the guide's stop command is checked in the walk itself
  [[ -n "${JBOSS_HOME:-}" ]] || return 0
  "$JBOSS_HOME/bin/jboss-cli.sh" --connect --command=shutdown >/dev/null 2>&1 || true
  for _ in $(seq 1 20); do [[ -z "$(server_jvms)" ]] && return 0; sleep 1; done
  for pid in $(server_jvms); do kill "$pid" 2>/dev/null || true; done
}

call() { # through nginx; prints the status, the body goes to $work/answer
  curl -sS --max-time 10 --cacert "$work/nginx/certs/sales-insights.crt" -o "$work/answer" -D "$work/headers" \
    -w '%{http_code}' "$@" || true
}

start_nginx() { # in front of 127.0.0.1:PORT (WildFly's 8080 unless told)
  local port=${1:-8080}
  if [[ -f "$work/nginx/nginx.pid" ]]; then
    kill "$(cat "$work/nginx/nginx.pid")"
    for _ in $(seq 1 20); do [[ -f "$work/nginx/nginx.pid" ]] || break; sleep 0.5; done
  fi
  mkdir -p "$work/nginx/certs" "$work/nginx/logs"
  [[ -s "$work/nginx/certs/sales-insights.crt" ]] || openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost \
    -keyout "$work/nginx/certs/sales-insights.key" -out "$work/nginx/certs/sales-insights.crt" 2>/dev/null
  cat > "$work/nginx/nginx.conf" <<EOF
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log info;
events {}
http {
  access_log $work/nginx/logs/access.log;
  upstream sales_insights { server 127.0.0.1:$port; keepalive 4; }
  include $PWD/server-config/nginx/sales-insights.conf;
}
EOF
  nginx -p "$work/nginx/" -c "$work/nginx/nginx.conf"
}

start_entra() { # the Entra stand-in: a local JWKS endpoint and a token of a Fabrikam user for this API
  mkdir -p "$work/entra"
  rm -f "$work/entra/token" "$work/entra"/*.jar
  unzip -q -j target/sales-insights.war 'WEB-INF/lib/nimbus-jose-jwt-*.jar' -d "$work/entra"
  java -cp "$work/entra/*" .ci/LocalEntra.java 21190 "$tenant" "$INSIGHTS_SIGNIN_AUDIENCES" "$work/entra/token" &
  entra=$!
  for _ in $(seq 1 60); do [[ -s "$work/entra/token" ]] && return; sleep 1; done
  fail "the local Entra stand-in did not start"
}

cleanup() {
  stop_server
  for pid in $(micro_jvms); do kill "$pid" 2>/dev/null || true; done
  [[ -f "$work/nginx/nginx.pid" ]] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  [[ -n "${entra:-}" ]] && kill "$entra" 2>/dev/null || true
}
trap cleanup EXIT

settings() { # what the guide's export lines set, with this machine's values
  export INSIGHTS_DB_HOST=127.0.0.1 INSIGHTS_DB_PORT=5432 INSIGHTS_DB_NAME=$database
  export INSIGHTS_DB_USER=postgres INSIGHTS_DB_PASSWORD=unused-with-trust-auth
  export INSIGHTS_SIGNIN_AUDIENCES=api://sales-insights-guide INSIGHTS_SIGNIN_ADMIN_TENANT_IDS=5a1e5000-0000-4000-a000-000000000004
  export INSIGHTS_SIGNIN_JWKS_URI='http://127.0.0.1:21190/{tenantId}/discovery/v2.0/keys'
  export INSIGHTS_SEED_SCRIPTS=demo # the demo data holds the Fabrikam tenant the token belongs to
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" \
    -c "CREATE DATABASE $database"
}

check_served() { # the action, readiness and the public document, as a load balancer and the connector see them
  local status
  status=$(call "https://localhost:8443$action")
  [[ "$status" == 401 ]] || fail "without a token the action answered $status: $(cat "$work/answer")"
  status=$(call -H "Authorization: Bearer $(cat "$work/entra/token")" "https://localhost:8443$action")
  [[ "$status" == 200 && "$(cat "$work/answer")" == "$expected"* ]] \
    || fail "the action answered $status: $(cat "$work/answer")"
  echo "action through nginx: $status $(head -c 120 "$work/answer")..."
  status=$(call -H 'Origin: https://pages.example.net' "https://localhost:8443/openapi")
  [[ "$status" == 200 ]] || fail "/openapi answered $status"
  ! grep -qi '^access-control-' "$work/headers" || fail "/openapi grants cross-origin access: $(cat "$work/headers")"
  local ready
  ready=$(curl -sS --max-time 5 http://127.0.0.1:9990/health/ready || true)
  [[ "$ready" == '{"status":"UP"'* ]] || fail "not ready: $ready"
}

check_log() { # no stack trace of a class that failed to load (EclipseLink's Oracle JSON platform was one)
  local log=$JBOSS_HOME/standalone/log/server.log
  [[ -s "$log" ]] || fail "no server log at $log"
  if grep -n -E 'NoClassDefFoundError|Failed to define class|ClassNotFoundException' "$log"; then
    fail "the deployment logged a class that failed to load ($log)"
  fi
}

walk() { # start (and, on your own server, configure), deploy, call, configure again, restart, stop
  local kind=$1
  run_block wildfly-start
  [[ "$(server_state)" == running ]] || fail "the guide's start block left WildFly $(server_state)"
  if [[ "$kind" == own ]]; then
    run_block wildfly-own-configure
    wait_running
  fi
  run_block wildfly-deploy
  check_served
  check_log
  echo "--- the CLI scripts once more (safe to run twice; on the built server they ran at provisioning):"
  "$JBOSS_HOME/bin/jboss-cli.sh" --connect --file=server-config/wildfly/configure.cli >> "$work/console.log" 2>&1 \
    || fail "configure.cli failed the second time"
  "$JBOSS_HOME/bin/jboss-cli.sh" --connect --file=server-config/wildfly/postgresql-datasource.cli \
    >> "$work/console.log" 2>&1 || fail "postgresql-datasource.cli failed the second time"
  [[ "$(server_state)" == running ]] || fail "the scripts' second run left WildFly $(server_state)"
  run_block wildfly-restart
  sleep 3
  wait_running
  check_served
  run_block wildfly-stop
  for _ in $(seq 1 30); do [[ -z "$(server_jvms)" ]] && break; sleep 1; done
  [[ -z "$(server_jvms)" ]] || fail "WildFly still runs after the guide's stop command"
  check_log

  echo "--- the guide's start block without INSIGHTS_DB_PASSWORD: the start must stop with its name"
  local log=$JBOSS_HOME/standalone/log/server.log
  : > "$log"
  (unset INSIGHTS_DB_PASSWORD; timeout 180 bash -c "$(guide_block wildfly-start)" >> "$work/console.log" 2>&1) || true
  for _ in $(seq 1 30); do [[ -z "$(server_jvms)" ]] && break; sleep 1; done
  [[ -z "$(server_jvms)" ]] || fail "WildFly started without INSIGHTS_DB_PASSWORD"
  grep -q 'WFLYCTL0211: Cannot resolve expression.*INSIGHTS_DB_PASSWORD' "$log" \
    || fail "no message naming INSIGHTS_DB_PASSWORD in $log"
  grep -E 'WFLYCTL0211|WFLYSRV0056' "$log" | cut -c1-240
}

walk_built() {
  echo "=== the server the build provisions"
  settings
  run_block wildfly-built
  [[ "$JBOSS_HOME" == "$PWD/target/server" ]] || fail "JBOSS_HOME is $JBOSS_HOME"
  walk built
}

walk_own() {
  echo "=== your own WildFly: only the Galleon layers the guide lists"
  settings
  local layers
  layers=$(guide_block wildfly-layers | tr -s ' \n' ',' | sed 's/^,//; s/,$//')
  export JBOSS_HOME=$work/own-wildfly
  mvn -B -ntp -q -Pguide-wildfly wildfly:provision@bare-wildfly \
    -Dwildfly.provisioning.layers="$layers" -Dwildfly.provisioning.dir="$JBOSS_HOME"
  [[ ! -d "$JBOSS_HOME/modules/org/eclipse/persistence/main" ]] || fail "the bare server has EclipseLink already"
  run_block wildfly-own
  walk own
}

# The guide runs Payara Micro on port 8080; GUIDE_MICRO_PORT runs it on another where 8080 is taken (a development
# machine with a WildFly of its own): the one change made to the guide's command.
micro_port=${GUIDE_MICRO_PORT:-8080}

micro_jvms() { # the Payara Micro of the walk, found by its command line
  pgrep -f -- "-jar target/payara-micro.jar --nocluster --port $micro_port" || true
}

stop_micro() {
  for pid in $(micro_jvms); do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 30); do [[ -z "$(micro_jvms)" ]] && return 0; sleep 1; done
  fail "Payara Micro did not stop on SIGTERM"
}

micro_start() { # the guide's command in the background, until Payara Micro says it is ready (bounded)
  local log=$1
  local command
  command=$(guide_block payara-micro-start | sed "s/--port 8080 /--port $micro_port /")
  (trap - ERR; set +o pipefail; eval "$command") > "$log" 2>&1 &
  local shell=$!
  for _ in $(seq 1 120); do
    grep -q 'Payara Micro .* ready in' "$log" && return 0
    kill -0 "$shell" 2>/dev/null || { tail -n 40 "$log"; fail "Payara Micro exited"; }
    sleep 2
  done
  tail -n 40 "$log"
  fail "Payara Micro was not ready in 240 s"
}

walk_payara_micro() { # the guide's Payara Micro command: served through nginx; without a variable, no application
  echo "=== Payara Micro with PostgreSQL"
  settings
  [[ -z "$(micro_jvms)" ]] || fail "a Payara Micro with the guide's command line runs already"
  start_nginx "$micro_port"
  micro_start "$work/micro.log"
  check_served_by_micro
  stop_micro
  echo "--- the guide's command without INSIGHTS_DB_PASSWORD: the deployment must stop with its name"
  (unset INSIGHTS_DB_PASSWORD; micro_start "$work/micro-missing.log")
  grep -q "reads INSIGHTS_DB_PASSWORD, which is not set" "$work/micro-missing.log" \
    || fail "no message naming INSIGHTS_DB_PASSWORD in $work/micro-missing.log"
  local status
  status=$(call -H "Authorization: Bearer $(cat "$work/entra/token")" "https://localhost:8443$action")
  [[ "$status" != 200 ]] || fail "the action answered 200 without INSIGHTS_DB_PASSWORD"
  grep -m 1 "reads INSIGHTS_DB_PASSWORD" "$work/micro-missing.log" | sed 's/^.*IllegalStateException: //' | cut -c1-200
  stop_micro
}

check_served_by_micro() { # as check_served, with Payara's readiness on the application's port
  local status
  status=$(call -H "Authorization: Bearer $(cat "$work/entra/token")" "https://localhost:8443$action")
  [[ "$status" == 200 && "$(cat "$work/answer")" == "$expected"* ]] \
    || fail "the action answered $status: $(cat "$work/answer")"
  echo "action through nginx: $status $(head -c 120 "$work/answer")..."
  # Payara Micro builds the OpenAPI document at its first request, which took longer than nginx's 4 s read timeout
  # on a loaded 2-core machine (nginx then answers 503): ask the server itself once first
  curl -sS --max-time 60 -o /dev/null "http://127.0.0.1:$micro_port/openapi" || true
  status=$(call -H 'Origin: https://pages.example.net' "https://localhost:8443/openapi")
  [[ "$status" == 200 ]] || fail "/openapi answered $status"
  ! grep -qi '^access-control-' "$work/headers" || fail "/openapi grants cross-origin access: $(cat "$work/headers")"
  local ready
  ready=$(curl -sS --max-time 5 "http://127.0.0.1:$micro_port/health/ready" || true)
  [[ "$ready" == '{"status":"UP"'* ]] || fail "not ready: $ready"
}

targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(built own payara-micro)
rm -rf "$work"
mkdir -p "$work"
mvn -B -ntp -q package -DskipTests # the WAR, Payara Micro and the driver; the Entra stand-in takes its JOSE library from the WAR
start_nginx
settings
start_entra
for target in "${targets[@]}"; do
  "walk_${target//-/_}"
  stop_server
done
echo "guide walk passed: ${targets[*]}"
