package uk.nhs.strategycheck.benchmark;

/**
 * Which organisations a past cycle's figures are grouped by. Reorganisations never rewrite
 * what was published; restating shows the same results on today's map.
 */
public enum Footprint {
    /** ICSs and their trusts as they were when the cycle closed. */
    AS_PUBLISHED("As published"),
    /** Today's ICSs, with the trusts of the ICSs they succeeded. */
    RESTATED("Restated to today's ICSs");

    private final String label;

    Footprint(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
