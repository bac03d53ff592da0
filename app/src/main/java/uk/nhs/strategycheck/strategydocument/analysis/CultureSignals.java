package uk.nhs.strategycheck.strategydocument.analysis;

import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.at;
import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.words;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Sign;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Signal;

/**
 * CULTURE: the strategy lived in practice (U1): digital skills and training, clinical safety,
 * governance and ways of working, measures reported to the board, staff involvement.
 */
final class CultureSignals {

    private static final int MOST_QUOTES = 6;
    private static final Pattern PRACTICE = words("\\bdigital (skills|literacy|champions?|confidence|inclusion)\\b|"
            + "\\btrain(ed|ing|s)?\\b(?! (rooms?|centres?|venues?|stations?|lines?))|\\bclinical safety\\b|\\bDCB ?01(29|60)\\b|\\bgovernance\\b|\\bmulti-?disciplinary\\b|"
            + "\\bagile\\b|\\buser[- ]centred\\b|\\bservice design\\b|\\bstaff (involvement|engagement)\\b|"
            + "\\binvolv\\w* (our |front-?line )?(staff|clinicians|colleagues)\\b|\\bbenefits realisation\\b|"
            + "\\b(measures|metrics|indicators|dashboard)\\b.{0,60}\\b(reported|report) to the board\\b|"
            + "\\bdesign authority\\b");

    private CultureSignals() {
    }

    static List<Signal> find(StrategyText text) {
        List<Signal> signals = new ArrayList<>();
        for (Sentence sentence : text.sentences()) {
            int at = at(PRACTICE, sentence.plain());
            boolean onlyAHeading = sentence.heading() && !sentence.listItem();
            if (at >= 0 && !onlyAHeading && !Patterns.inReferenceSection(sentence) && signals.size() < MOST_QUOTES) {
                signals.add(Excerpt.signal("U1", Sign.GOOD, sentence, at));
            }
        }
        return signals;
    }
}
