package uk.nhs.strategycheck.strategydocument;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis;

/**
 * A characteristic as the strategy document shows it, beside the trust's own score: the
 * suggested score, the rule that gave it, and the signals, each quoted with its page.
 */
public record CharacteristicReading(int position, String code, String name, int suggestedScore, String rule,
                                    List<DocumentAnalysis.Signal> signals, Optional<BigDecimal> ownScore) {

    /** A gap worth an approver's question: the trust's own score is this far or more above the document's. */
    public static final BigDecimal NOTABLE_GAP = BigDecimal.valueOf(2);

    /** True when the trust's own score is two or more points above what its document shows. */
    public boolean ownScoreWellAbove() {
        return ownScore.map(own -> notableGap(own, suggestedScore)).orElse(false);
    }

    public static boolean notableGap(BigDecimal own, int suggested) {
        return own.subtract(BigDecimal.valueOf(suggested)).compareTo(NOTABLE_GAP) >= 0;
    }

    /** "Led by the executive, framed as outcomes: own 4.5, document 2". */
    public String gap() {
        return name + ": own " + ownScore.map(BigDecimal::toPlainString).orElse("not scored") + ", document " + suggestedScore;
    }

    public String title() {
        return position + ". " + name;
    }
}
