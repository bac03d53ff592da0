package uk.nhs.strategycheck.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The one rounding rule and the words for medians, used on screen, in CSV and in the PDFs alike:
 * one decimal place, half up (FRAMEWORK.md), and every median with the number of trusts it is over.
 */
public final class Scores {

    /** Fewer trusts than this and a median could give a trust's score away (issue 8's small-group rule). */
    public static final int MINIMUM_TRUSTS_FOR_A_MEDIAN = 3;
    public static final String WITHHELD = "Withheld: fewer than " + MINIMUM_TRUSTS_FOR_A_MEDIAN + " trusts";
    public static final String NO_APPROVED = "No approved assessments";

    private Scores() {
    }

    /** One decimal place, half up; null stays null. */
    public static BigDecimal round(BigDecimal score) {
        return score == null ? null : score.setScale(1, RoundingMode.HALF_UP);
    }

    /** "4.1"; "4.0" for a whole number. */
    public static String format(BigDecimal score) {
        return round(score).toPlainString();
    }

    /** "1 trust", "5 trusts". */
    public static String trusts(int count) {
        return count + (count == 1 ? " trust" : " trusts");
    }

    /** "4.1 (5 trusts)", or why there is no figure. */
    public static String median(MedianFigure median, boolean smallGroupsShown) {
        if (median.shown(smallGroupsShown)) {
            return format(median.value()) + " (" + trusts(median.trusts()) + ")";
        }
        return whyNotShown(smallGroupsShown);
    }

    /** "Withheld: fewer than 3 trusts", or, where small groups may be shown and there is none, "No approved assessments". */
    public static String whyNotShown(boolean smallGroupsShown) {
        return smallGroupsShown ? NO_APPROVED : WITHHELD;
    }

    /**
     * How many trusts a row of medians is over: "5 trusts", or "4 to 5 trusts" when the
     * characteristics differ; null when none is over any trust.
     */
    public static String trustsOver(Collection<MedianFigure> medians) {
        var counts = medians.stream().mapToInt(MedianFigure::trusts).filter(n -> n > 0).summaryStatistics();
        if (counts.getCount() == 0) {
            return null;
        }
        return counts.getMin() == counts.getMax() ? trusts(counts.getMax())
                : counts.getMin() + " to " + trusts(counts.getMax());
    }
}
