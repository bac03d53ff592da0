package uk.nhs.strategycheck.strategydocument.analysis;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers for the case-insensitive patterns the signal finders share. */
final class Patterns {

    private Patterns() {
    }

    static Pattern words(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Where the pattern first matches, or -1. */
    static int at(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.start() : -1;
    }

    static int count(Pattern pattern, String text) {
        int count = 0;
        for (Matcher matcher = pattern.matcher(text); matcher.find(); ) {
            count++;
        }
        return count;
    }

    static boolean has(Pattern pattern, String text) {
        return pattern.matcher(text).find();
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** The document's sections that are not the trust speaking for itself: glossaries and lists of contributors. */
    static final Pattern REFERENCE_SECTION = words("glossary|abbreviation|acronym|terms used|definitions|"
            + "contributor|acknowledg|thank|authors|who we (spoke|talked)|people involved|membership|references|"
            + "bibliography|further reading");

    static boolean inReferenceSection(Sentence sentence) {
        return has(REFERENCE_SECTION, sentence.section()) || sentence.section().matches("(table of )?contents");
    }

    /** National bodies and data: what England or the NHS as a whole does, not this trust. */
    static final Pattern NATIONAL = words("\\bnational(ly)?\\b|across england|in england|england's|\\bNHS England\\b|"
            + "\\bONS\\b|office for national statistics|across the (uk|country|nhs)|\\bUK\\b|the government|"
            + "department of health|long term plan|10 year (health )?plan|ten year (health )?plan|\\bNHS as a whole|"
            + "what good looks like|\\bDHSC\\b");

    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen", "twenty");

    /** "three" or "3" as 3. */
    static int number(String word) {
        int index = NUMBER_WORDS.indexOf(lower(word));
        return index >= 0 ? index : Integer.parseInt(word);
    }
}
