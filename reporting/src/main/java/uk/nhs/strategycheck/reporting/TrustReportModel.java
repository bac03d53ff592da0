package uk.nhs.strategycheck.reporting;

import static uk.nhs.strategycheck.reporting.Rows.row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Turns {@link TrustReportData} into the parameters and section rows of trust-report.jrxml. */
final class TrustReportModel {

    private TrustReportModel() {
    }

    static Rows.Model build(TrustReportData d) {
        Objects.requireNonNull(d, "data");
        List<CharacteristicScores> scores = d.scores() == null ? List.of()
                : d.scores().stream().sorted(Comparator.comparingInt(CharacteristicScores::position)).toList();
        String trust = Fmt.text(d.trustName(), "Unnamed trust");
        String cycle = Fmt.text(d.cycleName(), "");
        String title = (trust + " digital strategy report " + cycle).strip();

        Map<String, Object> p = new HashMap<>();
        p.put("DOC_TITLE", title);
        p.put("TRUST_NAME", trust);
        p.put("ODS", Fmt.text(d.odsCode(), "Not recorded"));
        p.put("TRUST_TYPE", Fmt.text(d.trustType(), "Not recorded"));
        p.put("ICS_NAME", Fmt.text(d.icsName(), "Not recorded"));
        p.put("CYCLE", cycle);
        p.put("PREVIOUS_CYCLE", Fmt.text(d.previousCycleName(), "None"));
        p.put("GENERATED", Fmt.date(d.generatedOn()));
        p.put("STATUS", Fmt.status(d.status()) + (Fmt.approved(d.status()) ? ""
                : ". These are the trust's latest answers, not an approved assessment."));
        p.put("RAG_COUNTS", ragCounts(scores));
        p.put("STRONGEST", extreme(scores, true));
        p.put("WEAKEST", extreme(scores, false));
        p.put("CHANGE", changeSummary(scores, d.previousCycleName()));
        int actions = d.actions() == null ? 0 : d.actions().size();
        p.put("ACTIONS_COUNT", actions == 0 ? "No improvement actions recorded."
                : actions + (actions == 1 ? " improvement action" : " improvement actions") + " recorded (listed at the end of this report).");

        Rows.methodology(p, scores.stream().map(c -> new String[] {String.valueOf(c.position()), c.code(), c.name()}).toList());

        List<Map<String, ?>> rows = new ArrayList<>();
        rows.add(row("section", "cover", "page", "cover"));
        rows.add(row("section", "summary", "page", "summary"));
        rows.add(row("section", "scores", "page", "scores", "table", Rows.scoreRows(scores),
                "change", changeSummary(scores, d.previousCycleName()),
                "bars", Rows.profileBars(scores), "alt", Rows.profileAlt(trust, scores)));
        boolean first = true;
        for (var group : evidenceGroups(d.evidence(), scores).entrySet()) {
            rows.add(row("section", "evidence", "page", "evidence", "first", first, "title", group.getKey(), "table", group.getValue()));
            first = false;
        }
        if (first) {
            rows.add(row("section", "evidence", "page", "evidence", "first", true, "title", "No evidence recorded", "table", List.of()));
        }
        List<Map<String, ?>> actionRows = Rows.actionRows(d.actions(), scores);
        rows.add(row("section", "actions", "page", "actions", "actions", actionRows,
                "actionsNote", actionRows.isEmpty() ? "No actions recorded." : null));
        rows.add(row("section", "methodology", "page", "methodology"));
        rows.addAll(StrategyDocumentModel.annexRows(d.strategyDocument()));
        return new Rows.Model(title, p, rows);
    }

    /** Evidence grouped by characteristic, in framework order, each group's statements in code order. */
    private static Map<String, List<Map<String, ?>>> evidenceGroups(List<EvidenceItem> evidence, List<CharacteristicScores> scores) {
        List<EvidenceItem> items = evidence == null ? List.of() : new ArrayList<>(evidence);
        items.sort(Comparator.comparingInt((EvidenceItem e) -> position(e.characteristic(), scores))
                .thenComparing(e -> Fmt.text(e.statementCode(), "")));
        Map<String, List<Map<String, ?>>> groups = new LinkedHashMap<>();
        for (EvidenceItem e : items) {
            String heading = heading(e.characteristic(), scores);
            String score = e.score() == null ? Fmt.NOT_SCORED
                    : e.score() + (e.scoreLabel() == null || e.scoreLabel().isBlank() ? "" : " " + e.scoreLabel().strip());
            groups.computeIfAbsent(heading, k -> new ArrayList<>()).add(row(
                    "code", Fmt.text(e.statementCode(), ""),
                    "statement", Fmt.text(e.statement(), ""),
                    "score", score,
                    "evidence", Fmt.text(e.evidence(), "No evidence note recorded.")));
        }
        return groups;
    }

    private static int position(String characteristic, List<CharacteristicScores> scores) {
        for (CharacteristicScores c : scores) {
            if (characteristic != null && (characteristic.equalsIgnoreCase(c.code()) || characteristic.equalsIgnoreCase(c.name()))) {
                return c.position();
            }
        }
        return Integer.MAX_VALUE;
    }

    private static String heading(String characteristic, List<CharacteristicScores> scores) {
        for (CharacteristicScores c : scores) {
            if (characteristic != null && (characteristic.equalsIgnoreCase(c.code()) || characteristic.equalsIgnoreCase(c.name()))) {
                return c.position() + ". " + Fmt.shortName(c.code(), c.name()) + ": " + Fmt.text(c.name(), "")
                        + " (score " + Fmt.scoreWithRag(c.score(), "not scored") + ")";
            }
        }
        return Fmt.text(characteristic, "Other");
    }

    private static String ragCounts(List<CharacteristicScores> scores) {
        long red = scores.stream().filter(s -> "Red".equals(Fmt.rag(s.score()))).count();
        long amber = scores.stream().filter(s -> "Amber".equals(Fmt.rag(s.score()))).count();
        long green = scores.stream().filter(s -> "Green".equals(Fmt.rag(s.score()))).count();
        long none = scores.stream().filter(s -> s.score() == null).count();
        return green + " green, " + amber + " amber, " + red + " red" + (none == 0 ? "" : ", " + none + " not scored")
                + " of " + scores.size() + " characteristics.";
    }

    private static String extreme(List<CharacteristicScores> scores, boolean strongest) {
        BigDecimal best = null;
        for (var c : scores) {
            if (c.score() != null && (best == null || (strongest ? c.score().compareTo(best) > 0 : c.score().compareTo(best) < 0))) {
                best = c.score();
            }
        }
        if (best == null) {
            return Fmt.NOT_SCORED;
        }
        BigDecimal b = best;
        return scores.stream().filter(c -> c.score() != null && c.score().compareTo(b) == 0)
                .map(c -> Fmt.shortName(c.code(), c.name()) + " (" + Fmt.text(c.name(), "") + "), " + Fmt.scoreWithRag(c.score(), ""))
                .collect(Collectors.joining("; "));
    }

    /** "Since 2025/26: improved in 3, fell in 2, no change in 2." */
    static String changeSummary(List<CharacteristicScores> scores, String previousCycle) {
        int up = 0, down = 0, same = 0, unknown = 0;
        for (var c : scores) {
            if (c.score() == null || c.previous() == null) {
                unknown++;
                continue;
            }
            int cmp = Fmt.number(c.score()).compareTo(Fmt.number(c.previous()));
            if (cmp > 0) {
                up++;
            } else if (cmp < 0) {
                down++;
            } else {
                same++;
            }
        }
        String since = previousCycle == null || previousCycle.isBlank() ? "Since the last cycle" : "Since " + previousCycle.strip();
        if (unknown == scores.size()) {
            return since + ": no comparison (no scores in both cycles).";
        }
        return since + ": improved in " + up + ", fell in " + down + ", no change in " + same
                + (unknown == 0 ? "" : ", no comparison in " + unknown) + " of " + scores.size() + " characteristics.";
    }
}
