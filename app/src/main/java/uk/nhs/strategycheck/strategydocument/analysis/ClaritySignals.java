package uk.nhs.strategycheck.strategydocument.analysis;

import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.at;
import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.has;
import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.words;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Quote;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Sign;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Signal;

/**
 * CLARITY: measurable targets (K1), a number or date tied to an outcome the trust commits to,
 * and vague language (K2), counted per thousand words outside quotations of other people.
 */
final class ClaritySignals {

    record Findings(List<Quote> targets, int vagueWords, double vaguePerThousand, List<Signal> signals) {
    }

    /** Vague words per thousand above which the language counts as vague. */
    static final double VAGUE_PER_THOUSAND = 6.0;
    private static final int MOST_VAGUE_QUOTES = 5;

    private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october|"
            + "november|december|spring|summer|autumn|winter|q[1-4])";
    private static final Pattern DEADLINE = words("\\bby (the end of |the start of |end of )?(" + MONTH + " )?"
            + "20\\d\\d(/\\d\\d)?\\b|\\bwithin (the next )?(\\d+|one|two|three|six|twelve|eighteen) (months|years)\\b"
            + "|\\bby (the end of )?(this|next) (financial )?year\\b");
    private static final Pattern COMMITMENT = words("\\b(will|we aim|our aim|aim to|our target|target|goal|"
            + "ambition|commit\\w*|plan to|we expect to|pledge)\\b");
    private static final Pattern CHANGE = words("\\b(reduc\\w*|cut|increas\\w*|rais\\w*|halv\\w*|doubl\\w*|improv\\w*|"
            + "lower|grow|reach\\w*|achiev\\w*|at least|every|all|fewer|more than|no more than|rise|fall|down to|"
            + "up to|from)\\b");
    private static final Pattern MEASURE = words("\\d+(\\.\\d+)?\\s?(%|per ?cent)|\\b\\d[\\d,]*\\b");
    /** What was found or said before: a survey result or where things stand now is a baseline, not a target. */
    private static final Pattern BASELINE = words("\\b(said|say|told us|reported|responded|respondents|surveyed|"
            + "rated|currently|at present|today|last year|was|were|had|did|found that)\\b");
    private static final Pattern NOT_A_MEASURE = words("\\b(19|20)\\d\\d(/\\d\\d)?\\b|\\b(page|p\\.|section|"
            + "priority|objective|ambition|goal|phase|version|chapter|step)\\s+\\d+\\b|\\b\\d+(st|nd|rd|th)\\b"
            + "|^\\s*\\d{1,2}[.)]\\s");

    private static final Pattern VAGUE = words("\\b(transform\\w*|leverag\\w*|world[- ]class|seamless\\w*|"
            + "cutting[- ]edge|journey|journeys|empower\\w*|holistic\\w*|innovat\\w*|revolutioni[sz]\\w*|"
            + "game[- ]chang\\w*|best[- ]in[- ]class|state[- ]of[- ]the[- ]art|next[- ]generation|synerg\\w*|"
            + "paradigm|disrupt\\w*|future[- ]proof\\w*|digitally[- ]enabled)\\b");

    private ClaritySignals() {
    }

    static Findings find(StrategyText text) {
        List<Signal> signals = new ArrayList<>();
        List<Quote> targets = new ArrayList<>();
        for (Sentence sentence : text.sentences()) {
            if (isTarget(sentence)) {
                int at = Math.max(0, Math.max(at(DEADLINE, sentence.plain()), at(MEASURE, measurable(sentence))));
                targets.add(Excerpt.quote(sentence, at));
                signals.add(Excerpt.signal("K1", Sign.GOOD, sentence, at));
            }
        }
        int vague = 0;
        for (Sentence sentence : text.sentences()) {
            vague += Patterns.count(VAGUE, sentence.plain());
        }
        double perThousand = text.words() == 0 ? 0 : vague * 1000.0 / text.words();
        if (perThousand >= VAGUE_PER_THOUSAND) {
            signals.addAll(vagueSentences(text));
        }
        return new Findings(targets, vague, perThousand, signals);
    }

    /** The trust commits to a number or a date tied to an outcome; not a baseline, page, title or national aim. */
    static boolean isTarget(Sentence sentence) {
        String plain = sentence.plain();
        if (Patterns.inReferenceSection(sentence) || has(Patterns.NATIONAL, plain)) {
            return false;
        }
        boolean deadline = has(DEADLINE, plain);
        boolean measured = has(MEASURE, measurable(sentence)) && has(CHANGE, plain);
        boolean committed = has(COMMITMENT, plain) || sentence.listItem() && deadline;
        if (has(BASELINE, plain) && !(deadline && has(COMMITMENT, plain))) {
            return false;
        }
        return committed && (deadline && (measured || has(CHANGE, plain) || has(COMMITMENT, plain)) || measured);
    }

    /** The sentence without years, page and section numbers, ordinals and list numbers: what is left are measures. */
    private static String measurable(Sentence sentence) {
        return NOT_A_MEASURE.matcher(sentence.plain()).replaceAll(" ");
    }

    private static List<Signal> vagueSentences(StrategyText text) {
        List<Sentence> vague = text.sentences().stream().filter(s -> Patterns.count(VAGUE, s.plain()) >= 2).toList();
        if (vague.isEmpty()) {
            vague = text.sentences().stream().filter(s -> Patterns.count(VAGUE, s.plain()) >= 1).toList();
        }
        return vague.stream()
                .sorted(Comparator.comparingInt((Sentence s) -> -Patterns.count(VAGUE, s.plain())))
                .limit(MOST_VAGUE_QUOTES)
                .sorted(Comparator.comparingInt(Sentence::paragraph))
                .map(s -> Excerpt.signal("K2", Sign.BAD, s, at(VAGUE, s.plain())))
                .toList();
    }
}
