package uk.nhs.strategycheck.strategydocument.analysis;

import java.util.List;
import java.util.Map;

/**
 * What a strategy document shows: its facts and, per characteristic, the signals found with
 * verbatim quotes and pages, and a suggested score with the rule that produced it.
 * Absent facts are null (horizon, review cadence); lists are empty, never null. The
 * characteristics map has all seven codes of the framework, in framework order.
 */
public record DocumentAnalysis(String file, String mediaType, int pages, int words, Horizon horizon,
                               Quote reviewCadence, Foreword foreword, Priorities priorities,
                               List<Quote> targets, List<Quote> exclusions, List<TermQuote> basics,
                               List<TermQuote> emerging, List<Quote> userResearch,
                               Map<String, CharacteristicFinding> characteristics) {

    /** The seven characteristic codes of the framework, in its order. */
    public static final List<String> CHARACTERISTICS =
            List.of("LEADERSHIP", "CONTEXT", "BASICS", "CLARITY", "HORIZON", "FOCUS", "CULTURE");

    /** A verbatim quote of at most 25 words and the page it is on (1 for plain text and HTML). */
    public record Quote(String quote, int page) {
    }

    /** A quote that names a term of the catalogue ("electronic patient record", "artificial intelligence"). */
    public record TermQuote(String term, String quote, int page) {
    }

    /** The period the strategy covers; years = to - from. */
    public record Horizon(int from, int to, int years, String quote, int page) {
    }

    /** Who signs the foreword or introduction. quote and page are null when the role is UNKNOWN. */
    public record Foreword(SignatoryRole signatoryRole, String quote, Integer page) {
    }

    public enum SignatoryRole {
        CHIEF_EXECUTIVE, CHAIR, BOARD, DIGITAL_LEAD, OTHER, UNKNOWN
    }

    /** The priorities, objectives, ambitions or programmes the document names. */
    public record Priorities(int count, List<Item> items) {

        public record Item(String text, int page) {
        }
    }

    /** A characteristic as the document shows it: 1 to 5, the rule that gave it, and its signals. */
    public record CharacteristicFinding(int suggestedScore, String rule, List<Signal> signals) {
    }

    /** One signal of the catalogue (L1, C2, K1...), good or bad, with its quote. */
    public record Signal(String code, Sign sign, String quote, int page) {
    }

    public enum Sign {
        GOOD, BAD
    }
}
