package uk.nhs.strategycheck.strategydocument.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's pages cut into paragraphs and sentences, with headings, list items and the
 * sections they fall under. Page furniture (page numbers) is dropped.
 */
final class StrategyText {

    static final Pattern LIST_MARKER = Pattern.compile(
            "^(?:[•·▪◦●○■□➢►✓*\\-–—]\\s*|\\(?\\d{1,2}[.)]\\s+|\\(?[a-h][.)]\\s+|(?i:(?:priority|objective|ambition|"
                    + "goal|aim|programme|theme|mission|pillar)\\s+(?:\\d{1,2}|one|two|three|four|five|six|seven|"
                    + "eight|nine|ten)\\b))");
    private static final Pattern PAGE_FURNITURE = Pattern.compile("(?i)^(?:page\\s+)?\\d{1,4}(?:\\s+of\\s+\\d{1,4})?$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”’)]*\\s+");
    private static final Pattern CONTENTS = Pattern.compile("(?i)(table of )?contents");
    private static final Pattern LIST_NUMBER = Pattern.compile("\\(?(\\d{1,2}|[a-h])[.)]");
    private static final Set<String> ABBREVIATIONS = Set.of("dr", "mr", "mrs", "ms", "prof", "st", "no", "e.g",
            "i.e", "etc", "vs", "cf", "approx", "inc", "ltd", "co", "fig", "p", "pp", "nos");
    private static final int HEADING_WORDS = 12;

    private final List<Sentence> sentences;
    private final int pages;
    private final int words;

    private StrategyText(List<Sentence> sentences, int pages, int words) {
        this.sentences = List.copyOf(sentences);
        this.pages = pages;
        this.words = words;
    }

    static StrategyText of(List<String> pages) {
        return of(pages, AnalysisProgress.NONE);
    }

    /** Tells progress page by page, from 20% to 70% of the whole analysis. */
    static StrategyText of(List<String> pages, AnalysisProgress progress) {
        List<Sentence> sentences = new ArrayList<>();
        int words = 0;
        int paragraph = 0;
        String section = "";
        for (int pageIndex = 0; pageIndex < pages.size(); pageIndex++) {
            progress.reached(0.2 + 0.5 * pageIndex / pages.size(),
                    "Reading page " + (pageIndex + 1) + " of " + pages.size());
            if (CONTENTS.matcher(section).matches()) {
                section = "";
            }
            for (String text : paragraphs(pages.get(pageIndex))) {
                words += countWords(text);
                boolean listItem = LIST_MARKER.matcher(text).find();
                boolean heading = isHeading(text);
                String plain = withoutQuotations(text);
                // Glossaries and lists of contributors come last and their entries look like headings:
                // once in one, the rest of the document stays in it.
                // A table of contents lists headings with page numbers: it lasts to the end of its page.
                if (heading && !listItem && !Patterns.has(Patterns.REFERENCE_SECTION, section)
                        && !CONTENTS.matcher(section).matches()) {
                    section = text.toLowerCase(Locale.ROOT);
                }
                for (int[] span : sentenceSpans(text)) {
                    sentences.add(new Sentence(text.substring(span[0], span[1]), plain.substring(span[0], span[1]),
                            pageIndex + 1, paragraph, heading, listItem, section));
                }
                paragraph++;
            }
        }
        return new StrategyText(sentences, pages.size(), words);
    }

    List<Sentence> sentences() {
        return sentences;
    }

    int pages() {
        return pages;
    }

    int words() {
        return words;
    }

    static int countWords(String text) {
        int count = 0;
        for (Matcher matcher = WORD.matcher(text); matcher.find(); ) {
            count++;
        }
        return count;
    }

    /**
     * Lines joined into paragraphs: a blank line, a list item, a heading or a line ending in
     * closing punctuation or a colon ends one, and wrapped lines are put back together.
     */
    static List<String> paragraphs(String page) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : page.split("\\R")) {
            String line = normalise(raw);
            if (PAGE_FURNITURE.matcher(line).matches()) {
                line = "";
            }
            boolean startsNew = line.isEmpty() || LIST_MARKER.matcher(line).find()
                    || isHeading(current.toString()) || current.toString().endsWith(":")
                    || (isHeading(line) && endsSentence(current.toString()));
            if (startsNew && !current.isEmpty()) {
                paragraphs.add(current.toString());
                current.setLength(0);
            }
            if (!line.isEmpty()) {
                current.append(current.isEmpty() ? "" : " ").append(line);
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current.toString());
        }
        return paragraphs;
    }

    static String normalise(String text) {
        return text.replace('\u00a0', ' ').replaceAll("[\\s\\p{Z}]+", " ").strip();
    }

    private static boolean isHeading(String text) {
        if (text.isEmpty() || endsSentence(text) || text.endsWith(",") || text.endsWith(";") || text.endsWith(":")) {
            return false;
        }
        int words = countWords(text);
        char first = firstLetterOrDigit(text);
        return words > 0 && words <= HEADING_WORDS && (Character.isUpperCase(first) || Character.isDigit(first));
    }

    private static char firstLetterOrDigit(String text) {
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                return c;
            }
        }
        return ' ';
    }

    private static boolean endsSentence(String text) {
        return text.matches("(?s).*[.!?][\"”’)]*$");
    }

    /** Start and end of each sentence in a paragraph. */
    private static List<int[]> sentenceSpans(String paragraph) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        Matcher end = SENTENCE_END.matcher(paragraph);
        while (end.find()) {
            if (end.end() < paragraph.length() && startsSentence(paragraph.charAt(end.end()))
                    && !afterAbbreviation(paragraph, end.start())
                    && !LIST_NUMBER.matcher(paragraph.substring(start, end.start() + 1)).matches()) {
                spans.add(new int[] {start, end.end() - trailingSpaces(paragraph, end.end())});
                start = end.end();
            }
        }
        spans.add(new int[] {start, paragraph.length()});
        return spans;
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"“‘(•".indexOf(c) >= 0;
    }

    private static int trailingSpaces(String text, int end) {
        int spaces = 0;
        while (end - spaces - 1 >= 0 && text.charAt(end - spaces - 1) == ' ') {
            spaces++;
        }
        return spaces;
    }

    private static boolean afterAbbreviation(String text, int stop) {
        int start = stop;
        while (start > 0 && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        String word = text.substring(start, stop).toLowerCase(Locale.ROOT);
        return ABBREVIATIONS.contains(word) || word.length() == 1 && Character.isUpperCase(text.charAt(start));
    }

    /**
     * The text with quotations of four words or more blanked (same length, so positions still
     * match): what someone else said is not what the trust commits to.
     */
    static String withoutQuotations(String text) {
        char[] plain = text.toCharArray();
        int open = -1;
        for (int i = 0; i < plain.length; i++) {
            char c = text.charAt(i);
            boolean opens = c == '“' || c == '"' && open < 0 && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
            boolean closes = open >= 0 && (c == '”' || c == '"');
            if (closes) {
                if (countWords(text.substring(open, i)) >= 4) {
                    for (int j = open; j <= i; j++) {
                        plain[j] = ' ';
                    }
                }
                open = -1;
            } else if (opens) {
                open = i;
            }
        }
        if (open >= 0 && (text.charAt(open) == '“' || text.charAt(open) == '"') && open == 0) {
            // A quotation that runs to the end of its paragraph: a pull-quote.
            for (int j = open; j < plain.length; j++) {
                plain[j] = ' ';
            }
        }
        return new String(plain);
    }
}
