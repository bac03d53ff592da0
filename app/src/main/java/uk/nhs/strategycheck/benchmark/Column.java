package uk.nhs.strategycheck.benchmark;

/** A characteristic as a column of a comparison: "1. Led by the executive, framed as outcomes". */
public record Column(long id, int position, String code, String name) {

    public String title() {
        return position + ". " + name;
    }

    /** "1. Leadership": short enough for a column heading. */
    public String shortTitle() {
        return position + ". " + code.charAt(0) + code.substring(1).toLowerCase();
    }
}
