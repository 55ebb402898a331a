package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feed API over HTTP on a real server (issue 14): who may feed what (the permission matrix), a retry that
 * changes nothing and gets the same answer, deletions that can be repeated, what is fed read at once by sellers, and
 * the curators' choices (pinned, hidden) kept through the feed's updates.
 *
 * <p>Two tenants of their own, registered once for the class: {@link #OURS} owns one organization and lists the
 * quote system as a feeder; {@link #THEIRS} owns another and lists the quote system too, so a feed there is refused
 * only because the token comes from our tenant.
 */
class FeedsIT extends DeployedWar {

    private static final String CURATOR = TestTokens.bearer(TestTokens.PARTNER, TestTokens.ADMIN_ROLE);
    private static final String OURS = "f00d0000-0000-4000-a000-" + suffix();
    private static final String THEIRS = "f00d0001-0000-4000-a000-" + suffix();
    private static final String HOST = "feeds-" + OURS.substring(24) + ".crm.dynamics.com";
    private static final String THEIR_HOST = "feeds-" + THEIRS.substring(24) + ".crm4.dynamics.com";
    private static final String QUOTES_APP = "a7c1e000-0000-4000-a000-000000000001";
    private static final String STRANGER_APP = "a7c1e000-0000-4000-a000-000000000002";
    private static volatile boolean registered;

    private static String suffix() {
        return String.format("%012d", Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000_000L));
    }

    @BeforeAll
    static void reset() {
        registered = false;
    }

    /** The two tenants and their feeders, registered through the curators' API (once; base is known only here). */
    private void register() {
        if (registered) {
            return;
        }
        HttpResponse<String> ours = as(CURATOR).put("admin/v1/tenants/" + OURS, "{\"displayName\": \"Feeds test\","
                + " \"organizations\": [{\"crmType\": \"Dynamics 365\", \"orgUrl\": \"https://" + HOST + "\"}],"
                + " \"feeders\": [{\"appId\": \"" + QUOTES_APP.toUpperCase() + "\", \"name\": \"Quote system\"}]}");
        assertEquals(201, ours.statusCode(), ours::body);
        // a tenant made with its feeders is one change: version 1, as docs/feeds.md's If-Match "1" expects
        assertEquals(1, Http.json(ours).getJsonNumber("version").longValue(), ours::body);
        assertEquals("\"1\"", ours.headers().firstValue("ETag").orElseThrow());
        assertEquals(List.of("{\"appId\":\"" + QUOTES_APP + "\",\"name\":\"Quote system\"}"),
                Http.json(ours).getJsonArray("feeders").stream().map(Object::toString).toList());
        HttpResponse<String> theirs = as(CURATOR).put("admin/v1/tenants/" + THEIRS, "{\"displayName\": \"Other\","
                + " \"organizations\": [{\"crmType\": \"Dynamics 365\", \"orgUrl\": \"" + THEIR_HOST + "\"}],"
                + " \"feeders\": [{\"appId\": \"" + QUOTES_APP + "\", \"name\": \"Their quote system\"}]}");
        assertEquals(201, theirs.statusCode(), theirs::body);
        registered = true;
    }

    @Test
    void onlyAListedApplicationFeedsItsTenantsOrganizations() {
        register();
        String opportunity = UUID.randomUUID().toString();
        String path = "feed/v1/sources/quotes/insights/Q-" + opportunity.substring(0, 8);
        String item = item(HOST, opportunity, "Quote sent", "");

        HttpResponse<String> unlisted = as(app(OURS, STRANGER_APP)).put(path, item);
        assertRefused(unlisted, "an application the tenant does not list");
        HttpResponse<String> user = as(TestTokens.bearer(OURS)).put(path, item);
        assertRefused(user, "a user's delegated token");
        HttpResponse<String> curatorsToken = as(CURATOR).put(path, item);
        assertRefused(curatorsToken, "a curator's delegated token");
        HttpResponse<String> theirOrganization = quotes().put(path,
                item(THEIR_HOST, opportunity, "Quote sent", ""));
        assertRefused(theirOrganization, "another tenant's organization, though it lists the same app");
        assertRefused(quotes().delete(path + "?crmType=Dynamics%20365&crmOrgUrl=" + THEIR_HOST),
                "a deletion in another tenant's organization");
        assertRefused(quotes().put(path, item("nobody-" + OURS.substring(24)
                + ".crm.dynamics.com", opportunity, "Quote sent", "")), "an organization nobody registered");
        assertEquals(0, records(HOST).stream().filter(r -> r.getString("recordId").equals(opportunity)).count(),
                "no refused feed made the record");

        HttpResponse<String> withoutRole = as("Bearer " + TestTokens.token(TestTokens.currentKey(), OURS,
                claims -> claims.claim("scp", null).claim("roles", List.of("Insights.Admin")).claim("azp", QUOTES_APP)))
                .put(path, item);
        assertEquals(401, withoutRole.statusCode(), "an app-only token without the feed role is no token here");
        assertEquals("INVALID_TOKEN_SPECIFIED", Http.json(withoutRole).getString("errorCode"));

        HttpResponse<String> listed = quotes().put(path, item);
        assertEquals(201, listed.statusCode(), listed::body);

        // an application's token opens nothing but the feed API
        HttpResponse<String> read = quotes().get("v1/opportunity-insights?recordType=opportunity&recordId="
                + opportunity + "&crmOrgUrl=" + HOST);
        assertRefused(read, "the read action, for an application");
        assertRefused(as("Bearer " + TestTokens.token(
                TestTokens.currentKey(), TestTokens.PARTNER, claims -> claims.claim("scp", null).claim("roles",
                        List.of("Insights.Feed", TestTokens.ADMIN_ROLE)).claim("azp", QUOTES_APP)))
                .get("admin/v1/tenants"),
                "the curators' API, for an application of the partner's tenant with the admin role");
        assertRefused(quotes().get("v1/test-connection"),
                "the connector's connection test, for an application");
    }

    @Test
    void aRetryChangesNothingAndGetsTheSameAnswer() {
        register();
        String opportunity = UUID.randomUUID().toString();
        String path = "feed/v1/sources/quotes/insights/Q-2026-" + opportunity.substring(0, 4);
        String item = item(HOST, opportunity.toUpperCase(), "Quote sent", ", \"url\": \"https://quotes.example.com/1\","
                + " \"dateTime\": \"2026-11-25T10:30:00+01:00\", \"language\": \"en\","
                + " \"additionalProperties\": {\"Amount\": \"120 machines\", \"Stage\": \"Sent\"}");

        HttpResponse<String> created = quotes().put(path, item);
        assertEquals(201, created.statusCode(), created::body);
        assertEquals("\"1\"", created.headers().firstValue("ETag").orElseThrow());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/" + path));
        assertEquals("{\"source\":\"quotes\",\"externalId\":\"Q-2026-" + opportunity.substring(0, 4) + "\","
                + "\"crmType\":\"Dynamics 365\",\"crmOrgUrl\":\"" + HOST + "\",\"recordType\":\"opportunity\","
                + "\"recordId\":\"" + opportunity + "\",\"version\":1,\"title\":\"Quote sent\",\"description\":"
                + "\"About Quote sent.\",\"url\":\"https://quotes.example.com/1\",\"dateTime\":\"2026-11-25T09:30:00Z\","
                + "\"language\":\"en\",\"additionalProperties\":{\"Amount\":\"120 machines\",\"Stage\":\"Sent\"}}",
                created.body());

        for (int retry = 0; retry < 2; retry++) {
            HttpResponse<String> again = quotes().put(path, item);
            assertEquals(200, again.statusCode(), again::body);
            assertEquals(created.body(), again.body(), "a retry gets the same answer");
            assertEquals("\"1\"", again.headers().firstValue("ETag").orElseThrow(), "and changes nothing");
        }
        List<JsonObject> insights = insightsOf(opportunity);
        assertEquals(1, insights.size(), "one row, however often it was fed");
        JsonObject insight = insights.get(0);
        assertEquals("quotes", insight.getString("source"));
        assertEquals("Q-2026-" + opportunity.substring(0, 4), insight.getString("externalId"));
        assertFalse(insight.getBoolean("hidden"));
        String history = "admin/v1/insights/" + insight.getJsonNumber("id").longValue() + "/history";
        List<JsonObject> changes = Http.array(as(CURATOR).get(history)).getValuesAs(JsonObject.class);
        assertEquals(List.of("CREATED"), changes.stream().map(c -> c.getString("action")).toList());
        assertEquals("app Quote system (" + QUOTES_APP + ")", changes.get(0).getString("changedBy"),
                "history names the application by its registry name");

        HttpResponse<String> changed = quotes().put(path,
                item(HOST, opportunity, "Quote accepted", ""));
        assertEquals(200, changed.statusCode(), changed::body);
        assertEquals("\"2\"", changed.headers().firstValue("ETag").orElseThrow());
        assertFalse(Http.json(changed).containsKey("additionalProperties")
                && !Http.json(changed).getJsonObject("additionalProperties").isEmpty(), "replaced, not merged");
        assertEquals(List.of("CREATED", "UPDATED"), Http.array(as(CURATOR).get(history))
                .getValuesAs(JsonObject.class).stream().map(c -> c.getString("action")).toList());
    }

    @Test
    void aDeletionCanBeRepeated() {
        register();
        String opportunity = UUID.randomUUID().toString();
        String path = "feed/v1/sources/support-cases/insights/CASE-" + opportunity.substring(0, 6);
        String deletion = path + "?crmType=Dynamics%20365&crmOrgUrl=https://" + HOST + "/";
        assertEquals(204, quotes().delete(deletion).statusCode(), "never fed: gone");
        assertEquals(201, quotes().put(path, item(HOST, opportunity, "Case opened", ""))
                .statusCode());
        assertEquals(List.of("Case opened"), titles(read(opportunity)));
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> deleted = quotes().delete(deletion);
            assertEquals(204, deleted.statusCode(), deleted::body);
        }
        assertEquals(List.of(), titles(read(opportunity)), "sellers no longer read it");
        assertEquals(List.of(), insightsOf(opportunity));
        HttpResponse<String> incomplete = quotes().delete(path);
        assertEquals(400, incomplete.statusCode(), incomplete::body);
        assertEquals(Set.of("crmType", "crmOrgUrl"), Http.json(incomplete).getJsonObject("details").keySet());
    }

    @Test
    void whatIsFedIsReadAtOnceAndEveryProblemIsListedByField() {
        register();
        String opportunity = UUID.randomUUID().toString();
        assertEquals(List.of(), titles(read(opportunity)));
        assertEquals(List.of(), titles(read(opportunity)), "the empty answer, cached");
        String path = "feed/v1/sources/contracts/insights/C-" + opportunity.substring(0, 8);
        assertEquals(201, quotes().put(path, item(HOST, opportunity, "Contract signed", ""))
                .statusCode());
        assertEquals(List.of("Contract signed"), titles(read(opportunity)), "the cache dropped the old answer");
        assertEquals(200, quotes().put(path, item(HOST, opportunity, "Contract renewed", ""))
                .statusCode());
        assertEquals(List.of("Contract renewed"), titles(read(opportunity)));

        HttpResponse<String> invalid = quotes().put("feed/v1/sources/contracts/insights/C-x",
                "{\"crmOrgUrl\": \"" + HOST + "\", \"recordType\": \"opportunity\", \"recordId\": \"" + opportunity
                        + "\", \"title\": \"Twenty-one characters\", \"pinned\": true, \"colour\": \"red\"}");
        assertEquals(400, invalid.statusCode(), invalid::body);
        assertEquals("INVALID_PARAMETER", Http.json(invalid).getString("errorCode"));
        assertEquals(Set.of("pinned", "colour", "title", "description"),
                Http.json(invalid).getJsonObject("details").keySet());
    }

    @Test
    void aCuratorsPinAndHideSurviveTheFeedsUpdates() {
        register();
        String opportunity = UUID.randomUUID().toString();
        String path = "feed/v1/sources/quotes/insights/Q-pin-" + opportunity.substring(0, 8);
        assertEquals(201, quotes().put(path, item(HOST, opportunity, "Quote sent",
                ", \"dateTime\": \"2026-11-01T10:00:00Z\"")).statusCode());
        assertEquals(201, quotes().put(path + "-other", item(HOST, opportunity, "Newer quote",
                ", \"dateTime\": \"2026-11-20T10:00:00Z\"")).statusCode());
        assertEquals(List.of("Newer quote", "Quote sent"), titles(read(opportunity)), "newest first");
        JsonObject fed = insightsOf(opportunity).stream().filter(i -> i.getString("title").equals("Quote sent"))
                .findFirst().orElseThrow();
        String insight = "admin/v1/insights/" + fed.getJsonNumber("id").longValue();

        // the curator pins it (a document of their own, as the console sends it)
        HttpResponse<String> pinned = as(CURATOR).ifMatch("\"" + fed.getJsonNumber("version").longValue() + "\"")
                .put(insight, "{\"title\": \"Quote sent\", \"description\":"
                + " \"About Quote sent.\", \"dateTime\": \"2026-11-01T10:00:00Z\", \"pinned\": true, \"priority\": 7}");
        assertEquals(200, pinned.statusCode(), pinned::body);
        assertEquals(List.of("Quote sent", "Newer quote"), titles(read(opportunity)), "pinned first");
        assertEquals(200, quotes().put(path, item(HOST, opportunity, "Quote revised",
                ", \"dateTime\": \"2026-11-02T10:00:00Z\"")).statusCode());
        JsonObject afterFeed = Http.json(as(CURATOR).get(insight));
        assertTrue(afterFeed.getBoolean("pinned"), afterFeed::toString);
        assertEquals(7, afterFeed.getInt("priority"));
        assertEquals("Quote revised", afterFeed.getString("title"), "the feed owns the content");
        assertEquals(List.of("Quote revised", "Newer quote"), titles(read(opportunity)), "still pinned first");

        // the curator hides it: sellers no longer read it, and the feed's updates do not bring it back
        String version = "\"" + afterFeed.getJsonNumber("version").longValue() + "\"";
        assertEquals(428, as(CURATOR).put(insight + "/hidden", "{\"hidden\": true}").statusCode());
        assertEquals(400, as(CURATOR).ifMatch(version).put(insight + "/hidden", "{\"hidden\": \"yes\"}").statusCode());
        HttpResponse<String> hidden = as(CURATOR).ifMatch(version).put(insight + "/hidden", "{\"hidden\": true}");
        assertEquals(200, hidden.statusCode(), hidden::body);
        assertTrue(Http.json(hidden).getBoolean("hidden"));
        assertEquals(List.of("Newer quote"), titles(read(opportunity)), "a hidden insight is not read");
        assertEquals(200, quotes().put(path, item(HOST, opportunity, "Quote final",
                ", \"dateTime\": \"2026-11-03T10:00:00Z\"")).statusCode());
        assertEquals(List.of("Newer quote"), titles(read(opportunity)), "the feed did not show it again");
        JsonObject stillHidden = Http.json(as(CURATOR).get(insight));
        assertTrue(stillHidden.getBoolean("hidden") && stillHidden.getBoolean("pinned"), stillHidden::toString);
        assertEquals("Quote final", stillHidden.getString("title"));

        HttpResponse<String> shown = as(CURATOR).ifMatch("\"" + stillHidden.getJsonNumber("version").longValue() + "\"")
                .put(insight + "/hidden", "{\"hidden\": false}");
        assertEquals(200, shown.statusCode(), shown::body);
        assertEquals(List.of("Quote final", "Newer quote"), titles(read(opportunity)));
        List<String> actions = Http.array(as(CURATOR).get(insight + "/history")).getValuesAs(JsonObject.class)
                .stream().map(c -> c.getString("changedBy")).toList();
        assertEquals(List.of("app Quote system (" + QUOTES_APP + ")", "0b0b0b0b-0000-4000-a000-000000000002",
                "app Quote system (" + QUOTES_APP + ")", "0b0b0b0b-0000-4000-a000-000000000002",
                "app Quote system (" + QUOTES_APP + ")", "0b0b0b0b-0000-4000-a000-000000000002"), actions,
                "who changed what, in order: the app by name, the curator by object id");
    }

    @Test
    void aBatchDoesEachItemOnItsOwnAndCanBeSentAgainAsAWhole() {
        register();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String tag = first.substring(0, 8);
        String batch = "{\"items\": [" + batchPut("B-" + tag + "-1", HOST, first, "Quote sent") + ", "
                + batchPut("B-" + tag + "-2", HOST, first, "Order placed") + ", "
                + batchPut("B-" + tag + "-3", HOST, second, "Case opened") + ", "
                + "{\"action\": \"delete\", \"source\": \"quotes\", \"externalId\": \"B-" + tag + "-9\","
                + " \"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"" + HOST + "\"}, "
                + batchPut("B-" + tag + "-4", HOST, first, "A title far too long for a card") + ", "
                + batchPut("B-" + tag + "-5", THEIR_HOST, first, "Not ours") + "]}";

        HttpResponse<String> sent = quotes().post("feed/v1/batches", batch);
        assertEquals(200, sent.statusCode(), sent::body);
        assertEquals(List.of("201 created", "201 created", "201 created", "204 absent", "400 refused", "403 refused"),
                outcomes(sent));
        JsonObject counts = Http.json(sent);
        assertEquals(List.of(3, 0, 0, 0, 1, 2), List.of(counts.getInt("created"), counts.getInt("replaced"),
                counts.getInt("unchanged"), counts.getInt("deleted"), counts.getInt("absent"), counts.getInt("refused")));
        JsonObject bad = Http.json(sent).getJsonArray("results").getJsonObject(4);
        assertEquals("INVALID_PARAMETER", bad.getJsonObject("error").getString("errorCode"));
        assertTrue(bad.getJsonObject("error").getJsonObject("details").containsKey("title"), bad::toString);
        assertEquals("INSUFFICIENT_PERMISSIONS", Http.json(sent).getJsonArray("results").getJsonObject(5)
                .getJsonObject("error").getString("errorCode"));
        assertEquals(Set.of("Quote sent", "Order placed"), Set.copyOf(titles(read(first))));

        HttpResponse<String> again = quotes().post("feed/v1/batches", batch);
        assertEquals(List.of("200 unchanged", "200 unchanged", "200 unchanged", "204 absent", "400 refused",
                "403 refused"), outcomes(again), "a batch sent again writes nothing");
        assertEquals(versions(sent), versions(again));
        assertEquals(2, insightsOf(first).size());

        HttpResponse<String> next = quotes().post("feed/v1/batches", "{\"items\": ["
                + "{\"action\": \"delete\", \"source\": \"quotes\", \"externalId\": \"B-" + tag + "-1\","
                + " \"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"" + HOST + "\"}, "
                + batchPut("B-" + tag + "-2", HOST, first, "Order shipped") + "]}");
        assertEquals(List.of("204 deleted", "200 replaced"), outcomes(next));
        assertEquals(List.of("Order shipped"), titles(read(first)));
    }

    @Test
    void concurrentBatchesOfTheSameItemsWriteEachInsightOnce() throws Exception {
        register();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> opportunities = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            items.append(i == 0 ? "" : ", ").append(batchPut("C-" + tag + "-" + i, HOST, opportunities.get(i % 2),
                    "Event " + i));
        }
        String batch = "{\"items\": [" + items + "]}";
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sent.add(senders.submit(() -> quotes().post("feed/v1/batches", batch)));
            }
            Map<String, Long> outcomes = new HashMap<>();
            for (Future<HttpResponse<String>> response : sent) {
                HttpResponse<String> done = response.get(60, TimeUnit.SECONDS);
                assertEquals(200, done.statusCode(), done::body);
                outcomes(done).forEach(outcome -> outcomes.merge(outcome, 1L, Long::sum));
            }
            assertEquals(Map.of("201 created", 40L, "200 unchanged", 120L), outcomes,
                    "each insight made once, by one of the batches; the others found it as sent");
        } finally {
            senders.shutdownNow();
        }
        assertEquals(20, insightsOf(opportunities.get(0)).size());
        assertEquals(20, insightsOf(opportunities.get(1)).size());
    }

    @Test
    void aSnapshotMakesTheSourcesInsightsWhatItSaysAndNothingElse() {
        register();
        String opportunity = UUID.randomUUID().toString();
        String tag = opportunity.substring(0, 8);
        for (String id : List.of("1", "2", "3")) {
            assertEquals(201, quotes().put("feed/v1/sources/support/insights/S-" + tag + "-" + id,
                    item(HOST, opportunity, "Case " + id, "")).statusCode());
        }
        assertEquals(201, quotes().put("feed/v1/sources/quotes/insights/Q-" + tag,
                item(HOST, opportunity, "Quote sent", "")).statusCode());
        String record = "\"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"" + HOST + "\", \"recordType\":"
                + " \"opportunity\", \"recordId\": \"" + opportunity + "\"";

        HttpResponse<String> bad = quotes().put("feed/v1/sources/support/snapshot", "{" + record
                + ", \"items\": [{\"externalId\": \"S-" + tag + "-2\", \"title\": \"Case 2\", \"description\":"
                + " \"d\"}, {\"externalId\": \"S-" + tag + "-4\", \"title\": \"\", \"description\": \"d\"}]}");
        assertEquals(400, bad.statusCode(), bad::body);
        assertTrue(Http.json(bad).getJsonObject("details").containsKey("items[1].title"), bad::body);
        assertEquals(4, insightsOf(opportunity).size(), "a refused snapshot changes nothing");

        String snapshot = "{" + record + ", \"items\": [{\"externalId\": \"S-" + tag + "-2\", \"title\":"
                + " \"Case 2\", \"description\": \"About Case 2.\"}, {\"externalId\": \"S-" + tag + "-4\","
                + " \"title\": \"Case 4\", \"description\": \"About Case 4.\"}]}";
        HttpResponse<String> synced = quotes().put("feed/v1/sources/support/snapshot", snapshot);
        assertEquals(200, synced.statusCode(), synced::body);
        assertEquals(List.of("200 unchanged", "201 created"), outcomes(synced));
        assertEquals(2, Http.json(synced).getInt("deleted"), "cases 1 and 3, which the snapshot no longer holds");
        assertEquals(Set.of("Case 2", "Case 4", "Quote sent"), Set.copyOf(titles(read(opportunity))),
                "another source's insight is no part of the snapshot");
        HttpResponse<String> again = quotes().put("feed/v1/sources/support/snapshot", snapshot);
        assertEquals(List.of("200 unchanged", "200 unchanged"), outcomes(again));
        assertEquals(0, Http.json(again).getInt("deleted"));

        HttpResponse<String> theirs = quotes().put("feed/v1/sources/support/snapshot",
                "{\"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"" + THEIR_HOST + "\", \"items\": []}");
        assertRefused(theirs, "a snapshot of another tenant's organization");

        HttpResponse<String> emptied = quotes().put("feed/v1/sources/support/snapshot",
                "{\"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"" + HOST + "\", \"items\": []}");
        assertEquals(200, emptied.statusCode(), emptied::body);
        assertTrue(Http.json(emptied).getInt("deleted") >= 2, emptied::body);
        assertEquals(List.of("Quote sent"), titles(read(opportunity)),
                "an empty snapshot of the organization: the source has nothing there any more");
    }

    @Test
    void anExportedFedHiddenInsightImportsBackAsTheOneItsFeedReplaces() {
        register();
        String opportunity = UUID.randomUUID().toString();
        String externalId = "Q-file-" + opportunity.substring(0, 8);
        String path = "feed/v1/sources/quotes/insights/" + externalId;
        assertEquals(201, quotes().put(path, item(HOST, opportunity, "Quote sent", ""))
                .statusCode());
        JsonObject fed = insightsOf(opportunity).get(0);
        String insight = "admin/v1/insights/" + fed.getJsonNumber("id").longValue();
        assertEquals(200, as(CURATOR).ifMatch("\"" + fed.getJsonNumber("version").longValue() + "\"")
                .put(insight + "/hidden", "{\"hidden\": true}").statusCode());
        String key = fed.getString("key");

        // the organization's export, cut to this record: the other tests feed the same organization
        JsonObject row = Http.json(export("application/json")).getJsonArray("insights").getValuesAs(JsonObject.class)
                .stream().filter(r -> r.getString("recordId").equals(opportunity)).findFirst().orElseThrow();
        assertEquals(List.of("quotes", externalId, "true"), List.of(row.getString("source"),
                row.getString("externalId"), row.get("hidden").toString()), row::toString);
        String json = "{\"insights\": [" + row + "]}";
        List<String> csvLines = export("text/csv").body().lines().toList();
        String csv = csvLines.get(0) + "\r\n" + csvLines.stream().filter(line -> line.contains(opportunity))
                .findFirst().orElseThrow() + "\r\n";
        assertEquals(report(0, 0, 1, 0), importFile("application/json", json).body(), "the same database: as it is");
        assertEquals(report(0, 0, 1, 0), importFile("text/csv", csv).body());

        // as into an empty database: the insight is gone, and the export brings it back fed and hidden, in each format
        for (String[] file : List.of(new String[] {"application/json", json}, new String[] {"text/csv", csv})) {
            JsonObject current = insightsOf(opportunity).get(0);
            assertEquals(204, as(CURATOR).ifMatch("\"" + current.getJsonNumber("version").longValue() + "\"")
                    .delete("admin/v1/insights/" + current.getJsonNumber("id").longValue()).statusCode());
            assertEquals(report(1, 0, 0, 0), importFile(file[0], file[1]).body(), file[0]);
            JsonObject imported = insightsOf(opportunity).get(0);
            assertEquals(List.of("quotes", externalId, key, "Quote sent"), List.of(imported.getString("source"),
                    imported.getString("externalId"), imported.getString("key"), imported.getString("title")));
            assertTrue(imported.getBoolean("hidden"), file[0]);
            assertEquals(List.of(), titles(read(opportunity)), "hidden from sellers still");
        }

        // its feed finds it by source and external id and replaces it: no second insight, the curator's hide kept
        HttpResponse<String> replaced = quotes().put(path, item(HOST, opportunity,
                "Quote revised", ""));
        assertEquals(200, replaced.statusCode(), "replaced, not made: " + replaced.body());
        List<JsonObject> insights = insightsOf(opportunity);
        assertEquals(1, insights.size(), insights::toString);
        assertEquals("Quote revised", insights.get(0).getString("title"));
        assertTrue(insights.get(0).getBoolean("hidden"));

        // the feed's name stays one insight's: neither a second row of the file nor another key may take it
        String twice = "{\"insights\": [\n" + row + ",\n" + Json.createObjectBuilder(row).add("key", "copy").build()
                + "\n]}";
        HttpResponse<String> duplicate = importFile("application/json", twice);
        assertEquals(400, duplicate.statusCode(), duplicate::body);
        assertEquals("names the same fed insight of the organization (source quotes) as line 2.", Http.json(duplicate)
                .getJsonObject("details").getJsonObject("line 3").getString("externalId"), duplicate::body);
        String elsewhere = "{\"insights\": [" + Json.createObjectBuilder(row).add("key", "copy").build() + "]}";
        HttpResponse<String> taken = importFile("application/json", elsewhere);
        assertEquals(400, taken.statusCode(), taken::body);
        assertEquals("names an insight the organization has already (source quotes): key " + key + " of opportunity "
                + opportunity + ". Give the row that record and key to change it.", Http.json(taken)
                .getJsonObject("details").getJsonObject("line 1").getString("externalId"));
        String renamed = "{\"insights\": [" + Json.createObjectBuilder(row).add("externalId", "Q-other").build() + "]}";
        HttpResponse<String> rename = importFile("application/json", renamed);
        assertEquals(400, rename.statusCode(), rename::body);
        assertEquals(Set.of("externalId"), Http.json(rename).getJsonObject("details").getJsonObject("line 1").keySet());
        assertEquals(1, insightsOf(opportunity).size(), "nothing was imported");
    }

    // ---- records related to a CRM record (the record details card), fed

    @Test
    void aRelatedRecordIsFedOnItsOwnKeepsTheCuratorsPriorityAndIsReadAtOnce() {
        register();
        String opportunity = UUID.randomUUID().toString();
        String path = "feed/v1/sources/contracts/related-records/CT-" + opportunity.substring(0, 8);
        String body = related(opportunity, null, "Master agreement", "");

        assertRefused(as(app(OURS, STRANGER_APP)).put(path, body), "an application the tenant does not list");
        assertRefused(quotes().put(path, "{" + crmRecord(THEIR_HOST, opportunity)
                + ", \"recordType\": \"contract\", \"recordTypeDisplayName\": \"Contract\","
                + " \"recordTypePluralDisplayName\": \"Contracts\", \"recordTitle\": \"x\"}"),
                "another tenant's organization");
        assertRefused(as(CURATOR).put(path, body), "a curator's delegated token");

        HttpResponse<String> created = quotes().put(path, body);
        assertEquals(201, created.statusCode(), created::body);
        assertEquals("\"1\"", created.headers().firstValue("ETag").orElseThrow());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith(path), () -> created.headers().toString());
        assertEquals("{\"source\":\"contracts\",\"crmRecord\":{\"crmType\":\"Dynamics 365\",\"orgUrl\":\"" + HOST
                + "\",\"recordType\":\"opportunity\",\"recordId\":\"" + opportunity + "\"},\"version\":1,"
                + "\"recordId\":\"CT-" + opportunity.substring(0, 8) + "\",\"recordType\":\"contract\","
                + "\"recordTypeDisplayName\":\"Contract\",\"recordTypePluralDisplayName\":\"Contracts\","
                + "\"recordTitle\":\"Master agreement\",\"url\":\"https://contracts.example.com/1\","
                + "\"additionalProperties\":{\"Status\":\"Signed\"}}", created.body());
        HttpResponse<String> retried = quotes().put(path, body);
        assertEquals(200, retried.statusCode(), retried::body);
        assertEquals(created.body(), retried.body(), "a retry changes nothing and gets the same answer");
        assertEquals(List.of("Master agreement"), relatedTitles(opportunity));

        // the curators own its priority: a feed neither sends it nor undoes it
        HttpResponse<String> withPriority = quotes().put(path,
                related(opportunity, null, "Master agreement", ", \"priority\": 3"));
        assertEquals(400, withPriority.statusCode(), withPriority::body);
        assertEquals(Set.of("priority"), Http.json(withPriority).getJsonObject("details").keySet());
        JsonObject curated = relatedOf(opportunity).get(0);
        assertEquals("contracts", curated.getString("source"), curated::toString);
        HttpResponse<String> pinned = as(CURATOR).ifMatch("\"1\"").put("admin/v1/related-records/"
                + curated.getJsonNumber("id"),
                "{\"recordId\": \"CT-" + opportunity.substring(0, 8) + "\", \"recordType\": \"contract\","
                + " \"recordTypeDisplayName\": \"Contract\", \"recordTypePluralDisplayName\": \"Contracts\","
                + " \"recordTitle\": \"Master agreement\", \"priority\": 5}");
        assertEquals(200, pinned.statusCode(), pinned::body);
        HttpResponse<String> replaced = quotes().put(path,
                related(opportunity, null, "Master agreement, renewed", ""));
        assertEquals(200, replaced.statusCode(), replaced::body);
        assertEquals(3, Http.json(replaced).getInt("version"), replaced::body);
        JsonObject after = relatedOf(opportunity).get(0);
        assertEquals(5, after.getInt("priority"), "the feed kept the curator's priority: " + after);
        assertEquals("contracts", after.getString("source"), "a curator's edit keeps it fed: " + after);
        assertEquals(List.of("Master agreement, renewed"), relatedTitles(opportunity));

        // a feed never takes over a curator's related record of the same recordId
        long record = after.getJsonNumber("crmRecordId").longValue();
        assertEquals(201, as(CURATOR).post("admin/v1/records/" + record + "/related-records", "{\"recordId\":"
                + " \"CUR-1\", \"recordType\": \"contract\", \"recordTypeDisplayName\": \"Contract\","
                + " \"recordTypePluralDisplayName\": \"Contracts\", \"recordTitle\": \"Curated\"}").statusCode());
        HttpResponse<String> taken = quotes().put("feed/v1/sources/contracts/related-records/CUR-1",
                related(opportunity, null, "Not mine", ""));
        assertEquals(409, taken.statusCode(), taken::body);
        assertEquals("CONFLICT", Http.json(taken).getString("errorCode"));
        assertEquals(409, quotes().delete("feed/v1/sources/contracts/related-records/CUR-1" + crmQuery(opportunity))
                .statusCode(), "nor deletes it");

        HttpResponse<String> deleted = quotes().delete(path + crmQuery(opportunity));
        assertEquals(204, deleted.statusCode(), deleted::body);
        assertEquals(204, quotes().delete(path + crmQuery(opportunity)).statusCode(),
                "a deletion can be repeated");
        assertEquals(List.of("Curated"), relatedTitles(opportunity));
        HttpResponse<String> unnamed = quotes().delete(path + "?crmType=Dynamics%20365");
        assertEquals(400, unnamed.statusCode(), unnamed::body);
        assertEquals(Set.of("crmOrgUrl"), Http.json(unnamed).getJsonObject("details").keySet());
    }

    @Test
    void aRelatedRecordsSnapshotMakesTheSourcesOnesWhatItSaysAndExportKeepsThemFed() {
        register();
        String opportunity = UUID.randomUUID().toString();
        String path = "feed/v1/sources/contracts/related-records";
        HttpResponse<String> first = quotes().put(path, snapshot(opportunity, "A", "B"));
        assertEquals(200, first.statusCode(), first::body);
        assertEquals("2 0 0 0", counts(first));
        long record = relatedOf(opportunity).get(0).getJsonNumber("crmRecordId").longValue();
        assertEquals(201, as(CURATOR).post("admin/v1/records/" + record + "/related-records", "{\"recordId\": \"C\","
                + " \"recordType\": \"case\", \"recordTypeDisplayName\": \"Case\", \"recordTypePluralDisplayName\":"
                + " \"Cases\", \"recordTitle\": \"Curated case\"}").statusCode());

        HttpResponse<String> second = quotes().put(path, snapshot(opportunity, "B", "D"));
        assertEquals("1 0 1 1", counts(second), "D made, B as it was, A deleted");
        assertEquals(List.of("Contract D", "Contract B", "Curated case").stream().sorted().toList(),
                relatedTitles(opportunity).stream().sorted().toList(), "the curator's related record stays");
        HttpResponse<String> invalid = quotes().put(path, snapshot(opportunity, "E", "E"));
        assertEquals(400, invalid.statusCode(), invalid::body);
        assertEquals(Set.of("relatedRecords[1].recordId"), Http.json(invalid).getJsonObject("details").keySet());

        // exported, deleted by a curator and imported again, D is fed as before: the feed replaces it (200)
        HttpResponse<String> export = export("application/json");
        assertTrue(export.body().matches("(?s).*\"source\":\\s*\"contracts\",\\s*\"recordId\":\\s*\"D\".*"),
                export::body);
        JsonObject d = relatedOf(opportunity).stream().filter(r -> r.getString("recordId").equals("D")).findFirst()
                .orElseThrow();
        assertEquals(204, as(CURATOR).ifMatch("\"" + d.getJsonNumber("version") + "\"")
                .delete("admin/v1/related-records/" + d.getJsonNumber("id")).statusCode());
        HttpResponse<String> imported = importFile("application/json", export.body());
        assertEquals(200, imported.statusCode(), imported::body);
        assertEquals(200, quotes().put(path + "/D", related(opportunity, null, "Contract D",
                "")).statusCode(), "the imported D is the source's own again");

        HttpResponse<String> emptied = quotes().put(path, snapshot(opportunity));
        assertEquals("0 0 0 2", counts(emptied));
        assertEquals(List.of("Curated case"), relatedTitles(opportunity));
    }

    // ---- helpers

    /** An app-only token of an application, issued in the tenant, with the feed role (as Entra's v2). */
    private static String app(String tenant, String appId) {
        return "Bearer " + TestTokens.token(TestTokens.currentKey(), tenant, claims -> claims.claim("scp", null)
                .claim("roles", List.of("Insights.Feed")).claim("azp", appId).claim("idtyp", "app")
                .subject("5e5e5e5e-0000-4000-a000-000000000005").claim("oid", "5e5e5e5e-0000-4000-a000-000000000005"));
    }

    /** The API as our tenant's quote system, the feeder it lists. */
    private Api quotes() {
        return as(app(OURS, QUOTES_APP));
    }

    private static String item(String host, String opportunity, String title, String extra) {
        return "{\"crmType\": \"Dynamics 365\", \"crmOrgUrl\": \"https://" + host + "\", \"recordType\":"
                + " \"Opportunity\", \"recordId\": \"" + opportunity + "\", \"recordName\": \"Feeds test\","
                + " \"title\": \"" + title + "\", \"description\": \"About " + title + ".\"" + extra + "}";
    }

    private static String batchPut(String externalId, String host, String opportunity, String title) {
        return item(host, opportunity, title, ", \"action\": \"put\", \"source\": \"quotes\", \"externalId\": \""
                + externalId + "\"");
    }

    /** Each item's status and outcome, in the order sent. */
    private static List<String> outcomes(HttpResponse<String> results) {
        assertEquals(200, results.statusCode(), results::body);
        return Http.json(results).getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getInt("status") + " " + r.getString("outcome")).toList();
    }

    private static List<String> versions(HttpResponse<String> results) {
        return Http.json(results).getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .map(r -> String.valueOf(r.get("version"))).toList();
    }

    private static void assertRefused(HttpResponse<String> response, String what) {
        assertEquals(403, response.statusCode(), () -> what + ": " + response.body());
        JsonObject error = Http.json(response);
        assertEquals("INSUFFICIENT_PERMISSIONS", error.getString("errorCode"), what);
        assertTrue(error.containsKey("errorMessage") && error.containsKey("activityId"), what);
    }

    private List<JsonObject> records(String host) {
        HttpResponse<String> records = as(CURATOR).get("admin/v1/records?crmType=Dynamics%20365&orgUrl=" + host);
        assertEquals(200, records.statusCode(), records::body);
        return Http.array(records).getValuesAs(JsonObject.class);
    }

    /** The record's insights as curators see them; none when the record is not there. */
    private List<JsonObject> insightsOf(String opportunity) {
        return records(HOST).stream().filter(r -> r.getString("recordId").equals(opportunity)).findFirst()
                .map(r -> Http.array(as(CURATOR).get("admin/v1/records/" + r.getJsonNumber("id").longValue()
                        + "/insights")).getValuesAs(JsonObject.class))
                .orElse(List.of());
    }

    private static String crmRecord(String host, String opportunity) {
        return "\"crmRecord\": {\"crmType\": \"Dynamics 365\", \"orgUrl\": \"https://" + host + "\", \"recordType\":"
                + " \"Opportunity\", \"recordId\": \"" + opportunity.toUpperCase() + "\"}";
    }

    /** A fed related record of the opportunity in our organization; its recordId comes from the path. */
    private static String related(String opportunity, String recordId, String title, String extra) {
        return "{" + crmRecord(HOST, opportunity) + (recordId == null ? "" : ", \"recordId\": \"" + recordId + "\"")
                + ", \"recordType\": \"contract\", \"recordTypeDisplayName\": \"Contract\","
                + " \"recordTypePluralDisplayName\": \"Contracts\", \"recordTitle\": \"" + title + "\", \"url\":"
                + " \"https://contracts.example.com/1\", \"additionalProperties\": {\"Status\": \"Signed\"}" + extra
                + "}";
    }

    private static String snapshot(String opportunity, String... recordIds) {
        return "{" + crmRecord(HOST, opportunity) + ", \"relatedRecords\": [" + Arrays.stream(recordIds)
                .map(id -> "{\"recordId\": \"" + id + "\", \"recordType\": \"contract\", \"recordTypeDisplayName\":"
                        + " \"Contract\", \"recordTypePluralDisplayName\": \"Contracts\", \"recordTitle\":"
                        + " \"Contract " + id + "\"}")
                .collect(Collectors.joining(", ")) + "]}";
    }

    private static String crmQuery(String opportunity) {
        return "?crmType=Dynamics%20365&crmOrgUrl=" + HOST + "&recordType=opportunity&recordId=" + opportunity;
    }

    /** A snapshot's created, replaced, unchanged and deleted counts. */
    private static String counts(HttpResponse<String> synced) {
        assertEquals(200, synced.statusCode(), synced::body);
        JsonObject json = Http.json(synced);
        return json.getInt("created") + " " + json.getInt("replaced") + " " + json.getInt("unchanged") + " "
                + json.getInt("deleted");
    }

    /** The opportunity's related records as curators see them. */
    private List<JsonObject> relatedOf(String opportunity) {
        return records(HOST).stream().filter(r -> r.getString("recordId").equals(opportunity)).findFirst()
                .map(r -> Http.array(as(CURATOR).get("admin/v1/records/" + r.getJsonNumber("id").longValue()
                        + "/related-records")).getValuesAs(JsonObject.class))
                .orElse(List.of());
    }

    /** The record details card's titles, as a seller reads them. */
    private List<String> relatedTitles(String opportunity) {
        HttpResponse<String> read = as(TestTokens.bearer(OURS)).get("v1/related-records?recordType=opportunity"
                + "&recordId=" + opportunity + "&crmOrgUrl=" + HOST);
        assertEquals(200, read.statusCode(), read::body);
        return Http.json(read).getJsonArray("value").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("recordTitle")).toList();
    }

    private HttpResponse<String> export(String type) {
        HttpResponse<String> export = as(CURATOR).get("admin/v1/export?crmType=Dynamics%20365&orgUrl=" + HOST,
                "Accept", type);
        assertEquals(200, export.statusCode(), export::body);
        return export;
    }

    private HttpResponse<String> importFile(String type, String file) {
        return as(CURATOR).send("POST", "admin/v1/import", file, "Content-Type", type);
    }

    private static String report(int created, int updated, int unchanged, int recordsAdded) {
        return "{\"insights\":" + (created + updated + unchanged) + ",\"created\":" + created + ",\"updated\":"
                + updated + ",\"unchanged\":" + unchanged + ",\"recordsAdded\":" + recordsAdded + "}";
    }

    private HttpResponse<String> read(String opportunity) {
        HttpResponse<String> read = as(TestTokens.bearer(OURS)).get("v1/opportunity-insights?recordType=opportunity"
                + "&recordId=" + opportunity + "&crmOrgUrl=" + HOST);
        assertEquals(200, read.statusCode(), read::body);
        return read;
    }

    private static List<String> titles(HttpResponse<String> page) {
        return Http.json(page).getJsonArray("value").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("title")).toList();
    }
}
