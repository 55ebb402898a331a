package org.salesinsights.platform.database;

import java.util.List;
import java.util.function.UnaryOperator;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The environment variables the server's own configuration reads, named by that configuration in
 * {@code insights.required-environment} (server-config/payara/postgresql-datasource.asadmin sets it). Payara leaves a
 * missing {@code ${ENV=...}} as literal text in the pool's properties, so a server started without one would come up
 * and answer 503 for ever, as if the database were down; checked at deployment, a missing variable stops the start
 * with its name instead. (WildFly refuses to resolve a missing {@code ${env...}} by itself.)
 */
public final class RequiredEnvironment {

    static final String KEY = "insights.required-environment";

    private RequiredEnvironment() {
    }

    /** Stops the deployment when a variable the server configuration names is not set in this process. */
    public static void check() {
        List<String> names = ConfigProvider.getConfig().getOptionalValues(KEY, String.class).orElse(List.of());
        List<String> missing = missing(names, System::getenv);
        if (!missing.isEmpty()) {
            throw new IllegalStateException(message(missing));
        }
    }

    /** The named variables that are not set (a variable set to an empty value is set). */
    static List<String> missing(List<String> names, UnaryOperator<String> environment) {
        return names.stream().map(String::trim).filter(name -> !name.isEmpty())
                .filter(name -> environment.apply(name) == null).distinct().toList();
    }

    static String message(List<String> missing) {
        return "The server's datasource configuration reads " + String.join(", ", missing)
                + (missing.size() == 1 ? ", which is" : ", which are") + " not set in the environment of the server"
                + " process; the start is stopped. Set every INSIGHTS_DB_* variable (see docs/configuration.md)"
                + " and start the server again.";
    }
}
