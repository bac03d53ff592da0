package uk.nhs.strategycheck.admin;

import java.util.List;
import java.util.Optional;

/**
 * What a change would do, before it is applied: every trust, assessment, user and role it
 * touches, and whether the database would accept it now (the change is tried and undone).
 */
public record ChangePreview(OrganisationChange change, List<AffectedTrust> trusts, List<AffectedAssessment> assessments,
                            List<AffectedRole> roles, Optional<String> problem) {

    public record AffectedTrust(String odsCode, String name, String fromIcs, String outcome) {
    }

    public record AffectedAssessment(String trustOdsCode, String trustName, String cycleName, String status,
                                     String outcome) {
    }

    public record AffectedRole(long assignmentId, String userName, String email, String role, String organisation,
                               String outcome) {
    }

    public boolean applicable() {
        return problem.isEmpty();
    }
}
