package org.salesinsights.it;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before any integration test (and so before Arquillian starts the server): the local Entra stand-in the server is
 * configured to fetch keys from ({@link TestTokens}), and the shared demo key file the server is given. Does nothing outside failsafe (no port given).
 */
public class SignInTestSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Integer port = Integer.getInteger("insights.it.jwksPort");
        if (port == null) {
            return;
        }
        try {
            TestTokens.start(port);
        } catch (IOException e) {
            throw new UncheckedIOException("the test JWKS endpoint needs port " + port, e);
        }
        String demoKeyFile = System.getProperty("insights.it.demoKeyFile");
        if (demoKeyFile != null) {
            try {
                TestTokens.writeDemoClusterKey(java.nio.file.Path.of(demoKeyFile));
            } catch (IOException e) {
                throw new UncheckedIOException("the shared demo key file " + demoKeyFile, e);
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestTokens.stop();
    }
}
