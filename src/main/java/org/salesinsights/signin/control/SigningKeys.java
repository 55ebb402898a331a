package org.salesinsights.signin.control;

import java.util.Optional;

import com.nimbusds.jose.jwk.RSAKey;

/** Where the public keys of a tenant's tokens come from (Entra's JWKS endpoint, or a local key in demo mode). */
public interface SigningKeys {

    /** The RSA key with this id for the tenant; may refresh its source once when the id is unknown. */
    Optional<RSAKey> find(String tenantId, String keyId);
}
