package uk.nhs.strategycheck.strategydocument.analysis;

import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.at;
import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.has;
import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.words;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Horizon;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Quote;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Sign;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Signal;

/**
 * HORIZON: the period the strategy covers (H1), from a span of years in its title or text or
 * "over the next three years", and whether it says how often it is reviewed (H2).
 */
final class HorizonSignals {

    record Findings(Horizon horizon, Quote reviewCadence, List<Signal> signals) {
    }

    /** Longest period still a good sign; beyond it a strategy is a vision, not a plan. */
    static final int LONGEST_GOOD_YEARS = 5;
    private static final Pattern SPAN = words("\\b(20\\d\\d)(?:/(\\d\\d))?\\s*(?:-|–|—|to|until)\\s*(20\\d\\d|\\d\\d)"
            + "(?:/(\\d\\d))?\\b");
    private static final Pattern RELATIVE = words("\\b(?:over|for|across|during) the next (two|three|four|five|six|"
            + "seven|eight|ten|\\d{1,2}) years\\b|\\b(two|three|four|five|six|seven|eight|ten|\\d{1,2})[- ]year "
            + "(digital )?(strategy|plan)\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(20\\d\\d)\\b");
    private static final Pattern PAST = words("\\b(was|were|had|did|rolled out|introduced|launched|completed|"
            + "delivered|implemented|achieved|replaced|went live|previous|last strategy|since|between)\\b");
    private static final Pattern ABOUT_THE_STRATEGY = words("\\b(strategy|plan|period|covers|sets out|over the|"
            + "this document|years|roadmap)\\b");
    private static final Pattern REVIEW = words("\\breview(ed|s|ing)?\\b.{0,50}\\b(annually|every year|each year|"
            + "yearly|quarterly|every (three|six|twelve|3|6|12) months|twice a year|every quarter)\\b|\\b(annual|"
            + "yearly|quarterly) (review|refresh|update)\\b|\\brefresh(ed)? (it |this strategy |the strategy )?"
            + "(annually|each year|every year)\\b|\\bliving document\\b|\\b(annually|each year|every year|quarterly)"
            + "\\b.{0,50}\\breview");
    private static final int MOST_REVIEW_QUOTES = 3;

    private HorizonSignals() {
    }

    static Findings find(StrategyText text) {
        List<Signal> signals = new ArrayList<>();
        Horizon horizon = span(text).or(() -> relative(text)).orElse(null);
        if (horizon != null) {
            Sign sign = horizon.years() <= LONGEST_GOOD_YEARS ? Sign.GOOD : Sign.BAD;
            signals.add(new Signal("H1", sign, horizon.quote(), horizon.page()));
        }
        Quote cadence = null;
        for (Sentence sentence : text.sentences()) {
            int at = at(REVIEW, sentence.plain());
            if (at >= 0 && signals.stream().filter(s -> s.code().equals("H2")).count() < MOST_REVIEW_QUOTES) {
                Signal review = Excerpt.signal("H2", Sign.GOOD, sentence, at);
                signals.add(review);
                if (cadence == null) {
                    cadence = new Quote(review.quote(), review.page());
                }
            }
        }
        return new Findings(horizon, cadence, signals);
    }

    /** A span of years about the strategy itself: titles and headings first, then its own sentences. */
    private static Optional<Horizon> span(StrategyText text) {
        return text.sentences().stream()
                .filter(HorizonSignals::speaksForTheStrategy)
                .sorted(Comparator.comparingInt((Sentence s) -> s.heading() && s.page() <= 2 ? 0 : 1))
                .map(HorizonSignals::spanIn)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static boolean speaksForTheStrategy(Sentence sentence) {
        String plain = sentence.plain();
        return !Patterns.inReferenceSection(sentence) && !has(Patterns.NATIONAL, plain) && !has(PAST, plain)
                && (sentence.heading() || has(ABOUT_THE_STRATEGY, plain));
    }

    private static Optional<Horizon> spanIn(Sentence sentence) {
        Matcher matcher = SPAN.matcher(sentence.plain());
        while (matcher.find()) {
            int from = Integer.parseInt(matcher.group(1));
            String end = matcher.group(3);
            int to = end.length() == 2 ? from / 100 * 100 + Integer.parseInt(end) : Integer.parseInt(end);
            if (matcher.group(4) != null) {
                // "2024/25 to 2026/27": financial years, so the period ends in 2027.
                to++;
            }
            if (to > from && to - from <= 25) {
                return Optional.of(new Horizon(from, to, to - from, Excerpt.of(sentence, matcher.start()),
                        sentence.page()));
            }
        }
        return Optional.empty();
    }

    /** "Over the next three years", counted from a year on the first page (the date of the document). */
    private static Optional<Horizon> relative(StrategyText text) {
        Optional<Integer> published = text.sentences().stream().filter(s -> s.page() == 1)
                .filter(s -> !has(Patterns.NATIONAL, s.plain()))
                .map(s -> YEAR.matcher(s.plain())).filter(Matcher::find)
                .map(m -> Integer.parseInt(m.group(1))).findFirst();
        if (published.isEmpty()) {
            return Optional.empty();
        }
        for (Sentence sentence : text.sentences()) {
            Matcher matcher = RELATIVE.matcher(sentence.plain());
            if (matcher.find() && !has(Patterns.NATIONAL, sentence.plain())) {
                int years = Patterns.number(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                int from = published.get();
                return Optional.of(new Horizon(from, from + years, years, Excerpt.of(sentence, matcher.start()),
                        sentence.page()));
            }
        }
        return Optional.empty();
    }
}
