package uk.nhs.strategycheck.strategydocument.analysis;

import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.at;
import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.has;
import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.words;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Priorities;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Sign;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Signal;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.TermQuote;

/**
 * BASICS: the basics named and put first (B1), against unproven technology ahead of them (B2).
 * Emerging technology planned for after the basics, as a later phase, is not a bad sign.
 */
final class BasicsSignals {

    record Findings(List<TermQuote> basics, List<TermQuote> emerging, boolean basicsInPriorities,
                    boolean emergingBeforeBasics, List<Signal> signals) {
    }

    private static final int MOST_QUOTES = 4;
    private static final Map<String, Pattern> BASICS = new LinkedHashMap<>();
    private static final Map<String, Pattern> EMERGING = new LinkedHashMap<>();

    static {
        BASICS.put("electronic patient record", words("electronic (patient|health) records?|\\bEPR\\b|\\bEHR\\b"));
        BASICS.put("infrastructure", words("\\binfrastructure\\b"));
        BASICS.put("network", words("(?<!(clinical|provider|delivery|professional|support|social|care) )"
                + "\\bnetworks?\\b(?! of (care|support|partners))"));
        BASICS.put("Wi-Fi", words("\\bwi-?fi\\b|\\bwireless\\b"));
        BASICS.put("devices", words("\\b(devices?|laptops?|tablets?|desktops?|computers?(?! aided)|end[- ]user computing)\\b"));
        BASICS.put("cyber security", words("\\bcyber\\b"));
        BASICS.put("single sign-on", words("single sign[- ]on|\\bSSO\\b"));
        BASICS.put("data quality", words("\\bdata quality\\b"));
        BASICS.put("interoperability", words("\\binteroperab\\w*|shared care record"));
        EMERGING.put("artificial intelligence", words("artificial intelligence|\\bA\\.?I\\b|generative"));
        EMERGING.put("machine learning", words("machine learning"));
        EMERGING.put("blockchain", words("\\bblockchain\\b"));
        EMERGING.put("metaverse", words("\\bmetaverse\\b"));
        EMERGING.put("virtual reality", words("virtual reality|\\bVR\\b"));
        EMERGING.put("digital twin", words("digital twins?"));
        EMERGING.put("robotics", words("\\brobot(s|ics)?\\b"));
        EMERGING.put("quantum", words("\\bquantum\\b"));
    }

    private static final Pattern LATER_PHASE = words("\\b(once|after|only when|not before|later (phase|stage|years)|"
            + "phase (two|three|2|3)|in (the )?later years|until (our|the) (basics|foundations)|in year (three|four|"
            + "five|3|4|5)|beyond this strategy|when (the|our|these) (basics|foundations)[^.]{0,40}in place)\\b");
    private static final Pattern DECLINED = words("\\b(will not|won't|not a priority|have chosen not|decided not|"
            + "no plans to|are not investing)\\b");

    private BasicsSignals() {
    }

    static Findings find(StrategyText text, Priorities priorities) {
        List<Signal> signals = new ArrayList<>();
        List<TermQuote> basics = firstMentions(text, BASICS);
        List<TermQuote> emerging = firstMentions(text, EMERGING);
        int firstBasicItem = firstItemNaming(priorities, BASICS);
        int firstEmergingItem = firstItemNaming(priorities, EMERGING);
        boolean basicsInPriorities = firstBasicItem >= 0;
        boolean emergingBeforeBasics = firstEmergingItem >= 0
                && (firstBasicItem < 0 || firstEmergingItem < firstBasicItem);
        if (basicsInPriorities) {
            priorities.items().stream().filter(item -> names(item.text(), BASICS)).limit(MOST_QUOTES)
                    .forEach(item -> signals.add(new Signal("B1", Sign.GOOD, item.text(), item.page())));
        } else {
            text.sentences().stream().filter(s -> names(s.plain(), BASICS) && !Patterns.inReferenceSection(s))
                    .limit(MOST_QUOTES)
                    .forEach(s -> signals.add(Excerpt.signal("B1", Sign.GOOD, s, firstMatch(s.plain(), BASICS))));
        }
        text.sentences().stream()
                .filter(s -> names(s.plain(), EMERGING) && !Patterns.inReferenceSection(s)
                        && !has(Patterns.NATIONAL, s.plain()) && !has(DECLINED, s.plain())
                        && (!has(LATER_PHASE, s.plain()) || emergingBeforeBasics && s.listItem()))
                .limit(MOST_QUOTES)
                .forEach(s -> signals.add(Excerpt.signal("B2", Sign.BAD, s, firstMatch(s.plain(), EMERGING))));
        return new Findings(basics, emerging, basicsInPriorities, emergingBeforeBasics, signals);
    }

    private static List<TermQuote> firstMentions(StrategyText text, Map<String, Pattern> terms) {
        List<TermQuote> mentions = new ArrayList<>();
        terms.forEach((term, pattern) -> text.sentences().stream()
                .filter(s -> has(pattern, s.plain()) && !Patterns.inReferenceSection(s))
                .findFirst()
                .ifPresent(s -> mentions.add(Excerpt.termQuote(term, s, at(pattern, s.plain())))));
        return mentions;
    }

    private static int firstItemNaming(Priorities priorities, Map<String, Pattern> terms) {
        for (int i = 0; i < priorities.items().size(); i++) {
            if (names(priorities.items().get(i).text(), terms)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean names(String text, Map<String, Pattern> terms) {
        return terms.values().stream().anyMatch(pattern -> has(pattern, text));
    }

    private static int firstMatch(String text, Map<String, Pattern> terms) {
        return terms.values().stream().mapToInt(pattern -> at(pattern, text)).filter(at -> at >= 0).min().orElse(0);
    }
}
