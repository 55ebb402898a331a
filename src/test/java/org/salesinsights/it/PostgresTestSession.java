package org.salesinsights.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before any integration test (and so before Arquillian starts the server) in the postgresql profile: recreates the
 * test database, so every run starts from the JPA scripts alone, and starts the proxy the server connects through.
 * Does nothing when the system properties of that profile are absent.
 */
public class PostgresTestSession implements LauncherSessionListener {

    private static volatile DatabaseProxy proxy;

    /** The proxy between the server under test and PostgreSQL, when the session runs on PostgreSQL. */
    public static DatabaseProxy proxy() {
        if (proxy == null) {
            throw new IllegalStateException("no PostgreSQL proxy: run with -Ppostgresql");
        }
        return proxy;
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String adminUrl = System.getProperty("insights.it.postgres.adminUrl");
        if (adminUrl == null || proxy != null) {
            return;
        }
        String database = System.getProperty("insights.it.postgres.database");
        if (!database.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + adminUrl + " is needed for this profile", e);
        }
        int port = Integer.getInteger("insights.it.db.proxyPort");
        proxy = new DatabaseProxy(port, new InetSocketAddress("127.0.0.1", 5432));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (proxy != null) {
            try {
                proxy.close();
            } catch (IOException ignored) {
                // the JVM ends anyway
            }
            proxy = null;
        }
    }
}
