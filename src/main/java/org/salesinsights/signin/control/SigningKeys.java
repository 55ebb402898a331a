package org.salesinsights.signin.control;

import java.util.Optional;

import com.nimbusds.jose.jwk.RSAKey;

/** Where the public keys of a tenant's tokens come from (Entra's JWKS endpoint, or a local key in demo mode). */
public interface SigningKeys {

    /** The RSA key with this id for the tenant; may refresh its source once when the id is unknown. */
    Optional<RSAKey> find(String tenantId, String keyId);

    /**
     * Whether the key is still one of the tenant's, as far as is known now: for a token verified earlier with it. A
     * source that refreshes answers without fetching (a key dropped by the last refresh, a rotation, is refused).
     */
    default boolean holds(String tenantId, String keyId) {
        return find(tenantId, keyId).isPresent();
    }
}
