package uk.nhs.strategycheck.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builders for the maps the templates read. The templates only lay text out: every
 * rule (rounding, RAG, wording) is applied here, in Java, where it is tested.
 */
final class Rows {

    private Rows() {
    }

    /** Parameters and the main data source of one report. */
    record Model(String title, Map<String, Object> params, List<Map<String, ?>> rows) {
    }

    /** The methodology page's description of the framework, from the characteristics in the data. */
    static void methodology(Map<String, Object> params, List<String[]> characteristics) {
        params.put("METHOD_FRAMEWORK", "The Digital Strategy Check assesses a trust's digital strategy against "
                + Fmt.count(characteristics.size()) + " characteristics of a good digital strategy. Each characteristic has four "
                + "statements; the trust scores every statement from 1 to 5 and records a short evidence note.");
        List<String> lines = new ArrayList<>();
        for (String[] c : characteristics) {
            lines.add(c[0] + ". " + Fmt.shortName(c[1], c[2]) + ": " + Fmt.text(c[2], ""));
        }
        params.put("METHOD_CHARACTERISTICS", String.join("\n", lines));
    }

    /** A characteristic and the median it is ranked by, for the strongest and weakest lines of a summary. */
    record Ranked(String code, String name, MedianFigure median) {
    }

    /**
     * Strongest or weakest by the given median, of the medians a PDF may print; ties are all named:
     * "Basics (Fixes the basics first), ICS median 3.6 Green (3 trusts)".
     */
    static String extreme(List<Ranked> chars, boolean strongest, String medianLabel) {
        BigDecimal best = null;
        for (Ranked c : chars) {
            BigDecimal m = Fmt.shown(c.median());
            if (m != null && (best == null || (strongest ? m.compareTo(best) > 0 : m.compareTo(best) < 0))) {
                best = m;
            }
        }
        if (best == null) {
            return "Not shown: no " + medianLabel + " of " + Scores.MINIMUM_TRUSTS_FOR_A_MEDIAN + " or more trusts yet";
        }
        BigDecimal b = best;
        return chars.stream().filter(c -> Fmt.shown(c.median()) != null && Fmt.shown(c.median()).compareTo(b) == 0)
                .map(c -> Fmt.shortName(c.code(), c.name()) + " (" + Fmt.text(c.name(), "") + "), " + medianLabel + " "
                        + Fmt.medianWithRag(c.median()))
                .collect(Collectors.joining("; "));
    }

    /** A heatmap row: the label, then per column the score and RAG (c1..c7), its fill (b1..) and ink (f1..). */
    static Map<String, Object> heatRow(String label, List<BigDecimal> values, String whenNull) {
        Map<String, Object> r = row("trust", label);
        for (int i = 0; i < values.size(); i++) {
            BigDecimal v = values.get(i);
            // Score and RAG on two lines so a narrow column never breaks a word.
            r.put("c" + (i + 1), v == null ? whenNull : Fmt.score(v, "") + "\n" + Fmt.rag(v));
            r.put("b" + (i + 1), Fmt.fill(v));
            r.put("f" + (i + 1), Fmt.ink(v));
        }
        return r;
    }

    /** "ICS median (5 trusts)": the row says how many trusts its medians are over; withheld cells say so. */
    static Map<String, Object> medianHeatRow(String label, List<MedianFigure> medians, String whenWithheld) {
        List<MedianFigure> shown = medians.stream().filter(m -> m.shown(false)).toList();
        String over = Scores.trustsOver(shown);
        return heatRow(over == null ? label : label + " (" + over + ")", medians.stream().map(Fmt::shown).toList(),
                whenWithheld);
    }

    static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** One bar of a category chart: series, category, value (null draws no bar) and its label. */
    static Map<String, Object> bar(String series, String category, BigDecimal value, String label) {
        return row("series", series, "category", category, "value", Fmt.number(value), "label", label);
    }

    /** A median's bar: none where the median is withheld. */
    static Map<String, Object> medianBar(String series, String category, MedianFigure median) {
        BigDecimal shown = Fmt.shown(median);
        return bar(series, category, shown, Fmt.score(shown, ""));
    }

    /** The characteristic scores of one trust against the medians, for the grouped bar chart. */
    static List<Map<String, ?>> profileBars(List<CharacteristicScores> scores) {
        List<Map<String, ?>> bars = new ArrayList<>();
        // Series are added in a fixed order for every category, so colours never shift when a value is missing.
        for (CharacteristicScores c : scores) {
            String cat = Fmt.shortName(c.code(), c.name());
            bars.add(bar("Trust score", cat, c.score(), Fmt.score(c.score(), "")));
            bars.add(medianBar("ICS median", cat, c.icsMedian()));
            bars.add(medianBar("National median", cat, c.nationalMedian()));
            bars.add(medianBar("Peer median", cat, c.peerMedian()));
        }
        return bars;
    }

    static String profileAlt(String who, List<CharacteristicScores> scores) {
        StringBuilder alt = new StringBuilder("Bar chart of ").append(who)
                .append("'s score for each characteristic, on the 1 to 5 scale, beside the ICS, national and peer medians. ");
        for (CharacteristicScores c : scores) {
            alt.append(Fmt.shortName(c.code(), c.name())).append(": score ").append(Fmt.scoreWithRag(c.score(), "not scored"))
                    .append(", ICS median ").append(Fmt.median(c.icsMedian()))
                    .append(", national median ").append(Fmt.median(c.nationalMedian()))
                    .append(", peer median ").append(Fmt.median(c.peerMedian())).append(". ");
        }
        return alt.toString().strip();
    }

    /** Rows of the "score against medians" table shown in both reports. */
    static List<Map<String, ?>> scoreRows(List<CharacteristicScores> scores) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (CharacteristicScores c : scores) {
            rows.add(row(
                    "characteristic", c.position() + ". " + Fmt.shortName(c.code(), c.name()),
                    "name", Fmt.text(c.name(), ""),
                    "score", Fmt.scoreWithRag(c.score(), Fmt.NOT_SCORED),
                    "bg", Fmt.fill(c.score()),
                    "ink", Fmt.ink(c.score()),
                    "previous", Fmt.score(c.previous(), "No score"),
                    "change", Fmt.change(c.score(), c.previous()),
                    "ics", Fmt.median(c.icsMedian()),
                    "national", Fmt.median(c.nationalMedian()),
                    "peer", Fmt.median(c.peerMedian())));
        }
        return rows;
    }

    static List<Map<String, ?>> actionRows(List<ActionItem> actions, List<CharacteristicScores> scores) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (ActionItem a : actions == null ? List.<ActionItem>of() : actions) {
            rows.add(row(
                    "title", Fmt.text(a.title(), "Untitled action"),
                    "characteristic", characteristicLabel(a.characteristic(), scores),
                    "owner", Fmt.text(a.owner(), "No owner"),
                    "due", a.dueOn() == null ? "No date" : Fmt.date(a.dueOn()),
                    "status", Fmt.text(a.status() == null ? null : humanise(a.status()), "Not recorded")));
        }
        return rows;
    }

    /** An action or evidence item names its characteristic by code or name; show the short name when we know it. */
    static String characteristicLabel(String codeOrName, List<CharacteristicScores> scores) {
        if (codeOrName == null) {
            return "";
        }
        for (CharacteristicScores c : scores) {
            if (codeOrName.equalsIgnoreCase(c.code()) || codeOrName.equalsIgnoreCase(c.name())) {
                return Fmt.shortName(c.code(), c.name());
            }
        }
        return codeOrName;
    }

    /** "IN_PROGRESS" reads as "In progress"; text that is already words is left alone. */
    static String humanise(String s) {
        if (!s.equals(s.toUpperCase(java.util.Locale.UK)) || s.isBlank()) {
            return s;
        }
        String words = s.strip().replace('_', ' ').toLowerCase(java.util.Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
