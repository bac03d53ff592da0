package uk.nhs.strategycheck.strategydocument.analysis;

import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.at;
import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.has;
import static uk.nhs.strategycheck.strategydocument.analysis.Patterns.words;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Priorities;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Quote;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Sign;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Signal;

/**
 * FOCUS: how many priorities the strategy names (F1) and what it says it will not do (F2).
 * Priorities are the numbered or labelled items ("Priority 3") or the list under a heading such
 * as "Our priorities", never every bullet point of the document.
 */
final class FocusSignals {

    record Findings(Priorities priorities, List<Quote> exclusions, List<Signal> signals) {
    }

    /** The priorities and the line that introduces or states them, quoted for F1. */
    private record Found(Priorities priorities, Sentence lead) {
    }

    static final int MOST_PRIORITIES = 7;
    private static final String NUMBER = "(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "thirteen|fourteen|fifteen|twenty)";
    private static final String KINDS = "(priorities|objectives|ambitions|programmes|goals|aims|themes|missions|"
            + "pillars|commitments|workstreams|projects|initiatives)";
    private static final Pattern LABELLED = words("^(?:[•·\\-–*]\\s*)?(priority|objective|ambition|goal|aim|programme|"
            + "theme|mission|pillar)\\s+" + NUMBER + "\\b");
    private static final Pattern LIST_HEADING = words("^(our|the|\\w+)?\\s*(\\w+\\s+){0,2}(strategic|digital|key|"
            + "main|big)?\\s*" + KINDS + "\\b|\\b" + KINDS + "\\s*(are|is)?\\s*:?$");
    private static final Pattern STATED_COUNT = words("\\b(our|these|the)\\s+" + NUMBER
            + "\\s+(strategic\\s+|digital\\s+|key\\s+|main\\s+)?" + KINDS + "\\b");
    private static final Pattern WISH_LIST = words("\\b(over|more than|around|nearly|almost|some)\\s+(\\d{2,4})\\s+"
            + "(separate\\s+|digital\\s+|different\\s+)?(projects|initiatives|programmes|schemes|workstreams|"
            + "priorities)\\b");
    private static final Pattern EXCLUSION = words("(?<!what )\\b(we|the trust|this strategy|the programme)\\s+"
            + "(will not|won't|shall not)\\b(?!\\s+(be able|only|tolerate|accept|hesitate|compromise|lose sight|leave|"
            + "stand still|settle|shy away|rest|forget|allow|ignore|let|be afraid|be complacent))"
            + "|\\bwe will stop\\b|\\bwe are stopping\\b|\\bwe will no longer\\b|\\bwe have (chosen|decided|agreed) not to"
            + "\\b|\\bwe are not going to\\b|\\b(is|are) not (a )?priorit(y|ies)\\b|\\bde-?prioriti[sz](ed|e|ing)\\b"
            + "|\\bwe will say no to\\b|\\bout of scope (of|for) this strategy\\b");

    private FocusSignals() {
    }

    static Findings find(StrategyText text) {
        Found found = priorities(text);
        Priorities priorities = found.priorities();
        List<Signal> signals = new ArrayList<>();
        Sentence wishList = firstMatch(text, WISH_LIST);
        Matcher wish = wishList == null ? null : WISH_LIST.matcher(wishList.plain());
        if (wish != null && wish.find() && Integer.parseInt(wish.group(2)) > MOST_PRIORITIES) {
            signals.add(Excerpt.signal("F1", Sign.BAD, wishList, wish.start()));
        } else if (priorities.count() > 0) {
            Sign sign = priorities.count() <= MOST_PRIORITIES ? Sign.GOOD : Sign.BAD;
            signals.add(Excerpt.signal("F1", sign, found.lead(), 0));
        }
        List<Quote> exclusions = new ArrayList<>();
        for (Sentence sentence : text.sentences()) {
            int at = at(EXCLUSION, sentence.plain());
            if (at >= 0 && !sentence.heading() && !Patterns.inReferenceSection(sentence)) {
                exclusions.add(Excerpt.quote(sentence, at));
                signals.add(Excerpt.signal("F2", Sign.GOOD, sentence, at));
            }
        }
        return new Findings(priorities, exclusions, signals);
    }

    private static Found priorities(StrategyText text) {
        Sentence stated = firstMatch(text, STATED_COUNT);
        List<Sentence> labelled = labelledItems(text);
        if (labelled.size() >= 2) {
            return new Found(new Priorities(labelled.size(), labelled.stream().map(FocusSignals::item).toList()),
                    stated != null ? stated : labelled.get(0));
        }
        List<Sentence> sentences = text.sentences();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence lead = sentences.get(i);
            boolean leadsList = (lead.heading() || lead.text().endsWith(":")) && !lead.listItem()
                    && has(LIST_HEADING, lead.plain()) && StrategyText.countWords(lead.text()) <= 16;
            if (leadsList) {
                List<Priorities.Item> items = listAfter(sentences, i);
                if (items.size() >= 2) {
                    return new Found(new Priorities(items.size(), items), lead);
                }
            }
        }
        if (stated != null) {
            Matcher count = STATED_COUNT.matcher(stated.plain());
            count.find();
            return new Found(new Priorities(Patterns.number(count.group(2)), List.of()), stated);
        }
        return new Found(new Priorities(0, List.of()), null);
    }

    /** "Priority 1: ...", "Ambition two - ...": the first line for each number, in order of appearance. */
    private static List<Sentence> labelledItems(StrategyText text) {
        Map<String, Map<Integer, Sentence>> byLabel = new LinkedHashMap<>();
        for (Sentence sentence : text.sentences()) {
            Matcher matcher = LABELLED.matcher(sentence.text());
            if (matcher.find() && (sentence.heading() || sentence.listItem()) && !Patterns.inReferenceSection(sentence)) {
                byLabel.computeIfAbsent(matcher.group(1).toLowerCase(Locale.ROOT), label -> new LinkedHashMap<>())
                        .putIfAbsent(Patterns.number(matcher.group(2)), sentence);
            }
        }
        return byLabel.values().stream().max((a, b) -> Integer.compare(a.size(), b.size()))
                .map(items -> (List<Sentence>) new ArrayList<>(items.values())).orElse(List.of());
    }

    /** The list items right after a lead line, one per paragraph, up to the first paragraph that is not one. */
    private static List<Priorities.Item> listAfter(List<Sentence> sentences, int lead) {
        List<Priorities.Item> items = new ArrayList<>();
        int paragraph = sentences.get(lead).paragraph();
        for (int j = lead + 1; j < sentences.size(); j++) {
            Sentence next = sentences.get(j);
            if (next.paragraph() == paragraph) {
                continue;
            }
            if (!next.listItem()) {
                break;
            }
            items.add(item(next));
            paragraph = next.paragraph();
        }
        return items;
    }

    private static Sentence firstMatch(StrategyText text, Pattern pattern) {
        return text.sentences().stream().filter(s -> has(pattern, s.plain()) && !Patterns.inReferenceSection(s))
                .findFirst().orElse(null);
    }

    private static Priorities.Item item(Sentence sentence) {
        return new Priorities.Item(Excerpt.of(sentence, 0), sentence.page());
    }
}
