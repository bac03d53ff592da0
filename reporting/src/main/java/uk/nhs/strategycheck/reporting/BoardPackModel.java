package uk.nhs.strategycheck.reporting;

import static uk.nhs.strategycheck.reporting.Rows.row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Turns {@link BoardPackData} into the parameters and section rows of board-pack.jrxml. */
final class BoardPackModel {

    /** The heatmap has seven score columns: the framework's seven characteristics. */
    static final int COLUMNS = 7;
    /** Trusts per characteristic chart; a larger ICS gets more than one chart per characteristic. */
    static final int TRUSTS_PER_CHART = 18;
    /** Up to this many trusts fit the short chart; two charts then share a page. */
    static final int SMALL_CHART_TRUSTS = 8;

    private BoardPackModel() {
    }

    static Rows.Model build(BoardPackData d) {
        Objects.requireNonNull(d, "data");
        List<BoardPackData.CharacteristicSummary> chars = d.characteristics() == null ? List.of()
                : d.characteristics().stream().sorted(Comparator.comparingInt(BoardPackData.CharacteristicSummary::position)).toList();
        if (chars.size() > COLUMNS) {
            throw new IllegalArgumentException("The board pack shows at most " + COLUMNS + " characteristics, got " + chars.size());
        }
        List<BoardPackData.TrustProfile> trusts = d.trusts() == null ? List.of() : d.trusts();

        String icsName = Fmt.text(d.icsName(), "Integrated care system");
        String cycle = Fmt.text(d.cycleName(), "");
        String title = (icsName + " board pack " + cycle).strip();

        Map<String, Object> p = new HashMap<>();
        p.put("DOC_TITLE", title);
        p.put("ICS_NAME", icsName);
        p.put("ICS_ODS", Fmt.text(d.icsOdsCode(), "Not recorded"));
        p.put("CYCLE", cycle);
        p.put("PREVIOUS_CYCLE", Fmt.text(d.previousCycleName(), "None"));
        p.put("GENERATED", Fmt.date(d.generatedOn()));
        p.put("FOOTPRINT", d.footprintNote());
        p.put("SUBMISSION", d.submitted() + " of " + d.memberTrusts() + " member trusts submitted, " + d.approved() + " approved");
        List<Rows.Ranked> byIcsMedian = chars.stream().map(c -> new Rows.Ranked(c.code(), c.name(), c.icsMedian())).toList();
        p.put("STRONGEST", Rows.extreme(byIcsMedian, true, "ICS median"));
        p.put("WEAKEST", Rows.extreme(byIcsMedian, false, "ICS median"));
        List<String> support = needingSupport(trusts, chars);
        p.put("SUPPORT_COUNT", support.isEmpty() ? "No trust needs support on this measure."
                : support.size() + (support.size() == 1 ? " trust needs" : " trusts need")
                + " support (any red characteristic, or no approved assessment):");
        p.put("SUPPORT_LIST", support.isEmpty() ? null : String.join("\n", support));
        for (int i = 0; i < COLUMNS; i++) {
            p.put("H" + (i + 1), i < chars.size() ? (i + 1) + "\n" + Fmt.shortName(chars.get(i).code(), chars.get(i).name()) : null);
        }

        Rows.methodology(p, chars.stream().map(c -> new String[] {String.valueOf(c.position()), c.code(), c.name()}).toList());

        List<Map<String, ?>> rows = new ArrayList<>();
        rows.add(row("section", "cover", "page", "cover"));
        rows.add(row("section", "summary", "page", "summary", "table", medianRows(chars, trusts)));
        rows.add(row("section", "heatmap", "page", "heatmap", "table", heatmapRows(chars, trusts)));
        List<StrategyDocumentRow> documents = d.strategyDocuments() == null ? List.of() : d.strategyDocuments();
        rows.add(row("section", "documents", "page", "documents", "table", StrategyDocumentModel.comparisonRows(documents),
                "note", StrategyDocumentModel.comparisonNote(documents)));
        // Only trusts with an approved assessment have scores to chart and profile; the rest share one page.
        List<BoardPackData.TrustProfile> scored = trusts.stream().filter(t -> Fmt.approved(t.status())).toList();
        List<BoardPackData.TrustProfile> unscored = trusts.stream().filter(t -> !Fmt.approved(t.status())).toList();
        addCharts(rows, chars, scored);
        boolean first = true;
        for (int i = 0; i < scored.size(); i++) {
            rows.add(profileRow(scored.get(i), first, "profile-" + i, d.previousCycleName()));
            first = false;
        }
        if (!unscored.isEmpty()) {
            rows.add(row("section", "unscored", "page", "unscored",
                    "intro", unscoredIntro(unscored.size(), trusts.size()),
                    "list", unscored.stream().map(t -> "• " + Fmt.text(t.trustName(), "Unnamed trust") + " ("
                            + Fmt.text(t.odsCode(), "ODS code not recorded") + "): " + Fmt.status(t.status()).toLowerCase(Locale.UK))
                            .collect(Collectors.joining("\n"))));
        }
        rows.add(row("section", "methodology", "page", "methodology"));
        return new Rows.Model(title, p, rows);
    }

    private static String unscoredIntro(int unscored, int trusts) {
        return unscored + " of " + trusts + " member trusts " + (unscored == 1 ? "has" : "have")
                + " no approved assessment in this cycle, so they have no scores to profile and are not in the charts. "
                + "Where each one's assessment stands:";
    }

    private static List<CharacteristicScores> scores(BoardPackData.TrustProfile t) {
        return t.scores() == null ? List.of()
                : t.scores().stream().sorted(Comparator.comparingInt(CharacteristicScores::position)).toList();
    }

    private static BigDecimal scoreFor(BoardPackData.TrustProfile t, BoardPackData.CharacteristicSummary c) {
        for (CharacteristicScores s : scores(t)) {
            if (Objects.equals(s.code(), c.code()) || s.position() == c.position()) {
                return s.score();
            }
        }
        return null;
    }

    /** Trusts with any red characteristic, or with no approved assessment (DESIGN.md). */
    static List<String> needingSupport(List<BoardPackData.TrustProfile> trusts, List<BoardPackData.CharacteristicSummary> chars) {
        List<String> out = new ArrayList<>();
        for (var t : trusts) {
            String name = Fmt.text(t.trustName(), "Unnamed trust");
            if (!Fmt.approved(t.status())) {
                out.add(name + ": no approved assessment (" + Fmt.status(t.status()).toLowerCase(Locale.UK) + ")");
                continue;
            }
            List<String> red = scores(t).stream().filter(s -> "Red".equals(Fmt.rag(s.score())))
                    .map(s -> Fmt.shortName(s.code(), s.name()) + " " + Fmt.score(s.score(), "")).toList();
            if (!red.isEmpty()) {
                out.add(name + ": red in " + String.join(", ", red));
            }
        }
        return out;
    }

    private static List<Map<String, ?>> medianRows(List<BoardPackData.CharacteristicSummary> chars, List<BoardPackData.TrustProfile> trusts) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (var c : chars) {
            int red = 0, amber = 0, green = 0, none = 0;
            for (var t : trusts) {
                String rag = Fmt.rag(scoreFor(t, c));
                if (rag == null) {
                    none++;
                } else if (rag.equals("Red")) {
                    red++;
                } else if (rag.equals("Amber")) {
                    amber++;
                } else {
                    green++;
                }
            }
            rows.add(row("characteristic", c.position() + ". " + Fmt.shortName(c.code(), c.name()),
                    "name", Fmt.text(c.name(), ""),
                    "ics", Fmt.medianWithRag(c.icsMedian()), "bg", Fmt.fill(Fmt.shown(c.icsMedian())),
                    "ink", Fmt.ink(Fmt.shown(c.icsMedian())),
                    "national", Fmt.medianWithRag(c.nationalMedian()),
                    "red", String.valueOf(red), "amber", String.valueOf(amber), "green", String.valueOf(green),
                    "none", String.valueOf(none)));
        }
        return rows;
    }

    private static List<Map<String, ?>> heatmapRows(List<BoardPackData.CharacteristicSummary> chars, List<BoardPackData.TrustProfile> trusts) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (var t : trusts) {
            List<BigDecimal> values = chars.stream().map(c -> scoreFor(t, c)).toList();
            rows.add(Rows.heatRow(Fmt.text(t.trustName(), "Unnamed trust"), values, Fmt.NOT_SCORED));
        }
        rows.add(Rows.medianHeatRow("ICS median", chars.stream().map(BoardPackData.CharacteristicSummary::icsMedian).toList(),
                Scores.WITHHELD));
        rows.add(Rows.medianHeatRow("National median", chars.stream().map(BoardPackData.CharacteristicSummary::nationalMedian).toList(),
                Scores.WITHHELD));
        return rows;
    }

    private static void addCharts(List<Map<String, ?>> rows, List<BoardPackData.CharacteristicSummary> chars,
                                  List<BoardPackData.TrustProfile> trusts) {
        boolean first = true;
        int chunks = Math.max(1, (trusts.size() + TRUSTS_PER_CHART - 1) / TRUSTS_PER_CHART);
        for (var c : chars) {
            String shortName = Fmt.shortName(c.code(), c.name());
            for (int k = 0; k < chunks; k++) {
                List<BoardPackData.TrustProfile> part = trusts.subList(Math.min(trusts.size(), k * TRUSTS_PER_CHART),
                        Math.min(trusts.size(), (k + 1) * TRUSTS_PER_CHART));
                List<Map<String, ?>> bars = new ArrayList<>();
                StringBuilder alt = new StringBuilder("Bar chart of ").append(shortName)
                        .append(" scores on the 1 to 5 scale for ").append(Scores.trusts(part.size()))
                        .append(" with an approved assessment, with the ICS median ").append(Fmt.median(c.icsMedian()))
                        .append(" and the national median ").append(Fmt.median(c.nationalMedian())).append(". ");
                for (var t : part) {
                    BigDecimal s = scoreFor(t, c);
                    String name = Fmt.text(t.trustName(), "Unnamed trust");
                    bars.add(Rows.bar("Trust score", s == null ? name + " (not scored)" : name, s, Fmt.scoreWithRag(s, "")));
                    alt.append(name).append(' ').append(Fmt.scoreWithRag(s, "not scored")).append("; ");
                }
                bars.add(Rows.medianBar("ICS median", "ICS median", c.icsMedian()));
                bars.add(Rows.medianBar("National median", "National median", c.nationalMedian()));
                String subtitle = chunks == 1 ? null
                        : "Trusts " + (k * TRUSTS_PER_CHART + 1) + " to " + (k * TRUSTS_PER_CHART + part.size()) + " of " + trusts.size();
                rows.add(row("section", "chart", "page", "charts", "first", first,
                        "title", c.position() + ". " + shortName + ": " + Fmt.text(c.name(), ""),
                        "subtitle", subtitle,
                        "note", "ICS median " + Fmt.median(c.icsMedian()) + "; national median "
                                + Fmt.median(c.nationalMedian()) + ".",
                        "alt", alt.toString().replaceAll("; $", "."),
                        "bars", bars,
                        "big", part.size() > SMALL_CHART_TRUSTS));
                first = false;
            }
        }
    }

    private static Map<String, Object> profileRow(BoardPackData.TrustProfile t, boolean first, String page, String previousCycle) {
        List<CharacteristicScores> scores = scores(t);
        String name = Fmt.text(t.trustName(), "Unnamed trust");
        String meta = "ODS code " + Fmt.text(t.odsCode(), "not recorded") + " · " + Fmt.text(t.trustType(), "Trust type not recorded")
                + " · Assessment: " + Fmt.status(t.status());
        List<Map<String, ?>> actions = Rows.actionRows(t.topActions(), scores);
        return row("section", "profile", "page", page, "first", first,
                "title", name, "meta", meta,
                "change", TrustReportModel.changeSummary(scores, previousCycle),
                "table", Rows.scoreRows(scores),
                "bars", Rows.profileBars(scores),
                "alt", Rows.profileAlt(name, scores),
                "actions", actions,
                "actionsNote", actions.isEmpty() ? "No actions recorded." : null);
    }
}
