package org.salesinsights;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The API under {@code /api}: resources and providers are discovered, no server-specific registration. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(
        title = "Sales insights",
        version = "1.0.0",
        description = "Curated partner insights for the Key sales info card of the Sales app in Outlook.",
        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")))
public class InsightsApplication extends Application {
}
