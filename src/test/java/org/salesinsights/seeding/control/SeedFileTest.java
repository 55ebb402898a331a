package org.salesinsights.seeding.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.salesinsights.curation.control.InsightRow;
import org.salesinsights.insights.control.InsightsQueryParser;
import org.salesinsights.insights.control.PagingLimits;
import org.salesinsights.insights.control.TextLimits;
import org.salesinsights.insights.entity.CrmType;
import org.salesinsights.tenants.control.TenantChange;

/** Seed files: read as the admin API reads tenants and imports, every row by its natural key, problems by line. */
class SeedFileTest {

    private static final InsightsQueryParser RECORDS = new InsightsQueryParser(new PagingLimits(5, 50));
    private static final String NORTHWIND = "0a0b0c0d-0000-4000-a000-00000000e500";

    @Test
    void theTemplateSeedsATenantItsOrganizationAndAnInsightWithATranslation() throws Exception {
        SeedFile template = parse("/etc/sales-insights/seed.json",
                Files.readString(Path.of("server-config/seed/seed-template.json")));
        assertEquals(1, template.tenants().size());
        SeedFile.SeedTenant tenant = template.tenants().get(0);
        assertEquals(NORTHWIND, tenant.tenantId());
        assertEquals("Northwind Traders", tenant.displayName());
        assertEquals(CrmType.DYNAMICS_365, tenant.organizations().get(0).organization().crmType());
        assertEquals("northwind.crm4.dynamics.com", tenant.organizations().get(0).organization().host());
        assertEquals(7, tenant.organizations().get(0).line());
        InsightRow insight = template.insights().get(0);
        assertEquals(16, insight.line());
        assertEquals("quote-q-2026-118", insight.insight().key());
        assertEquals("Angebot versandt", insight.translations().get("de").title());
        assertEquals(2, template.entries());
    }

    @Test
    void theDemoSetRelatesRecordsToOneRecordOfEachTenant() {
        SeedFile demo = parse(SeedScript.DEMO, SeedScript.load(SeedScript.DEMO, getClass().getClassLoader())
                .get(0).text());
        assertEquals(6, demo.relatedRecords().size());
        assertEquals(Set.of("contoso.crm.dynamics.com", "fabrikam.my.salesforce.com", "adatum.crm4.dynamics.com"),
                demo.relatedRecords().stream().map(r -> r.crmRecord().orgHost().orElseThrow())
                        .collect(Collectors.toSet()));
        assertEquals("Verträge", demo.relatedRecords().get(5).document().recordTypePluralDisplayName());
    }

    @Test
    void aRelatedRecordsProblemsAreReportedByFieldOnItsLine() {
        String file = "{\"tenants\": [{\"tenantId\": \"" + NORTHWIND + "\", \"displayName\": \"N\","
                + " \"organizations\": [{\"crmType\": \"Dynamics 365\", \"orgUrl\": \"northwind.crm4.dynamics.com\"}]}],\n"
                + "\"relatedRecords\": [\n"
                + "{\"crmRecord\": {\"crmType\": \"Dynamics 365\", \"orgUrl\": \"northwind.crm4.dynamics.com\","
                + " \"recordType\": \"account\", \"recordId\": \"x\"}, \"recordId\": \"C-1\"},\n"
                + "{\"crmRecord\": {\"crmType\": \"Dynamics 365\", \"orgUrl\": \"elsewhere.crm.dynamics.com\","
                + " \"recordType\": \"account\", \"recordId\": \"" + NORTHWIND + "\"}, \"recordId\": \"C-1\","
                + " \"recordType\": \"contract\", \"recordTypeDisplayName\": \"Contract\","
                + " \"recordTypePluralDisplayName\": \"Contracts\", \"recordTitle\": \"T\"}]}";
        SeedFile.InvalidSeedFile refused = assertThrows(SeedFile.InvalidSeedFile.class, () -> parse("n.json", file));
        assertEquals(1, refused.problems().size(), refused.problems()::toString);
        String problem = refused.problems().get(0).toString();
        assertTrue(problem.contains("crmRecord.recordId") && problem.contains("recordTitle"), problem);
        String fixed = file.replace("\"recordId\": \"x\"}, \"recordId\": \"C-1\"}", "\"recordId\": \"" + NORTHWIND
                + "\"}, \"recordId\": \"C-2\", \"recordType\": \"quote\", \"recordTypeDisplayName\": \"Quote\","
                + " \"recordTypePluralDisplayName\": \"Quotes\", \"recordTitle\": \"Q\"}");
        SeedFile.InvalidSeedFile elsewhere = assertThrows(SeedFile.InvalidSeedFile.class, () -> parse("n.json",
                fixed));
        assertTrue(elsewhere.problems().get(0).toString().contains("elsewhere.crm.dynamics.com is not among"),
                elsewhere.problems()::toString);
        SeedFile good = parse("n.json", fixed.replace("elsewhere.crm.dynamics.com", "northwind.crm4.dynamics.com"));
        assertEquals(List.of("C-2", "C-1"), good.relatedRecords().stream().map(r -> r.document().recordId()).toList());
        assertEquals(3, good.entries());
    }

    @Test
    void theDemoSetIsWhatTheReadmePromises() {
        SeedFile demo = parse(SeedScript.DEMO, SeedScript.load(SeedScript.DEMO, getClass().getClassLoader())
                .get(0).text());
        assertEquals(3, demo.tenants().size());
        assertEquals(34, demo.insights().size());
        assertEquals(14, demo.insights().stream()
                .filter(i -> i.recordId().equals("d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91")).count());
        assertEquals(Set.of("opportunity", "account", "lead", "contact"),
                demo.insights().stream().map(InsightRow::recordType).collect(Collectors.toSet()));
        assertEquals(Set.of(CrmType.DYNAMICS_365, CrmType.SALESFORCE),
                demo.insights().stream().map(InsightRow::crmType).collect(Collectors.toSet()));
        assertTrue(demo.insights().stream().filter(i -> TextLimits.length(i.insight().title())
                > TextLimits.TITLE_MAX).count() >= 2, "titles that the read actions must cut");
        assertTrue(demo.insights().stream().filter(i -> TextLimits.length(i.insight().description())
                > TextLimits.DESCRIPTION_MAX).count() >= 2, "descriptions that the read actions must cut");
        assertTrue(demo.insights().stream().flatMap(i -> i.insight().additionalProperties().stream())
                .anyMatch(p -> p.value().equals("J\u00fcrgen Wei\u00df")), "non-ASCII text");
        assertTrue(demo.insights().stream().anyMatch(i -> i.translations() != null && !i.translations().isEmpty()));
        // examples/feed-demo.sh feeds Contoso as this application, with no curator's step before it
        assertEquals(List.of(List.of(new TenantChange.Feeder("a7c1e000-0000-4000-a000-000000000001",
                "Demo back office")), List.of(), List.of()), demo.tenants().stream().map(SeedFile.SeedTenant::feeders)
                .toList());
    }

    @Test
    void aTenantsFeedersAreReadAsTheRegistryReadsThemAndTheirProblemsReportedAtTheTenantsLine() {
        String file = """
                {"tenants": [
                  {"tenantId": "%s", "displayName": "Northwind", "organizations": [],
                   "feeders": [{"appId": "A7C1E000-0000-4000-A000-000000000001", "name": "Quote system"}]},
                  {"tenantId": "0a0b0c0d-0000-4000-a000-00000000e501", "displayName": "Other", "organizations": [],
                   "feeders": [{"appId": "quotes", "name": "Quote system"}]}]}
                """.formatted(NORTHWIND);
        SeedFile.InvalidSeedFile refused = assertThrows(SeedFile.InvalidSeedFile.class, () -> parse("seed.json", file));
        assertEquals(List.of(new SeedFile.Problem(4, "feeders[0].appId: must be the application's (client) id, a"
                + " GUID.")), refused.problems());
        SeedFile.SeedTenant northwind = parse("seed.json", file.replace("\"quotes\"",
                "\"a7c1e000-0000-4000-a000-000000000002\"")).tenants().get(0);
        assertEquals(List.of(new TenantChange.Feeder("a7c1e000-0000-4000-a000-000000000001", "Quote system")),
                northwind.feeders(), "the app id normalized as the registry's PUT normalizes it");
    }

    @Test
    void thePrismChecksAdversarialTextIsASeedFileWithTextTheReadActionsMustCut() throws Exception {
        SeedFile adversarial = parse("adversarial-text.json",
                Files.readString(Path.of("src/test/resources/seed/adversarial-text.json")));
        assertEquals(7, adversarial.insights().size());
        assertTrue(adversarial.insights().stream().filter(i -> TextLimits.length(i.insight().title())
                > TextLimits.TITLE_MAX).count() >= 5, "over-long titles, kept as they are");
    }

    @Test
    void anInsightOfAnOrganizationNoTenantOfTheFileDeclaresIsRefusedAtItsLine() {
        String file = """
                {"tenants": [{"tenantId": "%s", "displayName": "Northwind",
                              "organizations": [{"crmType": "Dynamics 365", "orgUrl": "northwind.crm4.dynamics.com"}]}],
                 "insights": [
                   {"crmType": "Dynamics 365", "orgUrl": "https://northwind.crm4.dynamics.com", "recordType": "opportunity",
                    "recordId": "5eed0000-0000-4000-a000-000000000500", "key": "mine", "title": "Mine", "description": "Ours."},
                   {"crmType": "Dynamics 365", "orgUrl": "https://contoso.crm.dynamics.com", "recordType": "opportunity",
                    "recordId": "d1c6a4e2-5f3b-4c8e-9a7d-2b1e0f6c3a91", "key": "theirs", "title": "Theirs",
                    "description": "Into another tenant's record."}]}
                """.formatted(NORTHWIND);
        SeedFile.InvalidSeedFile refused = assertThrows(SeedFile.InvalidSeedFile.class, () -> parse("seed.json", file));
        assertEquals(List.of(new SeedFile.Problem(6, "the insight's Dynamics 365 organization contoso.crm.dynamics.com"
                + " is not among the organizations of this file's tenants: add it to the organizations of the tenant it"
                + " belongs to.")), refused.problems());
        assertTrue(refused.getMessage().startsWith("Seed file seed.json has 1 problem; nothing was seeded. line 6: "),
                refused.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnceByLine() {
        String file = """
                {"tenants": [
                  {"tenantId": "not-a-guid", "displayName": "A",
                   "organizations": [{"crmType": "Dynamics 365", "orgUrl": "a.crm.dynamics.com"}]},
                  {"tenantId": "%s", "displayName": "B",
                   "organizations": [
                     {"crmType": "Dynamics 365", "orgUrl": "https://a.crm.dynamics.com"},
                     {"crmType": "Oracle", "orgUrl": "b.example.com"}]},
                  {"tenantId": "%s", "displayName": "B again", "organizations": []}
                 ],
                 "insights": [
                   {"crmType": "Dynamics 365", "orgUrl": "a.crm.dynamics.com", "recordType": "opportunity",
                    "recordId": "5eed0000-0000-4000-a000-000000000500", "key": "long", "title": "%s", "description": "x"},
                   {"crmType": "Dynamics 365", "orgUrl": "a.crm.dynamics.com", "recordType": "opportunity",
                    "recordId": "5eed0000-0000-4000-a000-000000000500", "title": "No key", "description": "x"}
                 ],
                 "records": []}
                """.formatted(NORTHWIND, NORTHWIND, "x".repeat(201));
        SeedFile.InvalidSeedFile refused = assertThrows(SeedFile.InvalidSeedFile.class, () -> parse("seed.json", file));
        assertEquals(List.of(2, 7, 11, 13, 16), refused.problems().stream().map(SeedFile.Problem::line).sorted()
                .toList(), refused.getMessage());
        String message = refused.getMessage();
        assertTrue(message.contains("line 2: tenantId must be the customer's Entra tenant id (a GUID)."), message);
        assertTrue(message.contains("line 7: organization.crmType: must be 'Dynamics 365' or 'Salesforce'."), message);
        assertTrue(message.contains("line 11: title: must be 1 to 200 characters"), message);
        assertTrue(message.contains("line 13: key: is required in a file"), message);
        assertTrue(message.contains("line 16: \"records\" is not a part of a seed file"), message);
    }

    @Test
    void aTenantOrAnOrganizationDeclaredTwiceIsRefusedAtTheSecond() {
        String file = """
                {"tenants": [
                  {"tenantId": "%s", "displayName": "A",
                   "organizations": [{"crmType": "Salesforce", "orgUrl": "a.my.salesforce.com"}]},
                  {"tenantId": "%s", "displayName": "A again",
                   "organizations": [{"crmType": "Salesforce", "orgUrl": "https://A.my.salesforce.com/"}]}]}
                """.formatted(NORTHWIND, NORTHWIND);
        SeedFile.InvalidSeedFile refused = assertThrows(SeedFile.InvalidSeedFile.class, () -> parse("seed.json", file));
        assertEquals(List.of(new SeedFile.Problem(4, "tenant " + NORTHWIND + " is declared at line 2 already."),
                new SeedFile.Problem(5, "the Salesforce organization a.my.salesforce.com is declared at line 3 already;"
                        + " an organization belongs to one tenant.")), refused.problems());
    }

    @Test
    void whatIsNotASeedFileSaysWhereItBreaks() {
        assertEquals(List.of(new SeedFile.Problem(3, "not valid JSON at column 3.")),
                assertThrows(SeedFile.InvalidSeedFile.class, () -> parse("seed.json", "{\"tenants\": [\n\n  ,"))
                        .problems());
        assertEquals(1, assertThrows(SeedFile.InvalidSeedFile.class,
                () -> parse("seed.json", "INSERT INTO tenant VALUES (1)")).problems().get(0).line());
        assertEquals(1, assertThrows(SeedFile.InvalidSeedFile.class, () -> parse("seed.json", "[]")).problems().size());
        assertEquals(List.of(), parse("seed.json", "{\"tenants\": []}").tenants(), "an empty seed is a seed");
    }

    private static SeedFile parse(String name, String text) {
        return SeedFile.parse(SeedScript.of(name, text), RECORDS);
    }
}
