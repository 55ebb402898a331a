package org.salesinsights.health;

import java.sql.SQLException;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Tells whoever started the server where the action answers and which database it reads. The database line
 * matters: when a server's datasource configuration fails (a Payara Micro boot command that did not apply), the
 * default datasource silently stays the server's own throwaway one, and only this line shows it.
 */
@WebListener
public class StartupReport implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(StartupReport.class.getName());

    @Inject
    DatabasePing database;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String context = event.getServletContext().getContextPath();
        LOG.info(() -> "sales-insights is up: the Key sales info action answers GET " + context
                + "/api/v1/opportunity-insights?recordType=...&recordId=... and the server's OpenAPI document is at"
                + " /openapi");
        try {
            String description = database.describe();
            LOG.info(() -> "sales-insights reads the insights database " + description);
        } catch (SQLException | RuntimeException e) {
            LOG.warning(() -> "sales-insights cannot reach its database at start-up (it answers 503 until it can): " + e);
        }
    }
}
