package uk.nhs.strategycheck.benchmark.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.Optional;
import uk.nhs.strategycheck.assessment.ui.RagBadge;
import uk.nhs.strategycheck.benchmark.TrustProfile;
import uk.nhs.strategycheck.reporting.MedianFigure;
import uk.nhs.strategycheck.reporting.Scores;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.BarChart;
import uk.nhs.strategycheck.shared.ui.ResponsiveGrid;

/** A trust's scores against the medians: a chart, and a table with the same figures as its text alternative. */
class ProfilePanel extends Div {

    ProfilePanel(TrustProfile profile, String trustLabel) {
        if (!profile.approved()) {
            add(new Paragraph(trustLabel + " has no approved assessment in " + profile.cycleName()
                    + ", so only the medians are shown."));
        }
        // An ICS leader sees its own ICS's median of any size; a trust's own users only from 3 trusts up.
        boolean smallIcsMedians = !profile.anonymised();
        var rows = profile.rows();
        var categories = rows.stream().map(r -> r.characteristic().shortTitle()).toList();
        var series = new ArrayList<BarChart.Series>();
        series.add(new BarChart.Series(trustLabel, rows.stream().map(TrustProfile.Row::score).toList()));
        series.add(new BarChart.Series("ICS median", rows.stream().map(r -> shown(r.ics(), smallIcsMedians)).toList()));
        series.add(new BarChart.Series("National median", rows.stream().map(r -> shown(r.national(), false)).toList()));
        series.add(new BarChart.Series("Peer median", rows.stream().map(r -> shown(r.peer(), false)).toList()));
        add(new H2("Scores against the medians, " + profile.cycleName()));
        var note = new Paragraph(profile.footprintNote() + " The ICS median is " + profile.icsName() + "'s. Each median "
                + "says how many trusts it is over; a median of fewer than " + Scores.MINIMUM_TRUSTS_FOR_A_MEDIAN
                + " trusts is withheld" + (smallIcsMedians ? " (except your own ICS's, on this page only)." : "."));
        note.addClassName("footprint-note");
        add(note);
        add(new BarChart("Bar chart of " + trustLabel + "'s score for each of the 7 characteristics beside the "
                + "ICS, national and peer medians, " + profile.cycleName() + ". The table below gives the same figures.",
                categories, series));

        var grid = new Grid<TrustProfile.Row>();
        grid.setAriaLabel(trustLabel + " against the medians, " + profile.cycleName());
        var columns = ResponsiveGrid.on(grid);
        columns.addColumn("Characteristic", r -> r.characteristic().title()).setFlexGrow(3);
        columns.addComponentColumn(trustLabel, r -> new RagBadge(r.score()));
        profile.previousCycleName().ifPresent(previous -> {
            columns.addColumn(previous, r -> r.previous().map(Scores::format).orElse("Not scored"));
            columns.addColumn("Change", r -> RagBadge.change(r.score(), r.previous()));
        });
        columns.addComponentColumn("ICS median", r -> new MedianBadge(r.ics(), smallIcsMedians));
        columns.addComponentColumn("National median", r -> new MedianBadge(r.national(), false));
        columns.addComponentColumn(profile.trust().trustType() == null ? "Peer median (not classified)"
                : "Peer median (" + profile.trust().trustType() + " trusts)", r -> new MedianBadge(r.peer(), false));
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        add(grid);
        if (!profile.predecessors().isEmpty()) {
            add(predecessors(profile));
        }
    }

    private static Optional<java.math.BigDecimal> shown(MedianFigure median, boolean smallGroupsShown) {
        return median.shown(smallGroupsShown) ? Optional.of(median.value()) : Optional.empty();
    }

    /** Each predecessor's own scores in the cycle, side by side and never averaged. */
    private static Div predecessors(TrustProfile profile) {
        var panel = new Div(new H2("Predecessors' scores, " + profile.cycleName()));
        panel.add(new Paragraph("In " + profile.cycleName() + " these trusts reported separately; "
                + profile.trust().name() + " succeeded them. Their scores are shown as each approved them."));
        var grid = new Grid<TrustProfile.Row>();
        grid.setAriaLabel("Predecessors' scores, " + profile.cycleName());
        var columns = ResponsiveGrid.on(grid);
        columns.addColumn("Characteristic", r -> r.characteristic().title()).setFlexGrow(3);
        for (var predecessor : profile.predecessors()) {
            columns.addComponentColumn(predecessor.name() + " (" + predecessor.odsCode() + "), "
                            + predecessor.kind().toLowerCase(java.util.Locale.ROOT) + " from " + Dates.format(predecessor.effectiveOn()),
                    r -> new RagBadge(Optional.ofNullable(predecessor.scores().get(r.characteristic().id()))));
        }
        grid.setItems(profile.rows());
        grid.setAllRowsVisible(true);
        panel.add(grid);
        return panel;
    }
}
