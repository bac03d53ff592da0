package uk.nhs.strategycheck.assessment;

import java.math.BigDecimal;

/** Red, amber or green for a characteristic score (FRAMEWORK.md): red below 2.5, green from 3.5. */
public enum Rag {
    RED("Red"),
    AMBER("Amber"),
    GREEN("Green");

    private static final BigDecimal AMBER_FROM = new BigDecimal("2.5");
    private static final BigDecimal GREEN_FROM = new BigDecimal("3.5");

    private final String label;

    Rag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Rag of(BigDecimal score) {
        if (score.compareTo(AMBER_FROM) < 0) {
            return RED;
        }
        return score.compareTo(GREEN_FROM) < 0 ? AMBER : GREEN;
    }
}
