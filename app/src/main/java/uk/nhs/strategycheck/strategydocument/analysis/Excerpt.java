package uk.nhs.strategycheck.strategydocument.analysis;

import java.util.Arrays;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Quote;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Sign;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Signal;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.TermQuote;

/**
 * Quotes of at most 25 words, verbatim from the sentence: a longer sentence is cut to a window
 * around the words that matched, with "..." where it was cut.
 */
final class Excerpt {

    static final int MAX_WORDS = 25;
    private static final String CUT = "...";
    /** Words kept before the match when a sentence has to be cut. */
    private static final int LEAD = 8;

    private Excerpt() {
    }

    static String of(Sentence sentence, int matchStart) {
        String[] words = sentence.text().split(" ");
        if (words.length <= MAX_WORDS) {
            return sentence.text();
        }
        int matchWord = sentence.text().substring(0, Math.max(0, Math.min(matchStart, sentence.text().length())))
                .split(" ", -1).length - 1;
        int window = MAX_WORDS - 2;
        int from = Math.max(0, Math.min(matchWord - LEAD, words.length - window));
        int to = Math.min(words.length, from + window);
        return (from > 0 ? CUT + " " : "") + String.join(" ", Arrays.copyOfRange(words, from, to))
                + (to < words.length ? " " + CUT : "");
    }

    static Quote quote(Sentence sentence, int matchStart) {
        return new Quote(of(sentence, matchStart), sentence.page());
    }

    static TermQuote termQuote(String term, Sentence sentence, int matchStart) {
        return new TermQuote(term, of(sentence, matchStart), sentence.page());
    }

    static Signal signal(String code, Sign sign, Sentence sentence, int matchStart) {
        return new Signal(code, sign, of(sentence, matchStart), sentence.page());
    }
}
