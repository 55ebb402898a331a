package org.salesinsights.insights.entity;

/** The CRM systems the Sales app connects to. */
public enum CrmType {
    DYNAMICS_365,
    SALESFORCE
}
