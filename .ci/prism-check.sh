#!/usr/bin/env bash
# The published limits hold for any stored text (issue 11, section 3): the connector package that `mvn package` made
# (target/connector/apiDefinition.swagger.json) runs as a validation proxy, Stoplight Prism, in front of the live
# service, and every answer of both read actions must pass it. Prism checks JSON Schema's maxLength in code points;
# the service promises the stricter UTF-16 count, so it checks that too, on the answers and the admin preview.
#
#   1. Teeth: Prism, in front of a stand-in that answers one over-long title (the issue's flag title: 15 graphemes,
#      21 code points), must report it; else this check could not fail and says so.
#   2. Payara Micro from target/ in demo mode on a fresh H2 database, seeded with the demo data and
#      src/test/resources/seed/adversarial-text.json (flags, ZWJ families, combining marks, RTL, astral letters,
#      mostly far over the limits, so the actions must cut them).
#   3. Through the admin API: text of exactly 20 / 130 UTF-16 units is accepted and then served whole; one unit more
#      is refused with the unit named.
#   4. Through Prism: both actions for the adversarial record (every page, English and German) and for every demo
#      record; any violation (an `sl-violations` header, or any status but 200) fails the check.
#
# Needs Java 17, node and npm (npx), and `mvn package` done. Ports: PRISM_CHECK_PORT (default 18180) and the next
# three. Logs in target/prism-check/.
set -euo pipefail
cd "$(dirname "$0")/.."

# The newest Prism for Node.js 18 and 20 (5.15 and later need Node 24). Tried on Node 20; Debian 12's own nodejs is
# 18.19, just under the 18.20.1 Prism declares, which npm only warns about.
PRISM_VERSION=5.14.2
base_port=${PRISM_CHECK_PORT:-18180}
app_port=$base_port proxy_port=$((base_port + 1)) stand_in_port=$((base_port + 2)) stand_in_proxy_port=$((base_port + 3))
spec=target/connector/apiDefinition.swagger.json
work=target/prism-check
for needed in "$spec" target/payara-micro.jar target/sales-insights.war; do
  [[ -f "$needed" ]] || { echo "$needed is missing: run mvn package first" >&2; exit 1; }
done
command -v npx >/dev/null || { echo "npx is missing (Debian: apt-get install nodejs npm)" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work/data"

groups=() # process groups started here, ended on exit
cleanup() { for group in "${groups[@]}"; do kill -- "-$group" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_for() { # url seconds pid: until the url answers at all, while the process lives
  for _ in $(seq 1 "$2"); do
    curl -s -o /dev/null "$1" && return 0
    kill -0 "$3" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}

start_prism() { # port upstream log
  setsid npx --yes "@stoplight/prism-cli@$PRISM_VERSION" proxy "$spec" "$2" --host 127.0.0.1 --port "$1" \
    --errors --cors false >"$3" 2>&1 &
  groups+=($!)
  wait_for "http://127.0.0.1:$1/" 180 $! || { cat "$3"; echo "Prism did not start" >&2; exit 1; }
}

# ---- 1. the check has teeth ------------------------------------------------------------------------------------
setsid node -e '
const flags = ["DE", "FR", "JP", "BR", "IN", "ZA"]
  .map(c => String.fromCodePoint(...[...c].map(x => 0x1F1E6 + x.charCodeAt(0) - 65))).join("");
const body = JSON.stringify({value: [{title: "Adatum " + flags + " \u{1D400}", description: "d"}], hasMoreResults: false});
require("http").createServer((request, response) => {
  response.writeHead(200, {"Content-Type": "application/json"});
  response.end(body);
}).listen(Number(process.argv[1]), "127.0.0.1");' "$stand_in_port" >"$work/stand-in.log" 2>&1 &
groups+=($!)
start_prism "$stand_in_proxy_port" "http://127.0.0.1:$stand_in_port" "$work/prism-stand-in.log"
teeth=$(curl -sS -o /dev/null -D - -H 'Authorization: Bearer x' \
  "http://127.0.0.1:$stand_in_proxy_port/api/v1/opportunity-insights?recordType=opportunity&recordId=x")
if [[ "$teeth" != *'sl-violations:'*'"code":"maxLength"'* ]]; then
  echo "$teeth"
  echo "Prism did not report a title of 21 code points: this check could not fail" >&2
  exit 1
fi
echo "self-check: Prism reports a 15-grapheme title of 21 code points (maxLength 20), so the check has teeth"

# ---- 2. the service, with adversarial text ---------------------------------------------------------------------
admin_tenant=5a1e5000-0000-4000-a000-000000000004
setsid java -Dinsights.demo.enabled=true \
  -Dinsights.seed.scripts="demo,$PWD/src/test/resources/seed/adversarial-text.json" \
  -Dinsights.signin.admin-tenant-ids=$admin_tenant -Dinsights.data.dir="$PWD/$work/data" \
  -jar target/payara-micro.jar --nocluster --port "$app_port" \
  --prebootcommandfile server-config/payara/pre-boot-micro.asadmin \
  --postbootcommandfile server-config/payara/post-boot-embedded.asadmin \
  --deploy target/sales-insights.war --contextroot / >"$work/payara-micro.log" 2>&1 &
micro=$!
groups+=($micro)
app="http://127.0.0.1:$app_port"
for _ in $(seq 1 300); do
  grep -q 'sales-insights is up' "$work/payara-micro.log" && break
  kill -0 $micro 2>/dev/null || break
  sleep 1
done
grep -q 'sales-insights is up' "$work/payara-micro.log" \
  || { tail -50 "$work/payara-micro.log"; echo "Payara Micro did not start" >&2; exit 1; }
start_prism "$proxy_port" "$app" "$work/prism.log"

token() { # tenant [role]
  curl -sS -f -H 'Accept: application/json' "$app/api/demo/token?tenantId=$1${2:+&role=$2}" \
    | node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => console.log(JSON.parse(s).accessToken))'
}

# ---- 3. writes at the limits, in UTF-16 units --------------------------------------------------------------------
check_tenant=9a150000-0000-4000-a000-000000000900
check_record=f1a90000-0000-4000-a000-000000000901
admin=$(token $admin_tenant Insights.Admin)
record=$(curl -sS -f -H "Authorization: Bearer $admin" \
  "$app/api/admin/v1/records?crmType=Dynamics%20365&orgUrl=prism-check.crm4.dynamics.com" \
  | node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => console.log(JSON.parse(s)[0].id))')
# name title description: JSON documents of exactly 20 / 130 units (accepted), and one unit more (refused)
node -e '
const fs = require("fs"), dir = process.argv[1];
const flag = c => String.fromCodePoint(...[...c].map(x => 0x1F1E6 + x.charCodeAt(0) - 65));
const family = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}";
const toned = "\u{1F468}\u{1F3FD}\u200D\u{1F469}\u{1F3FD}\u200D\u{1F467}\u{1F3FD}\u200D\u{1F466}\u{1F3FD}";
const fill = (text, units) => { while (text.length < units) text += "x"; return text; };
const cases = {
  flags: [["DE", "FR", "JP", "BR", "IN"].map(flag).join(""), fill("\u200F\u05E9\u05C1\u05B8\u05DC\u05D5\u05B9\u05DD " + (family + " ").repeat(12), 130)],
  family: [toned + "x", "e\u0301".repeat(65)],
  astral: ["\u{1D400}\u{1D401}".repeat(5), fill("\u0645\u0631\u062D\u0628\u0627 \u{1F331} ".repeat(14), 130)],
};
let i = 0;
for (const [name, [title, description]] of Object.entries(cases)) {
  if (title.length !== 20 || description.length !== 130) throw new Error(name + ": not at the limits");
  const doc = (t, d) => JSON.stringify({key: "limits-" + name, title: t, description: d,
    dateTime: "2026-11-0" + (++i) + "T08:00:00Z"});
  fs.writeFileSync(dir + "/" + name + ".json", doc(title, description));
  fs.writeFileSync(dir + "/" + name + ".title.json", doc(title + "\u0301", description));
  fs.writeFileSync(dir + "/" + name + ".description.json", doc(title, description + "\u{1F331}"));
  fs.writeFileSync(dir + "/" + name + ".expected", title + "\n" + description);
}' "$work"
for name in flags family astral; do
  for over in title description; do
    status=$(curl -sS -o "$work/$name.$over.answer" -w '%{http_code}' -X POST -H "Authorization: Bearer $admin" \
      -H 'Content-Type: application/json' --data-binary "@$work/$name.$over.json" "$app/api/admin/v1/records/$record/insights")
    if [[ "$status" != 400 ]] || ! grep -q "\"$over\":\"must be 1 to [0-9]* characters (UTF-16 code units" "$work/$name.$over.answer"; then
      cat "$work/$name.$over.answer"; echo "a $over one UTF-16 unit over the limit was not refused ($name): $status" >&2; exit 1
    fi
  done
  status=$(curl -sS -o "$work/$name.answer" -w '%{http_code}' -X POST -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' --data-binary "@$work/$name.json" "$app/api/admin/v1/records/$record/insights")
  [[ "$status" == 201 ]] || { cat "$work/$name.answer"; echo "text at the limits was refused ($name): $status" >&2; exit 1; }
done
echo "admin API: text of exactly 20 / 130 UTF-16 units accepted, one unit more refused naming the unit"

# ---- 4. every answer through Prism -------------------------------------------------------------------------------
calls=0 violations=0
through_prism() { # name token path-and-query [curl options]: one call through Prism; its body in $work/<name>.json
  local name=$1 bearer=$2 path=$3
  shift 3
  local status
  status=$(curl -sS -o "$work/$name.json" -D "$work/$name.headers" -w '%{http_code}' \
    -H "Authorization: Bearer $bearer" "$@" "http://127.0.0.1:$proxy_port$path")
  calls=$((calls + 1))
  if [[ "$status" != 200 ]] || grep -qi '^sl-violations:' "$work/$name.headers"; then
    violations=$((violations + 1))
    echo "VIOLATION $name ($status): $(grep -i '^sl-violations:' "$work/$name.headers" || head -c 600 "$work/$name.json")"
  fi
}
# Both limits in all three counts (UTF-16 units, code points, graphemes) on every insight of the given answers.
within_limits() {
  node -e '
const fs = require("fs");
const graphemes = new Intl.Segmenter("en", {granularity: "grapheme"});
let problems = 0, insights = 0;
for (const file of process.argv.slice(1)) {
  const answer = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!Array.isArray(answer.value)) {
    continue; // not an answer (a violation, reported by Prism)
  }
  for (const insight of answer.value) {
    insights++;
    for (const [field, max] of [["title", 20], ["description", 130]]) {
      const text = insight[field];
      const counts = [text.length, [...text].length, [...graphemes.segment(text)].length];
      if (counts.some(n => n > max) || /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) {
        problems++;
        console.log(file + ": " + field + " over " + max + " (units, code points, graphemes: " + counts + "): " + text);
      }
    }
  }
}
console.log(insights + " insights checked in UTF-16 units, code points and graphemes");
process.exit(problems ? 1 : 0);' "$@"
}

user=$(token $check_tenant)
query="recordType=opportunity&recordId=$check_record&crmType=Dynamics%20365&crmOrgUrl=https%3A%2F%2Fprism-check.crm4.dynamics.com%2F"
for action in opportunity-insights record-summary-insights; do
  through_prism "$action-all" "$user" "/api/v1/$action?$query&top=50"
  through_prism "$action-de" "$user" "/api/v1/$action?$query&top=50" -H 'Accept-Language: de'
  for skip in 0 3 6 9; do
    through_prism "$action-page-$skip" "$user" "/api/v1/$action?$query&top=3&skip=$skip" -H 'Accept-Language: fr-CA, de;q=0.5'
  done
done
through_prism record-summary-window "$user" \
  "/api/v1/record-summary-insights?$query&startDateTime=2026-11-01T00:00:00%2B14:00&endDateTime=2026-11-30T23:59:59-12:00"
over_limits=0
within_limits "$work"/opportunity-insights-*.json "$work"/record-summary-*.json || over_limits=1
# the adversarial record really is: seven cut in the seed, the three written at the limits served whole
node -e '
const fs = require("fs"), dir = process.argv[1];
const value = JSON.parse(fs.readFileSync(dir + "/opportunity-insights-all.json", "utf8")).value;
if (!Array.isArray(value)) process.exit(0); // a violation, counted already
const served = new Set(value.map(i => i.title + "\n" + i.description));
if (value.length !== 10) throw new Error("expected 10 insights of the adversarial record, got " + value.length);
if (value.filter(i => i.title.endsWith("\u2026")).length < 5) throw new Error("the seeded over-long titles were not cut");
for (const name of ["flags", "family", "astral"]) {
  if (!served.has(fs.readFileSync(dir + "/" + name + ".expected", "utf8"))) throw new Error(name + " was not served whole");
}' "$work"

# every demo record, both actions, in the languages the demo data has
demo_records=(
  "c07050c0-0000-4000-a000-000000000001 opportunity d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91"
  "c07050c0-0000-4000-a000-000000000001 account 8f14e45f-ceea-467f-a0e6-3b6d9c2a1f07"
  "c07050c0-0000-4000-a000-000000000001 lead 3c59dc04-8a1e-4b2f-9d6c-7e5f4a3b2c10"
  "c07050c0-0000-4000-a000-000000000001 contact 5d41402a-bc4b-4a76-b971-9d911017c592"
  "fab00000-0000-4000-a000-000000000002 opportunity 006Dn00000A1b2C"
  "fab00000-0000-4000-a000-000000000002 account 001Dn00000XyZ9q"
  "fab00000-0000-4000-a000-000000000002 lead 00QDn00000Lm3Np"
  "fab00000-0000-4000-a000-000000000002 contact 003Dn00000Qr7St"
  "ada70000-0000-4000-a000-000000000003 opportunity a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d"
  "ada70000-0000-4000-a000-000000000003 account b7e3c0de-1234-4cde-8f00-aa55bb66cc77"
)
n=0
for entry in "${demo_records[@]}"; do
  read -r tenant type id <<<"$entry"
  demo=$(token "$tenant")
  for language in en de fr ja; do
    n=$((n + 1))
    through_prism "demo-$n-key" "$demo" "/api/v1/opportunity-insights?recordType=$type&recordId=$id&top=50" \
      -H "Accept-Language: $language"
    through_prism "demo-$n-summary" "$demo" "/api/v1/record-summary-insights?recordType=$type&recordId=$id&top=50" \
      -H "Accept-Language: $language"
  done
done
within_limits "$work"/demo-*.json || over_limits=1

# the admin preview (not part of the connector, so not through Prism): the same limits, the same texts
curl -sS -f -H "Authorization: Bearer $admin" -H 'Accept-Language: de' "$app/api/admin/v1/records/$record/preview?top=50" \
  -o "$work/preview-de.json"
within_limits "$work/preview-de.json" || over_limits=1
node -e '
const fs = require("fs"), dir = process.argv[1];
const texts = file => (JSON.parse(fs.readFileSync(dir + "/" + file, "utf8")).value || [])
  .map(i => [i.title, i.description]);
if (JSON.stringify(texts("preview-de.json")) !== JSON.stringify(texts("opportunity-insights-de.json"))) {
  throw new Error("the admin preview differs from what sellers get");
}' "$work" || over_limits=1

echo "Prism $PRISM_VERSION: $calls calls through the connector package, $violations violations"
[[ "$violations" == 0 && "$over_limits" == 0 ]] || { echo "the service broke its published limits" >&2; exit 1; }
