package org.salesinsights.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RequiredEnvironmentTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("INSIGHTS_DB_HOST", "db.internal",
            "INSIGHTS_DB_PASSWORD", "");

    @Test
    void everyNamedVariableThatIsNotSetIsMissing() {
        assertEquals(List.of("INSIGHTS_DB_PORT", "INSIGHTS_DB_USER"), RequiredEnvironment.missing(
                List.of("INSIGHTS_DB_HOST", " INSIGHTS_DB_PORT", "INSIGHTS_DB_USER", "INSIGHTS_DB_PORT"),
                ENVIRONMENT::get));
    }

    @Test
    void anEmptyValueIsSetAndNoNamesNeedNothing() {
        assertEquals(List.of(), RequiredEnvironment.missing(List.of("INSIGHTS_DB_PASSWORD", ""), ENVIRONMENT::get));
        assertEquals(List.of(), RequiredEnvironment.missing(List.of(), ENVIRONMENT::get));
    }

    @Test
    void theMessageNamesEachMissingVariable() {
        String message = RequiredEnvironment.message(List.of("INSIGHTS_DB_PORT", "INSIGHTS_DB_USER"));
        assertTrue(message.contains("INSIGHTS_DB_PORT, INSIGHTS_DB_USER, which are not set"), message);
        assertTrue(message.contains("the start is stopped"), message);
    }
}
