package uk.nhs.strategycheck.admin;

import java.time.LocalDate;

/** An assessment cycle of a region: "2026/27", open from one date to another (both included). */
public record CycleRow(long id, long regionId, String regionName, String name, LocalDate opensOn, LocalDate closesOn) {

    public String state(LocalDate today) {
        if (today.isBefore(opensOn)) {
            return "Not yet open";
        }
        return today.isAfter(closesOn) ? "Closed" : "Open";
    }
}
