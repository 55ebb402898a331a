package org.salesinsights.seeding.control;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import org.salesinsights.curation.control.InsightFiles;
import org.salesinsights.curation.control.InsightRow;
import org.salesinsights.curation.control.RelatedRecordFiles;
import org.salesinsights.curation.control.TextRoom;
import org.salesinsights.insights.control.CrmRecordKey;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.platform.errors.ApiException;
import org.salesinsights.platform.requests.JsonBodies;
import org.salesinsights.signin.control.TenantIds;
import org.salesinsights.tenants.control.TenantChange;
import org.salesinsights.tenants.control.TenantChangeParser;

/**
 * A seed file: the tenants it seeds with their CRM organizations, and insights as an import file holds them, every
 * row named by its natural key and never by a number the database made:
 *
 * <pre>
 * {"tenants": [{"tenantId": "...", "displayName": "Northwind Traders",
 *               "organizations": [{"crmType": "Dynamics 365", "orgUrl": "https://northwind.crm4.dynamics.com"}],
 *               "feeders": [{"appId": "...", "name": "Quote system"}]}],
 *  "insights": [{"crmType": "Dynamics 365", "orgUrl": "https://northwind.crm4.dynamics.com",
 *                "recordType": "opportunity", "recordId": "...", "key": "quote-q-2026-118", "title": "...", ...}]}
 * </pre>
 *
 * Each insight's organization must be one a tenant of the same file declares, so that the file says whose every row
 * is; whether the database lets the tenant have it is checked when the file runs. Everything is checked as the admin
 * API checks it (tenants as {@code PUT /tenants/{id}}, insights as an import), but for the length of titles and
 * descriptions: a seed may store longer text ({@link TextRoom#COLUMN}), which the read actions cut. Every problem is
 * reported at once, by line.
 */
public record SeedFile(String name, List<SeedTenant> tenants, List<InsightRow> insights,
        List<RelatedRecordFiles.Row> relatedRecords) {

    public SeedFile {
        tenants = List.copyOf(tenants);
        insights = List.copyOf(insights);
        relatedRecords = List.copyOf(relatedRecords);
    }


    /**
     * A tenant of the file, with the line where it starts: its organizations, and the applications it lets feed
     * them (none when the file lists none).
     */
    public record SeedTenant(int line, String tenantId, String displayName, List<SeedOrganization> organizations,
            List<TenantChange.Feeder> feeders) {

        public SeedTenant {
            organizations = List.copyOf(organizations);
            feeders = List.copyOf(feeders);
        }
    }

    /** An organization a tenant of the file owns, with the line where it starts. */
    public record SeedOrganization(int line, TenantChange.Organization organization) {

        public String label() {
            return organization.crmType().label() + " organization " + organization.host();
        }
    }

    /** How many tenants, insights and related records it holds. */
    public int entries() {
        return tenants.size() + insights.size() + relatedRecords.size();
    }

    /**
     * Reads the script as a seed file, or throws {@link InvalidSeedFile} listing every problem by line.
     *
     * @param records checks each insight's record as the read action would name it
     */
    public static SeedFile parse(SeedScript script, InsightsQueryParser records) {
        List<Problem> problems = new ArrayList<>();
        List<SeedTenant> tenants = new ArrayList<>();
        List<InsightRow> insights = new ArrayList<>();
        List<RelatedRecordFiles.Row> related = new ArrayList<>();
        try {
            JsonBodies.requireShallow(script.text());
            try (JsonParser parser = Json.createParser(new StringReader(script.text()))) {
                if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                    throw new InvalidSeedFile(script.name(), List.of(new Problem(1, NOT_A_SEED_FILE)));
                }
                boolean tenantsRead = false;
                boolean insightsRead = false;
                boolean relatedRead = false;
                JsonParser.Event event;
                while ((event = parser.next()) != JsonParser.Event.END_OBJECT) {
                    int line = line(parser);
                    String part = event == JsonParser.Event.KEY_NAME ? parser.getString() : "";
                    JsonParser.Event value = parser.next();
                    if (part.equals("tenants") && !tenantsRead && value == JsonParser.Event.START_ARRAY) {
                        tenantsRead = true;
                        tenants(parser, tenants, problems);
                    } else if (part.equals("insights") && !insightsRead && value == JsonParser.Event.START_ARRAY) {
                        insightsRead = true;
                        InsightFiles.Read read = InsightFiles.readInsights(parser, records, TextRoom.COLUMN);
                        insights.addAll(read.rows());
                        read.problems().forEach(p -> problems.add(new Problem(p.line(), fields(p.fields()))));
                    } else if (part.equals("relatedRecords") && !relatedRead
                            && value == JsonParser.Event.START_ARRAY) {
                        relatedRead = true;
                        RelatedRecordFiles.read(parser, records, related,
                                (line1, fields) -> problems.add(new Problem(line1, fields(fields))));
                    } else {
                        parser.getValue(); // skipped: the problem is the part itself
                        problems.add(new Problem(line, "\"" + part + "\" " + (tenantsRead && part.equals("tenants")
                                || insightsRead && part.equals("insights")
                                || relatedRead && part.equals("relatedRecords") ? "is there twice"
                                : part.equals("tenants") || part.equals("insights") || part.equals("relatedRecords")
                                        ? "must be a list"
                                : "is not a part of a seed file, which holds \"tenants\", \"insights\" and"
                                        + " \"relatedRecords\"") + "."));
                    }
                }
                if (parser.hasNext()) {
                    parser.next();
                    problems.add(new Problem(line(parser), "the file goes on after its object ends."));
                }
            }
        } catch (JsonParsingException e) {
            problems.add(new Problem((int) e.getLocation().getLineNumber(), "not valid JSON at column "
                    + e.getLocation().getColumnNumber() + "."));
        } catch (ApiException e) { // nested too deep, or more insights than a file may hold
            problems.add(new Problem(1, e.getMessage()));
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            problems.add(new Problem(1, NOT_A_SEED_FILE));
        } catch (IllegalArgumentException e) { // a number beyond what a decimal holds, such as 1e9999999999
            problems.add(new Problem(1, "it holds a number too large to read."));
        }
        if (problems.isEmpty()) {
            declaredOnce(tenants, problems);
            everyInsightsOrganizationDeclared(tenants, insights, problems);
            everyRelatedRecordsOrganizationDeclared(tenants, related, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSeedFile(script.name(), problems);
        }
        return new SeedFile(script.name(), tenants, insights, related);
    }

    private static final String NOT_A_SEED_FILE = "a seed file is a JSON object: {\"tenants\": [ ... ], \"insights\":"
            + " [ ... ]} (see server-config/seed/seed-template.json).";

    private static void tenants(JsonParser parser, List<SeedTenant> tenants, List<Problem> problems) {
        JsonParser.Event event;
        while ((event = parser.next()) != JsonParser.Event.END_ARRAY) {
            int line = line(parser);
            if (event != JsonParser.Event.START_OBJECT) {
                parser.getValue();
                problems.add(new Problem(line, "a tenant must be an object with tenantId, displayName and"
                        + " organizations."));
                continue;
            }
            tenant(parser, line, tenants, problems);
        }
    }

    /** One tenant, from a parser that has just read its start: its fields but the organizations, then each of them. */
    private static void tenant(JsonParser parser, int line, List<SeedTenant> tenants, List<Problem> problems) {
        JsonObjectBuilder fields = Json.createObjectBuilder();
        JsonValue tenantId = null;
        List<SeedOrganization> organizations = new ArrayList<>();
        int before = problems.size();
        boolean listed = false;
        while (parser.next() != JsonParser.Event.END_OBJECT) {
            String key = parser.getString();
            JsonParser.Event value = parser.next();
            if (key.equals("organizations") && value == JsonParser.Event.START_ARRAY) {
                listed = true;
                while (parser.next() != JsonParser.Event.END_ARRAY) {
                    int at = line(parser);
                    Map<String, Object> found = new LinkedHashMap<>();
                    Optional<TenantChange.Organization> organization = TenantChangeParser.organization(
                            parser.getValue(), "organization", found);
                    organization.ifPresent(o -> organizations.add(new SeedOrganization(at, o)));
                    if (!found.isEmpty()) {
                        problems.add(new Problem(at, fields(found)));
                    }
                }
            } else if (key.equals("tenantId")) {
                tenantId = parser.getValue();
            } else {
                fields.add(key, parser.getValue());
            }
        }
        Optional<String> id = tenantId instanceof JsonString text ? TenantIds.normalize(text.getString())
                : Optional.empty();
        if (id.isEmpty()) {
            problems.add(new Problem(line, "tenantId must be the customer's Entra tenant id (a GUID)."));
        }
        if (!listed) {
            problems.add(new Problem(line, "organizations must be a list of the CRM organizations the tenant owns."));
        }
        // the tenant's own fields, its feeders too, checked as the admin API checks a tenant (its organizations were
        // checked above)
        JsonObject tenant = fields.add("organizations", Json.createArrayBuilder()).build();
        TenantChange change = null;
        try {
            change = TenantChangeParser.parse(tenant.toString());
        } catch (ApiException e) {
            problems.add(new Problem(line, fields(e.details())));
        }
        if (problems.size() == before) {
            tenants.add(new SeedTenant(line, id.orElseThrow(), change.displayName(), organizations, change.feeders()));
        }
    }

    /** A tenant once; an organization once, under one tenant: else which of them a row belongs to is unclear. */
    private static void declaredOnce(List<SeedTenant> tenants, List<Problem> problems) {
        Map<String, Integer> tenantLines = new HashMap<>();
        Map<String, Integer> organizationLines = new HashMap<>();
        for (SeedTenant tenant : tenants) {
            Integer first = tenantLines.putIfAbsent(tenant.tenantId(), tenant.line());
            if (first != null) {
                problems.add(new Problem(tenant.line(), "tenant " + tenant.tenantId() + " is declared at line "
                        + first + " already."));
            }
            for (SeedOrganization organization : tenant.organizations()) {
                Integer earlier = organizationLines.putIfAbsent(key(organization.organization()), organization.line());
                if (earlier != null) {
                    problems.add(new Problem(organization.line(), "the " + organization.label()
                            + " is declared at line " + earlier + " already; an organization belongs to one tenant."));
                }
            }
        }
    }

    private static void everyInsightsOrganizationDeclared(List<SeedTenant> tenants, List<InsightRow> insights,
            List<Problem> problems) {
        Map<String, SeedOrganization> declared = tenants.stream().flatMap(t -> t.organizations().stream())
                .collect(Collectors.toMap(o -> key(o.organization()), o -> o, (a, b) -> a));
        for (InsightRow insight : insights) {
            if (!declared.containsKey(insight.crmType().name() + ' ' + insight.orgHost())) {
                problems.add(new Problem(insight.line(), "the insight's " + insight.crmType().label()
                        + " organization " + insight.orgHost() + " is not among the organizations of this file's"
                        + " tenants: add it to the organizations of the tenant it belongs to."));
            }
        }
    }

    private static void everyRelatedRecordsOrganizationDeclared(List<SeedTenant> tenants,
            List<RelatedRecordFiles.Row> related, List<Problem> problems) {
        java.util.Set<String> declared = tenants.stream().flatMap(t -> t.organizations().stream())
                .map(o -> key(o.organization())).collect(Collectors.toSet());
        for (RelatedRecordFiles.Row row : related) {
            CrmRecordKey record = row.crmRecord();
            if (!declared.contains(record.crmType().name() + ' ' + record.orgHost().orElseThrow())) {
                problems.add(new Problem(row.line(), "the related record's " + record.crmType().label()
                        + " organization " + record.orgHost().orElseThrow() + " is not among the organizations of"
                        + " this file's tenants: add it to the organizations of the tenant it belongs to."));
            }
        }
    }

    private static String key(TenantChange.Organization organization) {
        return organization.crmType().name() + ' ' + organization.host();
    }

    private static int line(JsonParser parser) {
        return (int) parser.getLocation().getLineNumber();
    }

    /** Problems by field as one sentence: {@code title: must be ...; url: must be ...}. */
    private static String fields(Map<String, Object> found) {
        return found.entrySet().stream().map(f -> f.getKey() + ": " + f.getValue())
                .collect(Collectors.joining("; "));
    }

    /** A problem of a seed file, at the line where the entry it concerns starts. */
    public record Problem(int line, String message) {

        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    /** The seed file cannot run: every problem by line, so that one edit fixes them all. */
    public static final class InvalidSeedFile extends IllegalStateException {

        private final transient List<Problem> problems;

        public InvalidSeedFile(String name, List<Problem> problems) {
            super("Seed file " + name + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + "; nothing was seeded. " + problems.stream().sorted(java.util.Comparator.comparingInt(
                            Problem::line)).map(Problem::toString).collect(Collectors.joining("; ")));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }
}
