package uk.nhs.strategycheck.tenancy;

import java.time.LocalDate;

/**
 * An ICS's or region's trusts in a cycle: how many there are, how many have submitted (their
 * assessment submitted or approved) and how many are approved.
 */
public record AreaProgress(String name, String odsCode, String cycleName, LocalDate closesOn, int trusts, int submitted,
                           int approved) {

    /** "3 of 50 (6%)". */
    public String submittedShare() {
        return submitted + " of " + trusts + (trusts == 0 ? "" : " (" + Math.round(100.0 * submitted / trusts) + "%)");
    }
}
