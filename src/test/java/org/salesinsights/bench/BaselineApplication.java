package org.salesinsights.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The benchmark's baseline WAR (bench/run.sh builds it from test classes): JAX-RS and nothing else. */
@ApplicationPath("api")
public class BaselineApplication extends Application {
}
