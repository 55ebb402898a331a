package org.salesinsights.health;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * One round trip to the insights database through the persistence unit, as the action reads it. An EJB, so that
 * the health endpoint's thread (WildFly calls checks outside any request of the application) gets the
 * application's naming context.
 */
@Stateless
public class DatabasePing {

    static final int TIMEOUT_MILLIS = 1_000;

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void ping() {
        em.createNativeQuery("SELECT 1")
                .setHint("jakarta.persistence.query.timeout", TIMEOUT_MILLIS)
                .getSingleResult();
    }
}
