package uk.nhs.strategycheck.reporting;

import static uk.nhs.strategycheck.reporting.Rows.row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The strategy document check in both reports: the trust report's annex and the board pack's
 * comparison of member trusts' documents (STRATEGY-CHECK.md). The check advises and never
 * scores, so every figure from the document is printed beside, never instead of, the trust's own.
 */
final class StrategyDocumentModel {

    static final String NO_DOCUMENT = "No strategy document was uploaded for this cycle.";
    static final String ADVICE = "The check reads the trust's strategy document and shows, for each characteristic, the signals it"
            + " found, each quoted with its page. It advises and never scores for the trust: the score it suggests from the document"
            + " is shown beside the trust's own score, with the rule that gave it, so the two can be set side by side.";
    static final String GAP_FLAG = "Own score 2 or more points above what the document shows";
    static final String NO_SIGNALS = "The check found no signals for this characteristic in the document.";
    static final String NOT_STATED = "Not stated";

    static final String NO_MEMBER_DOCUMENT = "No member trust has uploaded a strategy document for this cycle.";
    static final String NOT_UPLOADED = "No document uploaded";
    static final String NO_GAPS = "None";

    private StrategyDocumentModel() {
    }

    /** The annex: its opening row (the document and its facts, or the sentence that there is none), then one row per characteristic. */
    static List<Map<String, ?>> annexRows(StrategyDocumentSummary doc) {
        List<Map<String, ?>> rows = new ArrayList<>();
        if (doc == null) {
            rows.add(row("section", "document", "page", "document", "table", List.of(), "note", NO_DOCUMENT));
            return rows;
        }
        rows.add(row("section", "document", "page", "document", "table", facts(doc), "note", ADVICE));
        List<StrategyDocumentSummary.Characteristic> chars = doc.characteristics() == null ? List.of()
                : doc.characteristics().stream().sorted(Comparator.comparingInt(StrategyDocumentSummary.Characteristic::position)).toList();
        for (var c : chars) {
            List<Map<String, ?>> signals = signals(c.signals());
            String rule = Fmt.text(c.rule(), null);
            rows.add(row("section", "document-characteristic", "page", "document",
                    "title", c.position() + ". " + Fmt.shortName(c.code(), c.name()) + ": " + Fmt.text(c.name(), ""),
                    "comparison", "Suggested score from the document: " + c.suggestedScore()
                            + ". Trust's own score: " + Fmt.score(c.ownScore(), Fmt.NOT_SCORED) + ".",
                    "flag", c.ownScoreWellAbove() ? GAP_FLAG + "." : null,
                    "rule", rule == null ? null : "How the suggestion was made: " + rule,
                    "table", signals,
                    "note", signals.isEmpty() ? NO_SIGNALS : null));
        }
        return rows;
    }

    private static List<Map<String, ?>> facts(StrategyDocumentSummary doc) {
        String review = Fmt.text(doc.reviewCadence(), null);
        return List.of(
                fact("File name", Fmt.text(doc.fileName(), "Not recorded")),
                fact("Uploaded", doc.uploadedOn() == null ? "Not recorded" : Fmt.date(doc.uploadedOn())),
                fact("Pages", String.valueOf(doc.pages())),
                fact("Period covered", Fmt.text(doc.period(), NOT_STATED)),
                fact("Review", review == null ? NOT_STATED : quoted(review)),
                fact("Foreword signed by", Fmt.text(doc.signatory(), "Not found")),
                fact("Priorities named", String.valueOf(doc.priorities())),
                fact("Measurable targets", String.valueOf(doc.targets())),
                fact("Exclusions (work it says it will not do)", String.valueOf(doc.exclusions())));
    }

    private static Map<String, Object> fact(String label, String value) {
        return row("label", label, "value", value);
    }

    private static List<Map<String, ?>> signals(List<StrategyDocumentSummary.Evidence> signals) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (var s : signals == null ? List.<StrategyDocumentSummary.Evidence>of() : signals) {
            // The sign is written out: a reader of a greyscale copy, or of the text alone, still knows it.
            rows.add(row("sign", s.good() ? "Good sign" : "Bad sign",
                    "code", Fmt.text(s.code(), ""),
                    "quote", quoted(Fmt.text(s.quote(), "")),
                    "page", "page " + s.page()));
        }
        return rows;
    }

    /** Rows of the board pack's comparison table, in the order given. */
    static List<Map<String, ?>> comparisonRows(List<StrategyDocumentRow> documents) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (var d : documents) {
            String trust = Fmt.text(d.trustName(), "Unnamed trust");
            if (!d.uploaded()) {
                rows.add(row("trust", trust, "period", NOT_UPLOADED));
                continue;
            }
            List<String> gaps = d.gaps() == null ? List.of() : d.gaps().stream().filter(g -> g != null && !g.isBlank()).toList();
            rows.add(row("trust", trust,
                    "period", Fmt.text(d.period(), NOT_STATED),
                    "review", Fmt.text(d.reviewCadence(), NOT_STATED),
                    "priorities", figure(d.priorities()),
                    "targets", figure(d.targets()),
                    "exclusions", figure(d.exclusions()),
                    "signatory", Fmt.text(d.signatory(), "Not found"),
                    "gaps", gaps.isEmpty() ? NO_GAPS : String.join("\n", gaps)));
        }
        return rows;
    }

    /** Null when at least one member trust has uploaded a document; otherwise the sentence that none has. */
    static String comparisonNote(List<StrategyDocumentRow> documents) {
        return documents.stream().anyMatch(StrategyDocumentRow::uploaded) ? null : NO_MEMBER_DOCUMENT;
    }

    private static String figure(Integer n) {
        return n == null ? "Not found" : String.valueOf(n);
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }
}
