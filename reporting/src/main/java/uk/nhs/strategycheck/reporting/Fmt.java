package uk.nhs.strategycheck.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Text and colours shared by both reports, so the PDFs and the rules in FRAMEWORK.md agree in one place. */
final class Fmt {

    static final String NOT_SCORED = "Not scored";

    // NHS identity colours, the same as the service's pages (nhs.css .rag-*). RAG fills keep the
    // text on them at 4.5:1 contrast or more.
    static final String NHS_BLUE = "#005EB8";
    static final String RED_FILL = "#D5281B";
    static final String AMBER_FILL = "#FFB81C";
    static final String GREEN_FILL = "#007F3B";
    static final String NONE_FILL = "#E8EDEE";
    static final String WHITE = "#FFFFFF";
    static final String TEXT = "#212B32";

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final BigDecimal RED_BELOW = new BigDecimal("2.5");
    private static final BigDecimal GREEN_FROM = new BigDecimal("3.5");

    private Fmt() {
    }

    /** One decimal place, as the framework defines a characteristic's score (the one rule in {@link Scores}). */
    static String score(BigDecimal s, String whenNull) {
        return s == null ? whenNull : Scores.format(s);
    }

    static Double number(BigDecimal s) {
        return s == null ? null : Scores.round(s).doubleValue();
    }

    /** A median as a PDF prints it: "4.1 (5 trusts)", or "Withheld: fewer than 3 trusts". */
    static String median(MedianFigure m) {
        return Scores.median(m, false);
    }

    /** "4.1 Green (5 trusts)": with its RAG in words, for the summary table. */
    static String medianWithRag(MedianFigure m) {
        return shown(m) == null ? Scores.whyNotShown(false)
                : scoreWithRag(m.value(), "") + " (" + Scores.trusts(m.trusts()) + ")";
    }

    /** The value a PDF may print: null below three trusts. */
    static BigDecimal shown(MedianFigure m) {
        return m.shown(false) ? m.value() : null;
    }

    /**
     * Red s &lt; 2.5, amber 2.5 &lt;= s &lt; 3.5, green s &gt;= 3.5 (FRAMEWORK.md), of the score as
     * printed (one decimal), so "3.5" is never called amber; null when there is no score.
     */
    static String rag(BigDecimal s) {
        if (s == null) {
            return null;
        }
        s = Scores.round(s);
        if (s.compareTo(RED_BELOW) < 0) {
            return "Red";
        }
        return s.compareTo(GREEN_FROM) < 0 ? "Amber" : "Green";
    }

    /** "2.3 Red": the score with its RAG as words, so the rating survives greyscale printing. */
    static String scoreWithRag(BigDecimal s, String whenNull) {
        return s == null ? whenNull : score(s, whenNull) + " " + rag(s);
    }

    static String fill(BigDecimal s) {
        String rag = rag(s);
        if (rag == null) {
            return NONE_FILL;
        }
        return switch (rag) {
            case "Red" -> RED_FILL;
            case "Amber" -> AMBER_FILL;
            default -> GREEN_FILL;
        };
    }

    static String ink(BigDecimal s) {
        String rag = rag(s);
        return rag == null || rag.equals("Amber") ? TEXT : WHITE;
    }

    /** "+0.4", "-0.2" or "No change"; words, not a number, when either cycle has no score. */
    static String change(BigDecimal now, BigDecimal before) {
        if (now == null || before == null) {
            return before == null ? "No previous score" : NOT_SCORED;
        }
        BigDecimal d = Scores.round(now).subtract(Scores.round(before));
        int sign = d.signum();
        if (sign == 0) {
            return "No change";
        }
        return (sign > 0 ? "+" : "") + d.toPlainString();
    }

    static String date(LocalDate d) {
        return d == null ? "" : LONG_DATE.format(d);
    }

    static String text(String s, String whenBlank) {
        return s == null || s.isBlank() ? whenBlank : s.strip();
    }

    /** "LEADERSHIP" becomes "Leadership": short enough for a table header or a chart axis. */
    static String shortName(String code, String name) {
        if (code == null || code.isBlank()) {
            return text(name, "");
        }
        String c = code.strip().replace('_', ' ');
        return c.substring(0, 1).toUpperCase(Locale.UK) + c.substring(1).toLowerCase(Locale.UK);
    }

    /** Assessment workflow states (DRAFT, SUBMITTED, APPROVED, RETURNED) in plain words. */
    static String status(String status) {
        if (status == null || status.isBlank()) {
            return "Not started";
        }
        return switch (status.strip().toUpperCase(Locale.UK)) {
            case "APPROVED" -> "Approved";
            case "SUBMITTED" -> "Submitted, awaiting approval";
            case "DRAFT" -> "Draft, in progress";
            case "RETURNED" -> "Returned for changes";
            case "NOT_STARTED" -> "Not started";
            default -> status.strip();
        };
    }

    private static final String[] WORDS = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};

    /** Small counts in words, as house style writes them in running text. */
    static String count(int n) {
        return n >= 0 && n < WORDS.length ? WORDS[n] : String.valueOf(n);
    }

    static boolean approved(String status) {
        return status != null && status.strip().toUpperCase(Locale.UK).startsWith("APPROVED");
    }
}
