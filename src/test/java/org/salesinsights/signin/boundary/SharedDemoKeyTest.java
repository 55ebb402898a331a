package org.salesinsights.signin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesinsights.signin.control.DemoKeyPem;
import org.salesinsights.signin.control.DemoTokens;
import org.salesinsights.signin.control.InvalidTokenException;

/**
 * insights.demo.signing-key-file as sign-in reads it at start: in demo mode every node given the file accepts the
 * others' demo tokens; outside demo mode the file is never read and tokens of its key are refused.
 */
class SharedDemoKeyTest {

    private static final String FABRIKAM = TestSignIn.FABRIKAM;

    @TempDir
    Path folder;

    private static SignIn node(boolean demo, Path keyFile) {
        return TestSignIn.started(demo, keyFile);
    }

    private Path keyFile() throws Exception {
        return Files.writeString(folder.resolve("demo-signing-key.pem"), DemoKeyPem.rsa(2048));
    }

    @Test
    void inDemoModeEveryNodeWithTheKeyAcceptsTheOthersTokens() throws Exception {
        Path key = keyFile();
        SignIn one = node(true, key);
        SignIn two = node(true, key);
        assertTrue(one.demo().orElseThrow().shared());
        String token = one.demo().orElseThrow().mint(FABRIKAM, Set.of(), Instant.now(), Duration.ofMinutes(5));
        assertEquals(FABRIKAM, two.authenticate("Bearer " + token).tenantId());
        // a node that was not given the file keeps a key of its own, and refuses them
        assertThrows(InvalidTokenException.class, () -> node(true, null).authenticate("Bearer " + token));
    }

    @Test
    void outsideDemoModeTheFileIsNeverReadAndItsTokensAreRefused() throws Exception {
        Path key = keyFile();
        String token = DemoTokens.fromPemFile(key).mint(FABRIKAM, Set.of(), Instant.now(), Duration.ofMinutes(5));
        SignIn production = node(false, key);
        assertTrue(production.demo().isEmpty());
        assertThrows(InvalidTokenException.class, () -> production.authenticate("Bearer " + token));
        // never read: a file that is not there, or not a key, does not matter outside demo mode
        assertTrue(node(false, folder.resolve("absent.pem")).demo().isEmpty());
        Files.writeString(folder.resolve("not-a-key.pem"), "not a key");
        assertTrue(node(false, folder.resolve("not-a-key.pem")).demo().isEmpty());
    }

    @Test
    void inDemoModeAConfiguredKeyThatCannotBeUsedStopsTheStart() throws Exception {
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
                () -> node(true, folder.resolve("absent.pem")));
        assertTrue(absent.getMessage().contains("absent.pem"), absent::getMessage);
        Path small = Files.writeString(folder.resolve("small.pem"), DemoKeyPem.rsa(1024));
        assertThrows(IllegalArgumentException.class, () -> node(true, small));
    }
}
