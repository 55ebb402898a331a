package org.salesinsights.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console end to end, in headless Chromium against a real server in demo mode: a curator signs in with a demo
 * token, meets the validation error of a 21-character title, creates an insight, previews the card, meets the
 * conflict of a stale version, and sellers then read the change. Screenshots go to target/screenshots/.
 */
@Tag("browser") // needs Chromium and chromedriver (the browser profile)
@ExtendWith(ArquillianExtension.class)
class ConsoleIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CONTOSO = "c07050c0-0000-4000-a000-000000000001";

    @ArquillianResource
    URL base;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DemoModeIT.inDemoMode();
    }

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,2000",
                "--lang=en-US");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws IOException {
        if (browser != null) {
            try {
                screenshot("last-" + test.getTestMethod().orElseThrow().getName() + ".png"); // where it ended
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void aCuratorCreatesAnInsightMeetsTheErrorsAndSellersReadTheChange() throws Exception {
        browser.get(uri("console/").toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-demo")));
        assertFalse(browser.findElement(By.id("workspace")).isDisplayed(), "nothing to work on before sign-in");
        click(By.id("sign-in-demo"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "Signed in as"));

        // the demo's organization is filled in; list its records and add one
        click(By.cssSelector("#org-form button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("records-caption"),
                "records of https://contoso.crm.dynamics.com"));
        String opportunity = UUID.randomUUID().toString();
        click(By.cssSelector("#add-record summary"));
        type(By.name("recordId"), opportunity);
        type(By.name("displayName"), "Console test");
        click(By.cssSelector("#record-form button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("record-title"), "Console test"));

        // a 21-character title: the counter warns, the API refuses it by field, and the console says so there
        click(By.id("new-insight"));
        type(By.id("f-title"), "Budget approved today");
        assertEquals("21/20", browser.findElement(By.id("f-title-count")).getText());
        assertTrue(browser.findElement(By.id("f-title-count")).getAttribute("class").contains("over"));
        // counted in UTF-16 code units as the API counts: five flags are 20 (full), a sixth grapheme passes the limit;
        // set by script, as ChromeDriver types only characters of the Basic Multilingual Plane
        String flags = "\uD83C\uDDE9\uD83C\uDDEA".repeat(5);
        input(By.id("f-title"), flags);
        assertEquals("20/20", browser.findElement(By.id("f-title-count")).getText());
        assertFalse(browser.findElement(By.id("f-title-count")).getAttribute("class").contains("over"));
        input(By.id("f-title"), flags + "e\u0301");
        assertEquals("22/20", browser.findElement(By.id("f-title-count")).getText());
        // a right-to-left mark, Hebrew, a family emoji
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        input(By.id("f-description"), "\u200F\u05E9\u05DC\u05D5\u05DD " + family);
        assertEquals("14/130", browser.findElement(By.id("f-description-count")).getText());
        type(By.id("f-title"), "Budget approved today");
        type(By.id("f-description"), "The CFO approved 120 machines.");
        click(By.id("save-insight"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("f-title-error"),
                "must be 1 to 20 characters (UTF-16 code units; an emoji counts 2 or more); it has 21."));
        assertTrue(browser.findElement(By.id("message")).isDisplayed());
        assertEquals("true", browser.findElement(By.id("f-title")).getAttribute("aria-invalid"));
        screenshot("console-validation-error.png");

        // corrected, with a link and a property: saved as version 1
        type(By.id("f-title"), "Budget approved");
        type(By.id("f-url"), "https://contosohub.example.com/budget/1");
        click(By.id("add-property"));
        type(By.cssSelector("#f-properties li:nth-child(1) .property-name"), "Amount");
        type(By.cssSelector("#f-properties li:nth-child(1) .property-value"), "120 machines");
        click(By.id("save-insight"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
                "Saved \"Budget approved\" (version 1)."));

        // the card as sellers see it: the bullet, its citation number, the citation card
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#card-area .bullets li"),
                "The CFO approved 120 machines."));
        click(By.cssSelector("#card-area .cite"));
        WebElement citation = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("citation-1")));
        assertEquals("Budget approved", citation.findElement(By.cssSelector(".citation-title")).getText());
        assertEquals("Amount", citation.findElement(By.tagName("dt")).getText());
        assertEquals("120 machines", citation.findElement(By.tagName("dd")).getText());
        assertEquals("https://contosohub.example.com/budget/1",
                citation.findElement(By.tagName("a")).getAttribute("href"));
        screenshot("console-preview.png");
        save(browser.findElement(By.id("card-area")).getScreenshotAs(OutputType.FILE), "card.png");

        // someone else changes the insight while the editor still holds version 1
        JsonObject insight = Http.array(Http.get(uri("api/admin/v1/records/" + recordId(opportunity) + "/insights"),
                "Authorization", curator())).getJsonObject(0);
        HttpResponse<String> elsewhere = Http.send(HttpRequest.newBuilder(uri("api/admin/v1/insights/"
                + insight.getJsonNumber("id"))).header("Authorization", curator()).header("If-Match", "\"1\"")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"title\": \"Budget approved\", \"description\": \"Changed elsewhere.\"}")).build());
        assertEquals(200, elsewhere.statusCode(), elsewhere::body);
        type(By.id("f-description"), "Signed by the CFO.");
        click(By.id("save-insight"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message-text"),
                "Someone changed this insight since you opened it"));
        screenshot("console-conflict.png");

        // reload shows their change; the curator's own change then saves as version 3
        click(By.id("message-action"));
        wait.until(ExpectedConditions.attributeToBe(By.id("f-description"), "value", "Changed elsewhere."));
        type(By.id("f-description"), "Signed by the CFO today.");
        click(By.id("save-insight"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "(version 3)."));

        HttpResponse<String> read = Http.get(uri("api/v1/opportunity-insights?recordType=opportunity&recordId="
                + opportunity), "Authorization", demoToken("?tenantId=" + CONTOSO));
        assertEquals(200, read.statusCode(), read::body);
        assertEquals("{\"value\":[{\"title\":\"Budget approved\",\"description\":\"Signed by the CFO today.\"}],"
                + "\"hasMoreResults\":false}", read.body(), "sellers read the curator's change");
    }

    /**
     * The record details card: a curator relates a contract to a record, meets a problem at its field, and sees the
     * card as sellers will (title, type and the first two properties as key fields; the title opens the details and
     * the link); sellers then read it from the record details action.
     */
    @Test
    void aCuratorRelatesAContractAndPreviewsTheRecordDetailsCard() throws Exception {
        browser.get(uri("console/").toString());
        click(By.id("sign-in-demo"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "Signed in as"));
        click(By.cssSelector("#org-form button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("records-caption"),
                "records of https://contoso.crm.dynamics.com"));
        String opportunity = UUID.randomUUID().toString();
        click(By.cssSelector("#add-record summary"));
        type(By.name("recordId"), opportunity);
        type(By.name("displayName"), "Console related");
        click(By.cssSelector("#record-form button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("record-title"), "Console related"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("related-card-area"),
                "Sellers see no related records from us for this record."));

        click(By.id("new-related"));
        type(By.id("r-recordTitle"), "Renewal contract 2026");
        type(By.id("r-recordId"), "C-2026-1");
        type(By.id("r-recordType"), "a contract");
        type(By.id("r-recordTypeDisplayName"), "Contract");
        type(By.id("r-recordTypePluralDisplayName"), "Contracts");
        type(By.id("r-url"), "https://contosohub.example.com/contracts/2026-1");
        click(By.id("add-related-property"));
        type(By.cssSelector("#r-properties li:nth-child(1) .property-name"), "Status");
        type(By.cssSelector("#r-properties li:nth-child(1) .property-value"), "Signed");
        click(By.id("add-related-property"));
        type(By.cssSelector("#r-properties li:nth-child(2) .property-name"), "Owner");
        type(By.cssSelector("#r-properties li:nth-child(2) .property-value"), "Kenny Smith");
        click(By.id("add-related-property"));
        type(By.cssSelector("#r-properties li:nth-child(3) .property-name"), "Signed on");
        type(By.cssSelector("#r-properties li:nth-child(3) .property-value"), "11/30/26");
        click(By.id("save-related"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("r-recordType-error"),
                "must be a system name"));
        assertEquals("true", browser.findElement(By.id("r-recordType")).getAttribute("aria-invalid"));

        type(By.id("r-recordType"), "contract");
        click(By.id("save-related"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
                "Saved \"Renewal contract 2026\" (version 1)."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("related-records"),
                "Renewal contract 2026"));

        // the card: the title, its type and two key fields; the title opens every property and the link
        WebElement title = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#related-card-area .related-title")));
        assertEquals("Renewal contract 2026", title.getText());
        assertEquals("Contract · Status: Signed · Owner: Kenny Smith", browser.findElement(
                By.cssSelector("#related-card-area .related li p")).getText());
        title.click();
        WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("related-1")));
        assertEquals(3, details.findElements(By.tagName("dt")).size());
        assertEquals("https://contosohub.example.com/contracts/2026-1",
                details.findElement(By.tagName("a")).getAttribute("href"));
        screenshot("console-related-preview.png");
        save(browser.findElement(By.id("related-card-area")).getScreenshotAs(OutputType.FILE), "related-card.png");

        HttpResponse<String> read = Http.get(uri("api/v1/related-records?recordType=opportunity&recordId="
                + opportunity), "Authorization", demoToken("?tenantId=" + CONTOSO));
        assertEquals(200, read.statusCode(), read::body);
        assertEquals("{\"value\":[{\"recordId\":\"C-2026-1\",\"recordTypeDisplayName\":\"Contract\","
                + "\"recordTypePluralDisplayName\":\"Contracts\",\"recordType\":\"contract\",\"recordTitle\":"
                + "\"Renewal contract 2026\",\"url\":\"https://contosohub.example.com/contracts/2026-1\","
                + "\"additionalProperties\":{\"Status\":\"Signed\",\"Owner\":\"Kenny Smith\",\"Signed on\":"
                + "\"11/30/26\"}}],\"hasMoreResults\":false}", read.body(), "sellers read the curator's record");
    }

    @Test
    void aCuratorImportsAFileTranslatesAnInsightAndPreviewsItInGerman() throws Exception {
        String opportunity = UUID.randomUUID().toString();
        Path file = Files.createTempFile("insights", ".csv");
        Files.writeString(file, "crmType,orgUrl,recordType,recordId,recordName,key,title,description\r\n"
                + "Dynamics 365,https://contoso.crm.dynamics.com,opportunity," + opportunity + ",Imported deal,"
                + "quote,Quote sent,\"Quote Q-7 went to procurement, due Friday.\"\r\n");
        browser.get(uri("console/").toString());
        click(By.id("sign-in-demo"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "Signed in as"));
        click(By.cssSelector("#org-form button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("records-caption"), "records of"));

        browser.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        click(By.cssSelector("#import-form button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-report"),
                "1 new, 0 changed, 0 already so; 1 record added."));
        type(By.id("record-filter"), opportunity.substring(0, 13));
        click(By.cssSelector("#records tbody button"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("record-title"), "Imported deal"));

        click(By.cssSelector("#insights button"));
        type(By.id("t-language"), "de");
        type(By.id("t-title"), "Angebot versandt");
        type(By.id("t-description"), "Angebot Q-7 ist beim Einkauf, f\u00e4llig am Freitag.");
        click(By.cssSelector("#translation-form button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
                "Saved the de translation (version 2)."));
        new Select(browser.findElement(By.id("preview-language"))).selectByVisibleText("de");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#card-area .bullets li"),
                "Angebot Q-7 ist beim Einkauf"));
        assertTrue(browser.findElement(By.id("card-area")).getText().contains("Served in: de"));
        screenshot("console-translation-preview.png");
    }

    @Test
    void aCuratorListsATenantsFeederSeesItAfterAReloadAndMeetsAProblemAtItsRow() throws Exception {
        // a tenant of its own, registered through the API, so that the demo tenants stay as the other tests know them
        String tenantId = UUID.randomUUID().toString();
        String name = "Console feeders " + tenantId.substring(0, 8);
        String organization = "{\"crmType\": \"Dynamics 365\", \"orgUrl\": \"console-" + tenantId.substring(0, 8)
                + ".crm.dynamics.com\", \"displayName\": \"Console org\"}";
        HttpResponse<String> registered = Http.send(HttpRequest.newBuilder(uri("api/admin/v1/tenants/" + tenantId))
                .header("Authorization", curator()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\": \"" + name + "\", \"organizations\": ["
                        + organization + "]}")).build());
        assertEquals(201, registered.statusCode(), registered::body);

        browser.get(uri("console/").toString());
        click(By.id("sign-in-demo"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "Signed in as"));
        openTenant(name);
        assertEquals(0, browser.findElements(By.cssSelector("#tn-feeders li")).size(), "no feeders yet");
        click(By.id("add-feeder"));
        type(feeder(0, "appId"), "A7C1E000-0000-4000-A000-0000000000C1");
        type(feeder(0, "name"), "Quote system");
        click(By.id("add-feeder")); // left empty: not sent
        click(By.id("save-tenant"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Saved tenant " + name));

        // the page loaded anew (the demo sign-in is kept for the tab): the registry has the feeder, as the API shows
        browser.navigate().refresh();
        openTenant(name);
        assertEquals(1, browser.findElements(By.cssSelector("#tn-feeders li")).size());
        assertEquals("a7c1e000-0000-4000-a000-0000000000c1", browser.findElement(feeder(0, "appId"))
                .getAttribute("value"), "the app id as the registry keeps it");
        assertEquals("Quote system", browser.findElement(feeder(0, "name")).getAttribute("value"));
        JsonObject tenant = Http.json(Http.get(uri("api/admin/v1/tenants/" + tenantId), "Authorization", curator()));
        assertEquals("[{\"appId\":\"a7c1e000-0000-4000-a000-0000000000c1\",\"name\":\"Quote system\"}]",
                tenant.getJsonArray("feeders").toString());
        assertEquals("[{\"crmType\":\"Dynamics 365\",\"host\":\"console-" + tenantId.substring(0, 8)
                + ".crm.dynamics.com\",\"displayName\":\"Console org\"}]", tenant.getJsonArray("organizations")
                .toString(), "the organizations went back as they were");
        long version = tenant.getJsonNumber("version").longValue();

        // a second feeder whose app id is no GUID: the registry's problem is shown at that row's field
        click(By.id("add-feeder"));
        type(feeder(1, "appId"), "quote-system");
        type(feeder(1, "name"), "Second system");
        click(By.id("save-tenant"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(feederError(1, "appId"),
                "must be the application's (client) id, a GUID."));
        assertEquals("true", browser.findElement(feeder(1, "appId")).getAttribute("aria-invalid"));
        assertEquals("", browser.findElement(feederError(0, "appId")).getText(), "the first row is fine");
        assertTrue(browser.findElement(By.id("message")).isDisplayed());
        screenshot("console-feeders-problem.png");
        assertEquals(version, Http.json(Http.get(uri("api/admin/v1/tenants/" + tenantId), "Authorization", curator()))
                .getJsonNumber("version").longValue(), "nothing was saved");

        // at most 50: the console offers no more rows than the registry takes
        while (browser.findElement(By.id("add-feeder")).isEnabled()) {
            browser.findElement(By.id("add-feeder")).click();
        }
        assertEquals(50, browser.findElements(By.cssSelector("#tn-feeders li")).size());
        click(By.cssSelector("button[aria-label='Remove feeder 50']"));
        assertTrue(browser.findElement(By.id("add-feeder")).isEnabled());
    }

    private void openTenant(String name) {
        click(By.id("list-tenants"));
        click(By.cssSelector("button[aria-label='Open tenant " + name + "']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenant-title"), name));
    }

    /** A field of a feeder's row, by the registry's name for it (feeders[1].appId: the second row's app id). */
    private static By feeder(int index, String field) {
        return By.xpath("//*[@id='tn-feeders[" + index + "]." + field + "']");
    }

    /** Where the problem of a feeder's field is shown. */
    private static By feederError(int index, String field) {
        return By.xpath("//*[@id='tn-feeders[" + index + "]." + field + "-error']");
    }

    private long recordId(String opportunity) {
        return Http.array(Http.get(uri("api/admin/v1/records?crmType=Dynamics%20365&orgUrl=contoso.crm.dynamics.com"),
                "Authorization", curator())).getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("recordId").equals(opportunity)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    private String curator() {
        return demoToken("?tenantId=" + TestTokens.PARTNER + "&role=" + TestTokens.ADMIN_ROLE);
    }

    private String demoToken(String query) {
        HttpResponse<String> token = Http.get(uri("api/demo/token" + query), "Accept", "application/json");
        assertEquals(200, token.statusCode(), token::body);
        return "Bearer " + Http.json(token).getString("accessToken");
    }

    private void click(By what) {
        wait.until(ExpectedConditions.elementToBeClickable(what)).click();
    }

    private void type(By where, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(where));
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a field's value as typing would, firing its input event. */
    private void input(By where, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(where));
        browser.executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field, text);
    }

    private void screenshot(String name) throws IOException {
        save(browser.getScreenshotAs(OutputType.FILE), name);
    }

    private static void save(File screenshot, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(screenshot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Under the loopback address: the demo token desk answers only to a loopback Host, and Arquillian's URL names the
     * machine by its network name.
     */
    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + base.getPort() + base.getPath()).resolve(path);
    }
}
