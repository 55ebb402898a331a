package org.salesinsights.signin.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;

/** PEM files of private keys, as {@code openssl genpkey} writes them, for the tests of the shared demo key. */
public final class DemoKeyPem {

    private DemoKeyPem() {
    }

    /** A new RSA key of the given size, as an unencrypted PKCS#8 PEM. */
    public static String rsa(int bits) {
        return pkcs8("RSA", bits);
    }

    /** A new key of another algorithm ({@code EC}, 256 bits), as an unencrypted PKCS#8 PEM. */
    public static String pkcs8(String algorithm, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(bits);
            return pem(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(PrivateKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }
}
