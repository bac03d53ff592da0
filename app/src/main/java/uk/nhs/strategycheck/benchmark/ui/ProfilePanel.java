package uk.nhs.strategycheck.benchmark.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.math.BigDecimal;
import java.util.ArrayList;

import java.util.Optional;
import uk.nhs.strategycheck.assessment.ui.RagBadge;
import uk.nhs.strategycheck.benchmark.TrustProfile;
import uk.nhs.strategycheck.shared.ui.BarChart;

/** A trust's scores against the medians: a chart, and a table with the same figures as its text alternative. */
class ProfilePanel extends Div {

    ProfilePanel(TrustProfile profile, String trustLabel) {
        if (!profile.approved()) {
            add(new Paragraph(trustLabel + " has no approved assessment in " + profile.cycleName()
                    + ", so only the medians are shown."));
        }
        var rows = profile.rows();
        var categories = rows.stream().map(r -> r.characteristic().position() + ". " + r.characteristic().code()).toList();
        var series = new ArrayList<BarChart.Series>();
        series.add(new BarChart.Series(trustLabel, rows.stream().map(TrustProfile.Row::score).toList()));
        series.add(new BarChart.Series("ICS median", rows.stream().map(TrustProfile.Row::ics).toList()));
        series.add(new BarChart.Series("National median", rows.stream().map(TrustProfile.Row::national).toList()));
        series.add(new BarChart.Series("Peer median", rows.stream().map(TrustProfile.Row::peer).toList()));
        add(new H2("Scores against the medians, " + profile.cycleName()));
        var note = new Paragraph(profile.footprintNote() + " The ICS median is " + profile.icsName() + "'s.");
        note.addClassName("footprint-note");
        add(note);
        add(new BarChart("Bar chart of " + trustLabel + "'s score for each of the seven characteristics beside the "
                + "ICS, national and peer medians, " + profile.cycleName() + ". The table below gives the same figures.",
                categories, series));

        var grid = new Grid<TrustProfile.Row>();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAriaLabel(trustLabel + " against the medians, " + profile.cycleName());
        grid.addColumn(r -> r.characteristic().title()).setHeader("Characteristic").setFlexGrow(3);
        grid.addComponentColumn(r -> new RagBadge(r.score())).setHeader(trustLabel);
        profile.previousCycleName().ifPresent(previous -> {
            grid.addColumn(r -> text(r.previous())).setHeader(previous);
            grid.addColumn(r -> RagBadge.change(r.score(), r.previous())).setHeader("Change");
        });
        grid.addColumn(r -> text(r.ics())).setHeader("ICS median");
        grid.addColumn(r -> text(r.national())).setHeader("National median");
        grid.addColumn(r -> text(r.peer())).setHeader(profile.trust().trustType() == null ? "Peer median (not classified)"
                : "Peer median (" + profile.trust().trustType() + " trusts)");
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        add(grid);
        if (!profile.predecessors().isEmpty()) {
            add(predecessors(profile));
        }
    }

    /** Each predecessor's own scores in the cycle, side by side and never averaged. */
    private static Div predecessors(TrustProfile profile) {
        var panel = new Div(new H2("Predecessors' scores, " + profile.cycleName()));
        panel.add(new Paragraph("In " + profile.cycleName() + " these trusts reported separately; "
                + profile.trust().name() + " succeeded them. Their scores are shown as each approved them."));
        var grid = new Grid<TrustProfile.Row>();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAriaLabel("Predecessors' scores, " + profile.cycleName());
        grid.addColumn(r -> r.characteristic().title()).setHeader("Characteristic").setFlexGrow(3);
        for (var predecessor : profile.predecessors()) {
            grid.addComponentColumn(r -> new RagBadge(Optional.ofNullable(predecessor.scores().get(r.characteristic().id()))))
                    .setHeader(predecessor.name() + " (" + predecessor.odsCode() + "), "
                            + predecessor.kind().toLowerCase(java.util.Locale.ROOT) + " from "
                            + uk.nhs.strategycheck.shared.Dates.format(predecessor.effectiveOn()));
        }
        grid.setItems(profile.rows());
        grid.setAllRowsVisible(true);
        panel.add(grid);
        return panel;
    }

    static String text(Optional<BigDecimal> value) {
        return value.map(BigDecimal::toPlainString).orElse("Not shown");
    }


}
