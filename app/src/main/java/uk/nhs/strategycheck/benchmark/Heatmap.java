package uk.nhs.strategycheck.benchmark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.nhs.strategycheck.reporting.MedianFigure;
import uk.nhs.strategycheck.reporting.Scores;

/**
 * The ICS's member trusts against the characteristics, with the ICS and national medians of all
 * the trusts and of each trust type, each median with the number of trusts it is over.
 */
public record Heatmap(String icsName, String cycleName, List<String> cycleNames, List<Column> characteristics,
                      List<Row> trusts, Map<Long, MedianFigure> icsMedian, Map<Long, MedianFigure> nationalMedian,
                      Map<String, Map<Long, MedianFigure>> icsMedianByType,
                      Map<String, Map<Long, MedianFigure>> nationalMedianByType,
                      Footprint footprint, String footprintNote, List<NamedMedian> predecessorMedians) {

    /**
     * A trust and its approved scores by characteristic id (none without an approved assessment);
     * in a past cycle shown as published, the ICS it was then part of if that was another.
     */
    public record Row(TrustFacts trust, Map<Long, BigDecimal> scores, Optional<String> publishedIn) {
    }

    /** The median of another ICS, for example one this ICS succeeded, as it was published. */
    public record NamedMedian(String label, Map<Long, MedianFigure> medians) {
    }

    /**
     * A row of medians as shown under the trusts, labelled with what it is over ("ICS median,
     * acute trusts (4 trusts)"). The ICS leader sees the ICS's own medians of any size (they read
     * every member's scores anyway); national ones come only from three trusts up.
     */
    public record MedianRow(String label, Map<Long, MedianFigure> medians, boolean smallGroupsShown) {
    }

    /** The trust types among the members, sorted. */
    public List<String> trustTypes() {
        return trusts.stream().map(r -> r.trust().trustType()).filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }

    /** The member trusts of one type, or all of them. */
    public List<Row> trustsOfType(Optional<String> trustType) {
        return trusts.stream().filter(r -> trustType.isEmpty() || trustType.get().equals(r.trust().trustType())).toList();
    }

    /** The median rows beneath the trusts: of all trusts, or of the chosen type only. */
    public List<MedianRow> medianRows(Optional<String> trustType) {
        var rows = new ArrayList<MedianRow>();
        if (trustType.isEmpty()) {
            rows.add(row("ICS median", icsMedian, true));
            rows.add(row("National median", nationalMedian, false));
            predecessorMedians.forEach(other -> rows.add(row(other.label(), other.medians(), true)));
            return rows;
        }
        var ofType = icsMedianByType.getOrDefault(trustType.get(), Map.of());
        var nationalOfType = nationalMedianByType.getOrDefault(trustType.get(), Map.of());
        rows.add(row("ICS median, " + trustType.get() + " trusts", ofType, true));
        rows.add(row("National median, " + trustType.get() + " trusts", nationalOfType, false));
        return rows;
    }

    private static MedianRow row(String what, Map<Long, MedianFigure> medians, boolean smallGroupsShown) {
        var over = Scores.trustsOver(medians.values().stream().filter(m -> m.shown(smallGroupsShown)).toList());
        String none = smallGroupsShown ? "no approved assessments"
                : "fewer than " + Scores.MINIMUM_TRUSTS_FOR_A_MEDIAN + " trusts";
        return new MedianRow(what + " (" + (over == null ? none : over) + ")", medians, smallGroupsShown);
    }
}
