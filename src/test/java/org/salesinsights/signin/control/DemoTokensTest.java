package org.salesinsights.signin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DemoTokensTest {

    private static final String FABRIKAM = "fab00000-0000-4000-a000-000000000002";
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final SigningKeys ENTRA = (tenantId, keyId) -> Optional.empty();

    private final DemoTokens demo = new DemoTokens();

    private static EntraTokenValidator validator(SigningKeys keys) {
        return new EntraTokenValidator(Set.of("api://sales-insights", DemoTokens.AUDIENCE), Duration.ofMinutes(1),
                keys, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void inDemoModeTheDemoKeysTokensAreAccepted() throws Exception {
        Caller caller = validator(demo.trustedAlongside(ENTRA))
                .validate(demo.mint(FABRIKAM, Set.of("Insights.Admin"), NOW, Duration.ofHours(1)));
        assertEquals(FABRIKAM, caller.tenantId());
        assertEquals(DemoTokens.DEMO_USER, caller.objectId());
        assertEquals(Set.of("Insights.Admin"), caller.roles());
    }

    @Test
    void demoAppTokensSignTheApplicationInAsEntrasAppOnlyTokensDo() throws Exception {
        String app = "0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d";
        Caller caller = validator(demo.trustedAlongside(ENTRA))
                .validate(demo.mintApp(FABRIKAM, app, Set.of("Insights.Feed"), NOW, Duration.ofHours(1)));
        assertTrue(caller.isApp());
        assertEquals(app, caller.appId());
        assertEquals(FABRIKAM, caller.tenantId());
        // without the feed role an application's token is refused, as Entra's would be
        assertThrows(InvalidTokenException.class, () -> validator(demo.trustedAlongside(ENTRA))
                .validate(demo.mintApp(FABRIKAM, app, Set.of(), NOW, Duration.ofHours(1))));
    }

    @Test
    void outsideDemoModeADemoTokenIsRefused() {
        String token = demo.mint(FABRIKAM, Set.of(), NOW, Duration.ofHours(1));
        // the same validator, the same audience accepted, only the demo key is not trusted
        assertThrows(InvalidTokenException.class, () -> validator(ENTRA).validate(token));
        // nor by another server's demo key
        assertThrows(InvalidTokenException.class,
                () -> validator(new DemoTokens().trustedAlongside(ENTRA)).validate(token));
    }

    @Test
    void demoTokensExpire() {
        String token = demo.mint(FABRIKAM, Set.of(), NOW.minus(Duration.ofHours(2)), Duration.ofHours(1));
        assertThrows(InvalidTokenException.class, () -> validator(demo.trustedAlongside(ENTRA)).validate(token));
    }

    @Test
    void nodesSharingAConfiguredKeyAcceptEachOthersTokens() throws Exception {
        String pem = DemoKeyPem.rsa(2048);
        DemoTokens nodeOne = DemoTokens.fromPem(pem);
        DemoTokens nodeTwo = DemoTokens.fromPem(pem);
        assertTrue(nodeOne.shared() && !demo.shared());
        assertEquals(nodeOne.keyId(), nodeTwo.keyId(), "every node names the shared key alike");
        assertTrue(nodeOne.keyId().matches("sales-insights-demo-[A-Za-z0-9_-]{43}"), nodeOne.keyId());
        String token = nodeOne.mint(FABRIKAM, Set.of(), NOW, Duration.ofHours(1));
        assertEquals(FABRIKAM, validator(nodeTwo.trustedAlongside(ENTRA)).validate(token).tenantId());
    }

    @Test
    void aTokenOfTheSharedKeyIsRefusedWhereTheKeyIsNotTrusted() {
        String pem = DemoKeyPem.rsa(2048);
        String token = DemoTokens.fromPem(pem).mint(FABRIKAM, Set.of(), NOW, Duration.ofHours(1));
        // outside demo mode (the key is not trusted, though the demo audience were accepted) and on a node of its own
        assertThrows(InvalidTokenException.class, () -> validator(ENTRA).validate(token));
        assertThrows(InvalidTokenException.class, () -> validator(demo.trustedAlongside(ENTRA)).validate(token));
        // nor by another cluster's key
        DemoTokens another = DemoTokens.fromPem(DemoKeyPem.rsa(2048));
        assertNotEquals(another.keyId(), DemoTokens.fromPem(pem).keyId());
        assertThrows(InvalidTokenException.class, () -> validator(another.trustedAlongside(ENTRA)).validate(token));
    }

    @Test
    void onlyAnUnencryptedPkcs8RsaKeyOfEnoughBitsIsTaken() {
        String small = DemoKeyPem.rsa(1024);
        IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> DemoTokens.fromPem(small));
        assertTrue(tooSmall.getMessage().contains("1024 bits"), tooSmall::getMessage);
        IllegalArgumentException ec = assertThrows(IllegalArgumentException.class,
                () -> DemoTokens.fromPem(DemoKeyPem.pkcs8("EC", 256)));
        assertTrue(ec.getMessage().contains("not an RSA private key"), ec::getMessage);
        String pkcs1 = small.replace("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY")
                .replace("END PRIVATE KEY", "END RSA PRIVATE KEY");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoTokens.fromPem(pkcs1)).getMessage()
                .contains("openssl pkcs8 -topk8 -nocrypt"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoTokens.fromPem(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIF\n-----END ENCRYPTED PRIVATE KEY-----\n")).getMessage()
                .contains("encrypted"));
        assertThrows(IllegalArgumentException.class, () -> DemoTokens.fromPem("insights"));
        // a damaged key: the message says what is wrong, and repeats none of the file
        String damaged = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n"
                + "-----END PRIVATE KEY-----\n";
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DemoTokens.fromPem(damaged));
        assertFalse(refused.getMessage().contains("MIIE"), refused::getMessage);
    }
}
