package uk.nhs.strategycheck.admin;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A change as an admin types it in. Which fields count depends on the kind; the service turns
 * it into steps and says which field is wrong if one is.
 *
 * @param icsCodes      ICSs merged (two or more), or the one ICS split, renamed or closed
 * @param trustCodes    the trust moved, closed, renamed or acquired; or the trusts merged
 * @param targetCode    the ICS a trust moves to or that merged ICSs become; the acquiring trust;
 *                      the successor of a closed trust (optional); the new trust of a merger
 * @param newName       full name of a new ICS or trust, or the new name in a rename
 * @param newShortName  short name of a new or renamed ICS
 * @param regionCode    region of a new ICS
 * @param splitTo       for a split: each trust's ODS code to the ICS it goes to
 */
public record ChangeDraft(ChangeKind kind, LocalDate effectiveOn, List<String> icsCodes, List<String> trustCodes,
                          String targetCode, String newName, String newShortName, String regionCode, String trustType,
                          String organisationForm, Map<String, String> splitTo) {

    public ChangeDraft {
        icsCodes = icsCodes == null ? List.of() : List.copyOf(icsCodes);
        trustCodes = trustCodes == null ? List.of() : List.copyOf(trustCodes);
        splitTo = splitTo == null ? Map.of() : Map.copyOf(splitTo);
    }
}
