#!/usr/bin/env bash
# A feeder to copy: pushes one batch of insights from a partner's back office (quotes, support cases, contracts)
# into the Contoso demo organization of a sales-insights service in demo mode, prints each item's result, and prints
# as its last line the Key sales info answer (JSON) that a Contoso seller gets for the record it fed most.
#
#   bash examples/feed-demo.sh http://localhost:8080
#
# Start the service with the README's run command first: it is in demo mode, and its demo data lists this script's
# application among Contoso's feeders. Running the script again changes nothing: every item is named by the back
# office's own ids and carries fixed times, so the second run's items answer "unchanged" and the last line is the same.
#
# What a production feeder keeps and what it changes (docs/feeds.md, "A production feeder's loop"):
#   - keep send(): the retry loop (429, 503 and the like, honouring Retry-After, bounded backoff with jitter);
#   - keep the shape of the batch: up to 1,000 items, each named by (source, externalId), the whole insight each time;
#   - change app_token(): a real feeder gets its token from Entra ID by the client-credentials flow;
#   - change the items: they come from your system's events, not from this file.
# Needs bash 4, curl, sed and awk; no JSON tool: the API's answers are compact JSON of known shape.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 BASE_URL   (for example http://localhost:8080)" >&2
  exit 2
fi
BASE_URL=${1%/}

# Contoso's demo tenant, its Dynamics 365 organization, and the application the demo data lists among its feeders
# (src/main/resources/META-INF/seed/demo.json).
CONTOSO_TENANT=c07050c0-0000-4000-a000-000000000001
CRM_TYPE='Dynamics 365'
CRM_ORG_URL=https://contoso.crm.dynamics.com
FEEDER_APP=a7c1e000-0000-4000-a000-000000000001

# The retry loop's bounds: a feeder that waits longer holds its events back from everything behind them; what is
# still failing then is logged and sent again by the next run (every call is safe to repeat).
MAX_ATTEMPTS=6
MAX_DELAY_SECONDS=60

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
  echo "feed-demo: $*" >&2
  exit 1
}

# ---------------------------------------------------------------------------------------------------------------
# Tokens. Here: demo mode's token desk, which answers only on this machine. A production feeder asks Entra ID
# instead, by client credentials, in the tenant that granted it the Insights.Feed role, and reuses the token until
# shortly before expires_in runs out (docs/feeds.md, "Registering a feeder in Entra ID"):
#
#   curl -sS https://login.microsoftonline.com/$TENANT_ID/oauth2/v2.0/token \
#        -d grant_type=client_credentials -d client_id="$CLIENT_ID" --data-urlencode client_secret="$SECRET" \
#        -d scope="api://$API_CLIENT_ID/.default"
#
# and takes "access_token" from the answer (a certificate rather than a secret, in production).
# ---------------------------------------------------------------------------------------------------------------
demo_token() { # $1: the desk's query; prints the token
  local status
  status=$(curl -sS --connect-timeout 5 --max-time 30 -o "$work/token" -w '%{http_code}' \
      -H 'Accept: application/json' "$BASE_URL/api/demo/token?$1") \
    || fail "cannot reach $BASE_URL (curl failed, see above). Is the service running? The README's run command" \
            "starts it on http://localhost:8080."
  case $status in
    200) ;;
    404) fail "$BASE_URL/api/demo/token is 404: the service is not in demo mode (the README's run command starts it" \
              "in demo mode; insights.demo.enabled=true), or this is no sales-insights service, or a proxy is in" \
              "between. A production feeder gets its token from Entra ID instead (see the comment above)." ;;
    403) fail "the demo token desk answers only under a loopback name: use http://localhost:<port> or" \
              "http://127.0.0.1:<port>." ;;
    *) fail "the demo token desk at $BASE_URL answered HTTP $status: $(head -c 300 "$work/token")" ;;
  esac
  local token
  token=$(sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' "$work/token")
  [ -n "$token" ] || fail "$BASE_URL/api/demo/token answered without an access token; is it a sales-insights service?"
  printf '%s' "$token"
}

app_token() { # the feeder's own token: app-only, role Insights.Feed, issued in Contoso's tenant
  demo_token "tenantId=$CONTOSO_TENANT&app=$FEEDER_APP"
}

# ---------------------------------------------------------------------------------------------------------------
# send METHOD URL TOKEN [BODY_FILE]: one call, tried again while the answer means "later": 429 (throttled), 408,
# 500, 502, 503, 504, or no answer at all (no connection, a timeout). Every feed call is idempotent, so sending it
# again is always safe, a whole batch included. It waits what Retry-After says (the service's 503 says 2 s), else
# backs off exponentially (1, 2, 4, 8 ... s) with jitter so that many feeders do not return in step; it gives up
# after MAX_ATTEMPTS, or at once when Retry-After asks for more than MAX_DELAY_SECONDS. Other statuses are the
# caller's to judge: 400 lists what to fix by field, 401 wants a new token, 403 means the app is not listed.
# Sets STATUS; the answer's body is in $work/body.
# ---------------------------------------------------------------------------------------------------------------
STATUS=
send() {
  local method=$1 url=$2 token=$3 body=${4:-}
  local attempt=1 backoff=1 wait retry_after
  local args=(-sS -X "$method" --connect-timeout 5 --max-time 120 -o "$work/body" -D "$work/headers"
              -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Accept: application/json')
  if [ -n "$body" ]; then
    # Expect: empty, else curl holds a body over 1 KB back for up to a second, waiting for a 100 Continue
    args+=(-H 'Content-Type: application/json' -H 'Expect:' --data-binary "@$body")
  fi
  while :; do
    : >"$work/headers"
    : >"$work/body"
    STATUS=$(curl "${args[@]}" "$url") || STATUS=000 # 000: curl got no answer (its message is above)
    case $STATUS in
      408 | 429 | 500 | 502 | 503 | 504 | 000) ;;
      *) return 0 ;;
    esac
    # Retry-After in seconds; its other form, an HTTP date, is left to the backoff
    retry_after=$(awk -F': *' '{ sub(/\r$/, "") } tolower($1) == "retry-after" && $2 ~ /^[0-9]+$/ { s = $2 }
                               END { print s }' "$work/headers")
    if [ "$attempt" -ge "$MAX_ATTEMPTS" ]; then
      echo "feed-demo: $method $url: HTTP $STATUS after $attempt attempts; giving up for this run" >&2
      return 1
    fi
    if [ -n "$retry_after" ]; then
      if [ "$retry_after" -gt "$MAX_DELAY_SECONDS" ]; then
        echo "feed-demo: $method $url: HTTP $STATUS, Retry-After $retry_after s; giving up for this run" >&2
        return 1
      fi
      wait=$retry_after
    else
      wait=$((backoff + RANDOM % (backoff + 1))) # between the backoff and twice it
      [ "$wait" -le "$MAX_DELAY_SECONDS" ] || wait=$MAX_DELAY_SECONDS
      backoff=$((backoff * 2))
    fi
    echo "feed-demo: $method $url: HTTP $STATUS; trying again in $wait s" \
         "(attempt $((attempt + 1)) of $MAX_ATTEMPTS)" >&2
    sleep "$wait"
    attempt=$((attempt + 1))
  done
}

# ---------------------------------------------------------------------------------------------------------------
# The batch. Each insight is named by the back office's own ids: the source is the kind of event, the external id
# the event's subject (a quote, a case, a contract number). Sending the same name again replaces the insight, so the
# whole insight goes every time; fixed times make a second run send exactly what the first did.
# ---------------------------------------------------------------------------------------------------------------
items=()         # the batch's items, as JSON
labels=()        # "put quotes/Q-1001", in the same order: the answer's results name items by their index
declare -A fed   # items per record ("opportunity feed0000-..."), to find the record fed most
declare -A names # each record's name, for the last lines

json() { # a JSON string of $1 (this script's texts hold no control characters)
  local s=${1//\\/\\\\}
  printf '"%s"' "${s//\"/\\\"}"
}

# put SOURCE EXTERNAL_ID RECORD_TYPE RECORD_ID RECORD_NAME TITLE DESCRIPTION DATE_TIME URL [NAME VALUE]...
# Title up to 20 characters, description up to 130, at most 10 properties (the curators' limits); URL may be empty.
put() {
  local source=$1 external_id=$2 record_type=$3 record_id=$4 record_name=$5 title=$6 description=$7 at=$8 url=$9
  shift 9
  local properties='' separator=''
  while [ $# -ge 2 ]; do
    properties+="$separator$(json "$1"): $(json "$2")"
    separator=', '
    shift 2
  done
  local item
  item="{\"action\": \"put\", \"source\": $(json "$source"), \"externalId\": $(json "$external_id"),"
  item+=" \"crmType\": $(json "$CRM_TYPE"), \"crmOrgUrl\": $(json "$CRM_ORG_URL"),"
  item+=" \"recordType\": $(json "$record_type"), \"recordId\": $(json "$record_id"),"
  item+=" \"recordName\": $(json "$record_name"), \"title\": $(json "$title"),"
  item+=" \"description\": $(json "$description"), \"dateTime\": $(json "$at"),"
  if [ -n "$url" ]; then
    item+=" \"url\": $(json "$url"),"
  fi
  item+=" \"additionalProperties\": {$properties}}"
  items+=("$item")
  labels+=("put $source/$external_id")
  fed["$record_type $record_id"]=$((${fed["$record_type $record_id"]:-0} + 1))
  names["$record_type $record_id"]=$record_name
}

# delete SOURCE EXTERNAL_ID: the insight is gone from the back office (a withdrawn quote). Deleting one that is
# not there is no failure: the result says "absent".
delete() {
  local item
  item="{\"action\": \"delete\", \"source\": $(json "$1"), \"externalId\": $(json "$2"),"
  item+=" \"crmType\": $(json "$CRM_TYPE"), \"crmOrgUrl\": $(json "$CRM_ORG_URL")}"
  items+=("$item")
  labels+=("delete $1/$2")
}

STORES=feed0000-0000-4000-a000-000000000001   # an opportunity: 120 machines for new stores
ACCOUNT=feed0000-0000-4000-a000-000000000002  # the account
ROASTERY=feed0000-0000-4000-a000-000000000003 # another opportunity
STORES_NAME='Fourth Coffee: 120 Cafe A-100 for new stores'

put quotes Q-1001 opportunity $STORES "$STORES_NAME" 'Quote sent' \
  "Quote Q-1001 for 120 Cafe A-100 Automatic machines went to Fourth Coffee's procurement team." \
  2026-10-01T09:00:00Z https://backoffice.contoso.example.com/quotes/Q-1001 \
  Quote Q-1001 Machines 120 'Valid until' 2026-10-31
put quotes Q-1002 opportunity $STORES "$STORES_NAME" 'Quote revised' \
  'Q-1002 replaces Q-1001: an 8% volume discount, agreed on the call with procurement.' \
  2026-10-08T14:30:00Z https://backoffice.contoso.example.com/quotes/Q-1002 \
  Quote Q-1002 Discount 8% Replaces Q-1001
put quotes Q-1003 opportunity $STORES "$STORES_NAME" 'Service quoted' \
  'Three years of on-site service for all 120 machines, quoted on top of Q-1002.' \
  2026-10-09T10:15:00Z https://backoffice.contoso.example.com/quotes/Q-1003 \
  Quote Q-1003 Term '3 years'
put quotes Q-1004 opportunity $STORES "$STORES_NAME" 'Outlet work quoted' \
  'Electrical work for the two new stores that need extra outlets, quoted apart from the machines.' \
  2026-10-16T11:00:00Z '' \
  Quote Q-1004 Stores 'Tacoma, Everett'
put quotes Q-1005 opportunity $STORES "$STORES_NAME" 'Quote accepted' \
  'Fourth Coffee accepted Q-1002 and Q-1003; the purchase order is on its way.' \
  2026-10-20T16:45:00Z https://backoffice.contoso.example.com/quotes/Q-1005 \
  'Accepted by' 'Alberto Burgos' Quotes 'Q-1002, Q-1003'
put support-cases CS-2041 opportunity $STORES "$STORES_NAME" 'Pilot case solved' \
  'Grinders jammed on 2 of the 5 pilot machines in Seattle; new firmware fixed them.' \
  2026-09-19T08:20:00Z https://backoffice.contoso.example.com/cases/CS-2041 \
  Case CS-2041 Severity High Status Solved
put support-cases CS-2044 opportunity $STORES "$STORES_NAME" 'Training requested' \
  'Store managers asked for barista training on the Cafe A-100 before the roll-out.' \
  2026-09-25T13:10:00Z '' \
  Case CS-2044 Stores 14
put support-cases CS-2063 opportunity $STORES "$STORES_NAME" 'Site survey done' \
  'Water and power checked in 12 of the 14 new stores; Tacoma and Everett need extra outlets.' \
  2026-10-14T17:30:00Z https://backoffice.contoso.example.com/cases/CS-2063 \
  Case CS-2063 Ready '12 of 14'
put contracts C-7001 opportunity $STORES "$STORES_NAME" 'Contract drafted' \
  'Supply agreement for 120 machines sent to Fourth Coffee legal for review.' \
  2026-10-22T09:40:00Z https://backoffice.contoso.example.com/contracts/C-7001 \
  Contract C-7001 Value 'USD 412,800'
put contracts C-7002 opportunity $STORES "$STORES_NAME" 'Service contract' \
  'Three-year service contract drafted: a technician on site within 4 hours in every store.' \
  2026-10-23T10:05:00Z https://backoffice.contoso.example.com/contracts/C-7002 \
  Contract C-7002 Response '4 hours'
put contracts C-7003 opportunity $STORES "$STORES_NAME" 'Legal redlines back' \
  'Fourth Coffee legal wants 30-day payment terms instead of 45 in the supply agreement.' \
  2026-10-27T15:55:00Z '' \
  Contract C-7001 'Open point' 'Payment terms'
put support-cases CS-1987 account $ACCOUNT 'Fourth Coffee' 'Open case' \
  'A Cafe A-100 at the Redmond roastery needs a new milk pump; the part ships Monday.' \
  2026-10-02T07:45:00Z https://backoffice.contoso.example.com/cases/CS-1987 \
  Case CS-1987 Severity Medium
put contracts C-6512 account $ACCOUNT 'Fourth Coffee' 'Contract renews' \
  'The service contract for the 50 machines bought in 2023 renews on 1 December.' \
  2026-10-05T12:00:00Z https://backoffice.contoso.example.com/contracts/C-6512 \
  Contract C-6512 Renews 2026-12-01
put quotes Q-1010 opportunity $ROASTERY 'Fourth Coffee: roastery espresso bar' 'Quote sent' \
  "Two Cafe X-900 machines for the Redmond roastery's new espresso bar." \
  2026-10-11T09:30:00Z https://backoffice.contoso.example.com/quotes/Q-1010 \
  Quote Q-1010 Machines 2
delete quotes Q-0999 # withdrawn: the back office deletes what it no longer holds

{
  printf '{"items": ['
  separator=
  for item in "${items[@]}"; do
    printf '%s\n  %s' "$separator" "$item"
    separator=,
  done
  printf '\n]}\n'
} >"$work/batch.json"

# ---------------------------------------------------------------------------------------------------------------
# Feed: one batch, one transaction on the server, a result per item. Items that were refused (400: fix the item,
# 403: the app may not feed that organization) do not stop the others; a production feeder logs them and moves on.
# ---------------------------------------------------------------------------------------------------------------
token=$(app_token)
send POST "$BASE_URL/api/feed/v1/batches" "$token" "$work/batch.json" \
  || fail "the batch could not be delivered; it is safe to send again."
case $STATUS in
  200) ;;
  401) fail "the feed API refused the token (401): $(head -c 300 "$work/body")" ;;
  403) fail "the feed API refused the application (403): $(head -c 300 "$work/body")" ;;
  *) fail "the feed API answered the batch with HTTP $STATUS: $(head -c 500 "$work/body")" ;;
esac

# One line per result: index, status, outcome, and for a refused item the error's message and details (by field).
# The body is one line of compact JSON whose results each start with {"index": (no message holds that: its quotes
# are escaped).
refused=0
forbidden=0
while IFS=$'\t' read -r index status outcome message; do
  if [ "$outcome" = refused ]; then
    echo "${labels[$index]} -> $status $outcome: $message"
    refused=$((refused + 1))
    [ "$status" != 403 ] || forbidden=$((forbidden + 1))
  else
    echo "${labels[$index]} -> $status $outcome"
  fi
done < <(awk '{
  n = split($0, results, /\{"index":/)
  for (i = 2; i <= n; i++) {
    r = results[i]
    index_ = r; sub(/[^0-9].*/, "", index_)
    status = ""; outcome = ""; message = ""
    if (match(r, /"status":[0-9]+/)) status = substr(r, RSTART + 9, RLENGTH - 9)
    if (match(r, /"outcome":"[a-z]+"/)) outcome = substr(r, RSTART + 11, RLENGTH - 12)
    if (match(r, /"errorMessage":"([^"\\]|\\.)*"/)) message = substr(r, RSTART + 16, RLENGTH - 17)
    if (match(r, /"details":\{([^"}]|"([^"\\]|\\.)*")*\}/)) message = message " " substr(r, RSTART + 10, RLENGTH - 10)
    printf "%s\t%s\t%s\t%s\n", index_, status, outcome, message
  }
}' "$work/body")

if [ "$refused" -gt 0 ]; then
  if [ "$forbidden" -eq "${#items[@]}" ]; then
    fail "every item was refused (403): Contoso does not list the application $FEEDER_APP among its feeders." \
         "The demo data lists it, but a database seeded by an earlier release keeps its registry as it was (the" \
         "demo data is seeded once per database): list it as docs/feeds.md shows (Which organizations an" \
         "application may feed), or start the service with a new data directory."
  fi
  fail "$refused of ${#items[@]} items were refused (see above)."
fi

# ---------------------------------------------------------------------------------------------------------------
# What a seller sees: the Key sales info answer for the record fed most, read as a Contoso user (the Sales app
# calls the same action through its connector). Not part of a production feeder.
# ---------------------------------------------------------------------------------------------------------------
most=
for record in "${!fed[@]}"; do
  if [ -z "$most" ] || [ "${fed[$record]}" -gt "${fed[$most]}" ]; then
    most=$record
  fi
done
record_type=${most%% *}
record_id=${most#* }
seller=$(demo_token "tenantId=$CONTOSO_TENANT")
query="recordType=$record_type&recordId=$record_id&crmType=Dynamics%20365&crmOrgUrl=${CRM_ORG_URL#https://}"
send GET "$BASE_URL/api/v1/opportunity-insights?$query" "$seller" \
  || fail "the Key sales info action could not be read."
[ "$STATUS" = 200 ] || fail "the Key sales info action answered HTTP $STATUS: $(head -c 300 "$work/body")"
echo "Key sales info for $record_type $record_id (${names[$most]}, ${fed[$most]} items fed)," \
     "as a Contoso seller reads it:"
cat "$work/body"
echo
