package uk.nhs.strategycheck.tenancy;

/** The organisation of the active scope is not visible: closed, removed or not in scope. */
public class OrganisationNotFoundException extends RuntimeException {

    public OrganisationNotFoundException() {
        super("The organisation of your active role could not be found");
    }
}
