package uk.nhs.strategycheck.reporting;

import static uk.nhs.strategycheck.reporting.Rows.row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import net.sf.jasperreports.engine.util.JRStringUtil;

/** Turns {@link NationalPackData} into the parameters and section rows of national-pack.jrxml. */
final class NationalPackModel {

    /** A withheld median's cell: the columns are too narrow for the reason, which each table's note gives. */
    static final String WITHHELD_CELL = "Withheld";
    /** How many ICSs the executive summary names as having the most trusts needing support. */
    static final int SUPPORT_ICSS_LISTED = 5;

    private NationalPackModel() {
    }

    static Rows.Model build(NationalPackData d) {
        Objects.requireNonNull(d, "data");
        List<NationalPackData.Characteristic> given = d.characteristics() == null ? List.of() : d.characteristics();
        if (given.size() > BoardPackModel.COLUMNS) {
            throw new IllegalArgumentException("The national pack shows at most " + BoardPackModel.COLUMNS
                    + " characteristics, got " + given.size());
        }
        // Medians and scores come in the order of the characteristics as given; columns go by position.
        int[] order = IntStream.range(0, given.size()).boxed()
                .sorted(Comparator.comparingInt(i -> given.get(i).position())).mapToInt(Integer::intValue).toArray();
        List<NationalPackData.Characteristic> chars = IntStream.of(order).mapToObj(given::get).toList();
        List<NationalPackData.Area> regions = d.regions() == null ? List.of() : d.regions();
        List<NationalPackData.Area> icss = d.icss() == null ? List.of() : d.icss();
        List<NationalPackData.Trust> trusts = grouped(d.trusts() == null ? List.of() : d.trusts(), regions, icss);

        String cycle = Fmt.text(d.cycleName(), "");
        String title = ("National board pack " + cycle).strip();
        List<MedianFigure> national = chars.stream().map(NationalPackData.Characteristic::nationalMedian).toList();
        int inEngland = regions.stream().mapToInt(NationalPackData.Area::trusts).sum();
        int submitted = regions.stream().mapToInt(NationalPackData.Area::submitted).sum();
        int approved = regions.stream().mapToInt(NationalPackData.Area::approved).sum();

        Map<String, Object> p = new HashMap<>();
        p.put("DOC_TITLE", title);
        p.put("CYCLE", cycle);
        p.put("GENERATED", Fmt.date(d.generatedOn()));
        p.put("FOOTPRINT", d.footprintNote());
        p.put("SCOPE", Scores.trusts(inEngland) + " in England, in " + icss.size() + " integrated care systems and "
                + regions.size() + (regions.size() == 1 ? " region." : " regions."));
        p.put("SUBMISSION", submitted + " of " + Scores.trusts(inEngland) + " submitted (" + rate(submitted, inEngland) + "), "
                + approved + " approved (" + rate(approved, inEngland) + ").");
        List<Rows.Ranked> byNationalMedian = chars.stream()
                .map(c -> new Rows.Ranked(c.code(), c.name(), c.nationalMedian())).toList();
        p.put("STRONGEST", Rows.extreme(byNationalMedian, true, "national median"));
        p.put("WEAKEST", Rows.extreme(byNationalMedian, false, "national median"));
        support(p, trusts, order);
        for (int i = 0; i < BoardPackModel.COLUMNS; i++) {
            p.put("H" + (i + 1), i < chars.size() ? (i + 1) + "\n" + Fmt.shortName(chars.get(i).code(), chars.get(i).name()) : null);
        }
        Rows.methodology(p, chars.stream().map(c -> new String[] {String.valueOf(c.position()), c.code(), c.name()}).toList());

        List<Map<String, ?>> rows = new ArrayList<>();
        rows.add(row("section", "cover", "page", "cover"));
        rows.add(row("section", "summary", "page", "summary"));
        List<Map<String, ?>> regionRows = new ArrayList<>(regions.stream().map(r -> areaRow(r, order)).toList());
        regionRows.add(counts(Rows.medianHeatRow("England", national, WITHHELD_CELL), "", inEngland, submitted, approved));
        rows.add(row("section", "regions", "page", "regions", "table", regionRows));
        List<Map<String, ?>> icsRows = new ArrayList<>(icss.stream().map(r -> areaRow(r, order)).toList());
        icsRows.add(counts(Rows.medianHeatRow("National median", national, WITHHELD_CELL), "England", inEngland, submitted, approved));
        rows.add(row("section", "icss", "page", "icss", "table", icsRows));
        rows.add(row("section", "trusts", "page", "trusts", "table", trusts.stream().map(t -> trustRow(t, order)).toList()));
        addCharts(rows, chars, order, icss);
        List<NationalPackData.Trust> unscored = trusts.stream().filter(t -> !Fmt.approved(t.status())).toList();
        if (!unscored.isEmpty()) {
            rows.add(row("section", "unscored", "page", "unscored",
                    "intro", unscored.size() + " of " + Scores.trusts(trusts.size()) + " in England "
                            + (unscored.size() == 1 ? "has" : "have") + " no approved assessment in this cycle, so "
                            + (unscored.size() == 1 ? "it is" : "they are") + " \"Not scored\" in the heatmap and in no median. "
                            + "Where each one's assessment stands, by integrated care system:",
                    "list", unscoredList(unscored, trusts)));
        }
        rows.add(row("section", "methodology", "page", "methodology"));
        return new Rows.Model(title, p, rows);
    }

    /** "88%"; "no trusts" when there is nothing to divide by. */
    static String rate(int part, int whole) {
        return whole == 0 ? "no trusts" : Math.round(100.0 * part / whole) + "%";
    }

    /** Trusts in the order of the regions, then of the ICSs as given, so each region and ICS is one block. */
    private static List<NationalPackData.Trust> grouped(List<NationalPackData.Trust> trusts, List<NationalPackData.Area> regions,
                                                        List<NationalPackData.Area> icss) {
        Map<String, Integer> regionAt = positions(regions);
        Map<String, Integer> icsAt = positions(icss);
        return trusts.stream()
                .sorted(Comparator.<NationalPackData.Trust>comparingInt(t -> regionAt.getOrDefault(t.regionName(), regionAt.size()))
                        .thenComparing(t -> Fmt.text(t.regionName(), ""))
                        .thenComparingInt(t -> icsAt.getOrDefault(t.icsName(), icsAt.size()))
                        .thenComparing(t -> Fmt.text(t.icsName(), "")))
                .toList();
    }

    private static Map<String, Integer> positions(List<NationalPackData.Area> areas) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < areas.size(); i++) {
            at.putIfAbsent(areas.get(i).name(), i);
        }
        return at;
    }

    /** The item at each column's index in the list as given; null past its end. */
    private static <T> List<T> inColumns(List<T> given, int[] order) {
        List<T> out = new ArrayList<>(order.length);
        for (int i : order) {
            out.add(given != null && i < given.size() ? given.get(i) : null);
        }
        return out;
    }

    private static BigDecimal score(NationalPackData.Trust t, int column, int[] order) {
        return inColumns(t.scores(), order).get(column);
    }

    private static boolean hasRed(NationalPackData.Trust t, int[] order) {
        return inColumns(t.scores(), order).stream().anyMatch(s -> "Red".equals(Fmt.rag(s)));
    }

    /** Trusts with any red characteristic or no approved assessment (DESIGN.md), and the ICSs with most of them. */
    private static void support(Map<String, Object> p, List<NationalPackData.Trust> trusts, int[] order) {
        int unapproved = 0;
        int red = 0;
        Map<String, int[]> byIcs = new LinkedHashMap<>();
        for (var t : trusts) {
            int[] counts = byIcs.computeIfAbsent(Fmt.text(t.icsName(), "ICS not recorded"), k -> new int[2]);
            counts[1]++;
            boolean needs = !Fmt.approved(t.status()) || hasRed(t, order);
            if (!Fmt.approved(t.status())) {
                unapproved++;
            } else if (needs) {
                red++;
            }
            counts[0] += needs ? 1 : 0;
        }
        int needing = unapproved + red;
        if (needing == 0) {
            p.put("SUPPORT_COUNT", "No trust needs support on this measure.");
            return;
        }
        p.put("SUPPORT_COUNT", needing + " of " + Scores.trusts(trusts.size()) + (needing == 1 ? " needs" : " need")
                + " support (any red characteristic, or no approved assessment): " + red + " with a red characteristic and "
                + unapproved + " with no approved assessment.");
        List<Map.Entry<String, int[]>> ranked = byIcs.entrySet().stream().filter(e -> e.getValue()[0] > 0)
                .sorted(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
                        .thenComparingDouble(e -> -(double) e.getValue()[0] / e.getValue()[1]))
                .toList();
        List<Map.Entry<String, int[]>> most = ranked.subList(0, Math.min(SUPPORT_ICSS_LISTED, ranked.size()));
        List<String> lines = new ArrayList<>(most.stream()
                .map(e -> "• " + e.getKey() + ": " + e.getValue()[0] + " of " + Scores.trusts(e.getValue()[1])).toList());
        // A list cut at five would otherwise hide ICSs as badly placed as the fifth.
        int[] last = most.get(most.size() - 1).getValue();
        long tied = ranked.stream().skip(most.size())
                .filter(e -> e.getValue()[0] == last[0] && e.getValue()[1] == last[1]).count();
        if (tied > 0) {
            lines.add("• and " + tied + " more " + (tied == 1 ? "ICS" : "ICSs") + " with " + last[0] + " of " + Scores.trusts(last[1]));
        }
        p.put("SUPPORT_ICSS", (most.size() == 1 ? "The ICS" : "The " + Fmt.count(most.size()) + " ICSs")
                + " with the most trusts needing support:\n" + String.join("\n", lines));
    }

    private static Map<String, Object> areaRow(NationalPackData.Area a, int[] order) {
        Map<String, Object> r = Rows.medianHeatRow(Fmt.text(a.name(), "Unnamed area"), inColumns(a.medians(), order).stream()
                .map(m -> m == null ? MedianFigure.NONE : m).toList(), WITHHELD_CELL);
        // The label is the area's name alone: the trusts its medians are over are in the Approved column.
        r.put("trust", Fmt.text(a.name(), "Unnamed area"));
        return counts(r, Fmt.text(a.parentName(), ""), a.trusts(), a.submitted(), a.approved());
    }

    private static Map<String, Object> counts(Map<String, Object> r, String region, int trusts, int submitted, int approved) {
        r.put("region", region);
        r.put("trusts", String.valueOf(trusts));
        r.put("submitted", String.valueOf(submitted));
        r.put("approved", String.valueOf(approved));
        r.put("approvedOf", approved + " of " + trusts);
        return r;
    }

    private static Map<String, Object> trustRow(NationalPackData.Trust t, int[] order) {
        Map<String, Object> r = Rows.heatRow(Fmt.text(t.name(), "Unnamed trust"), inColumns(t.scores(), order), Fmt.NOT_SCORED);
        r.put("region", Fmt.text(t.regionName(), "Region not recorded"));
        r.put("ics", Fmt.text(t.icsName(), "ICS not recorded"));
        return r;
    }

    /** One chart per characteristic: every ICS's median, in the order given, then the national median. */
    private static void addCharts(List<Map<String, ?>> rows, List<NationalPackData.Characteristic> chars, int[] order,
                                  List<NationalPackData.Area> icss) {
        for (int k = 0; k < chars.size(); k++) {
            NationalPackData.Characteristic c = chars.get(k);
            String shortName = Fmt.shortName(c.code(), c.name());
            List<Map<String, ?>> bars = new ArrayList<>();
            StringBuilder alt = new StringBuilder("Bar chart of the ").append(shortName)
                    .append(" median of each of ").append(icss.size()).append(" integrated care systems on the 1 to 5 scale, with the national median ")
                    .append(Fmt.median(c.nationalMedian())).append(". ");
            for (var ics : icss) {
                MedianFigure m = inColumns(ics.medians(), order).get(k);
                BigDecimal shown = m == null ? null : Fmt.shown(m);
                String name = Fmt.text(ics.name(), "Unnamed ICS");
                bars.add(Rows.bar("ICS median", shown == null ? name + " (withheld)" : name, shown, Fmt.scoreWithRag(shown, "")));
                alt.append(name).append(' ').append(shown == null ? Scores.WITHHELD : Fmt.scoreWithRag(shown, "")).append("; ");
            }
            BigDecimal nationalShown = Fmt.shown(c.nationalMedian());
            bars.add(Rows.bar("National median", "National median", nationalShown, Fmt.scoreWithRag(nationalShown, "")));
            rows.add(row("section", "chart", "page", "charts", "first", k == 0,
                    "title", c.position() + ". " + shortName + ": " + Fmt.text(c.name(), ""),
                    "note", "National median " + Fmt.medianWithRag(c.nationalMedian()) + ". An ICS median of fewer than "
                            + Scores.MINIMUM_TRUSTS_FOR_A_MEDIAN + " trusts is withheld and has no bar.",
                    "alt", alt.toString().replaceAll("; $", "."),
                    "bars", bars));
        }
    }

    /** Each ICS in bold, then its trusts without an approved assessment and where each one's assessment stands. */
    private static String unscoredList(List<NationalPackData.Trust> unscored, List<NationalPackData.Trust> all) {
        Map<String, List<NationalPackData.Trust>> byIcs = new LinkedHashMap<>();
        Map<String, Integer> members = new HashMap<>();
        for (var t : all) {
            members.merge(Fmt.text(t.icsName(), "ICS not recorded"), 1, Integer::sum);
        }
        for (var t : unscored) {
            byIcs.computeIfAbsent(Fmt.text(t.icsName(), "ICS not recorded"), k -> new ArrayList<>()).add(t);
        }
        StringBuilder out = new StringBuilder();
        byIcs.forEach((ics, list) -> {
            out.append(out.isEmpty() ? "" : "\n").append("<b>").append(JRStringUtil.xmlEncode(ics)).append("</b> (")
                    .append(list.size()).append(" of ").append(Scores.trusts(members.get(ics))).append(")");
            for (var t : list) {
                out.append("\n• ").append(JRStringUtil.xmlEncode(Fmt.text(t.name(), "Unnamed trust"))).append(" (")
                        .append(JRStringUtil.xmlEncode(Fmt.text(t.odsCode(), "ODS code not recorded"))).append("): ")
                        .append(Fmt.status(t.status()).toLowerCase(Locale.UK));
            }
        });
        return out.toString();
    }
}
