package uk.nhs.strategycheck.tenancy;

/** How much of the NHS a scope covers, from one trust to everything. */
public enum ScopeLevel {
    TRUST, ICS, REGION, NATIONAL
}
