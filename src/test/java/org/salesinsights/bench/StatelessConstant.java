package org.salesinsights.bench;

import jakarta.ejb.Stateless;

/**
 * The constant from a stateless session bean with the default container-managed transaction (REQUIRED), as the
 * action's {@code OpportunityInsights} is: the EJB container's part of the path (pooling, interceptors, a
 * transaction begun and committed), with no resource enlisted in it.
 */
@Stateless
public class StatelessConstant {

    public byte[] answer() {
        return ConstantInsightsResource.constant();
    }
}
