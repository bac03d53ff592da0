package uk.nhs.strategycheck.strategydocument.analysis;

import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.at;
import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.has;
import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.words;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Quote;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Sign;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Signal;

/**
 * CONTEXT: the trust's own users and setting, counted (C1), against national policy phrases
 * repeated with little local detail (C2). National statistics are not local context, and one
 * mention of national policy is normal.
 */
final class ContextSignals {

    record Findings(List<Quote> userResearch, int nationalPhrases, List<Signal> signals) {
    }

    /** National phrases from this many sentences up, with at most one piece of local context, are cookie-cutter. */
    static final int COOKIE_CUTTER_PHRASES = 3;
    private static final int MOST_QUOTES = 6;

    private static final Pattern ENGAGEMENT = words("\\b(survey\\w*|spoke (to|with)|talked (to|with)|heard from|"
            + "engag\\w* with|workshops?|focus groups?|interview\\w*|co-?design\\w*|co-?produc\\w*|user research|"
            + "listening (events?|sessions?)|responses|responded|told us|feedback from|shadow\\w*|observ\\w*|found that|"
            + "shaped by)\\b");
    private static final Pattern LOCAL_FACTS = words("\\b(we serve|serves|serving|population of|residents|"
            + "people living|our (\\w+ ){0,2}(hospitals|sites|wards|teams|clinics|practices|staff|colleagues|beds|outpatients|inpatients|"
            + "community teams|patients|service users))\\b");
    /** What the trust will do is a plan, not evidence it has gathered. */
    private static final Pattern FUTURE = words("\\b(will|shall)\\b");
    /** A count that is not a year. */
    private static final Pattern COUNT = words("(?<![\\d/])\\b(?!(19|20)\\d\\d\\b)\\d[\\d,.]*\\b(%| per ?cent)?");
    private static final Pattern NATIONAL_PHRASE = words("\\bpaperless\\b|\\bdigital[- ]first\\b|"
            + "what good looks like|long term plan|\\b(10|ten)[- ]year (health )?plan|data saves lives|"
            + "frontline digitisation|analogue to digital|plan for digital health|digital health and care plan");

    private ContextSignals() {
    }

    static Findings find(StrategyText text) {
        List<Signal> signals = new ArrayList<>();
        List<Quote> userResearch = new ArrayList<>();
        for (Sentence sentence : text.sentences()) {
            String plain = sentence.plain();
            if (Patterns.inReferenceSection(sentence) || has(Patterns.NATIONAL, plain) || !has(COUNT, plain)
                    || has(FUTURE, plain)) {
                continue;
            }
            int engaged = at(ENGAGEMENT, plain);
            int local = at(LOCAL_FACTS, plain);
            if (engaged >= 0) {
                userResearch.add(Excerpt.quote(sentence, engaged));
            }
            if ((engaged >= 0 || local >= 0) && signals.size() < MOST_QUOTES) {
                signals.add(Excerpt.signal("C1", Sign.GOOD, sentence, engaged >= 0 ? engaged : local));
            }
        }
        List<Sentence> national = text.sentences().stream()
                .filter(s -> has(NATIONAL_PHRASE, s.text()) && !Patterns.inReferenceSection(s)).toList();
        if (national.size() >= COOKIE_CUTTER_PHRASES && signals.size() <= 1) {
            national.stream().limit(MOST_QUOTES)
                    .forEach(s -> signals.add(Excerpt.signal("C2", Sign.BAD, s, at(NATIONAL_PHRASE, s.text()))));
        }
        return new Findings(userResearch, national.size(), signals);
    }
}
