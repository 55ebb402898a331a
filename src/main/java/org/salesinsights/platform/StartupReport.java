package org.salesinsights.platform;

import java.util.logging.Logger;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Tells whoever started the server where the action answers. */
@WebListener
public class StartupReport implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(StartupReport.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String context = event.getServletContext().getContextPath();
        LOG.info(() -> "sales-insights is up: the Key sales info action answers GET " + context
                + "/api/v1/opportunity-insights?recordType=...&recordId=... and the server's OpenAPI document is at"
                + " /openapi");
    }
}
