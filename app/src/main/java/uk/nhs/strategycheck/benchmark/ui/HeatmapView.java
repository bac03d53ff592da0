package uk.nhs.strategycheck.benchmark.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;
import uk.nhs.strategycheck.assessment.ui.RagBadge;
import uk.nhs.strategycheck.benchmark.BenchmarkService;
import uk.nhs.strategycheck.benchmark.Footprint;
import uk.nhs.strategycheck.benchmark.Heatmap;
import uk.nhs.strategycheck.reporting.MedianFigure;
import uk.nhs.strategycheck.reports.ui.ReportsView;
import uk.nhs.strategycheck.shared.ui.CsvDownload;
import uk.nhs.strategycheck.shared.ui.CycleChooser;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.ResponsiveGrid;

/**
 * Member trusts against the seven characteristics: each cell the score and its RAG rating,
 * sortable by any column, with the ICS and national medians beneath, of all trusts or of the
 * chosen trust type, each labelled with how many trusts it is over. On a phone each trust is a
 * card listing its seven characteristics.
 */
@Menu(title = "Compare trusts", order = 21)
@Route(value = "ics/heatmap", layout = MainLayout.class)
@PageTitle("Compare trusts - Digital Strategy Check")
@RolesAllowed("ICS_LEADER")
public class HeatmapView extends Main {

    private static final String ALL_TYPES = "All trust types";

    private final BenchmarkService benchmarks;

    public HeatmapView(BenchmarkService benchmarks) {
        this.benchmarks = benchmarks;
        show(Optional.empty(), Optional.empty());
    }

    private void show(Optional<String> cycleName, Optional<Footprint> footprint) {
        removeAll();
        var loaded = benchmarks.heatmap(cycleName, footprint);
        if (loaded.isEmpty()) {
            add(new H1("Compare trusts"), new Paragraph("There are no assessment cycles in your region yet."));
            return;
        }
        var heatmap = loaded.get();
        add(new H1(heatmap.icsName() + " ICS: member trusts compared"));
        add(new Paragraph("Each cell is the trust's score for the characteristic (the mean of its 4 statements, "
                + "to 1 decimal place) and its rating: red below 2.5, amber from 2.5, green from 3.5. Only approved "
                + "assessments count; a trust without one shows Not scored. Select a column heading to sort. "
                + "The characteristics: " + String.join("; ", heatmap.characteristics().stream().map(c -> c.title()).toList()) + "."));
        var note = new Paragraph(heatmap.footprintNote());
        note.addClassName("footprint-note");
        add(note);

        var trusts = trustGrid(heatmap);
        var medians = medianGrid(heatmap);
        medians.setItems(heatmap.medianRows(Optional.empty()));

        var types = new Select<String>();
        types.setLabel("Trust type");
        var options = new ArrayList<String>();
        options.add(ALL_TYPES);
        options.addAll(heatmap.trustTypes());
        types.setItems(options);
        types.setValue(ALL_TYPES);
        types.addValueChangeListener(change -> {
            var type = Optional.ofNullable(change.getValue()).filter(value -> !ALL_TYPES.equals(value));
            trusts.setItems(heatmap.trustsOfType(type));
            medians.setItems(heatmap.medianRows(type));
        });

        var download = CsvDownload.link("Download all member trusts as CSV", CsvDownload.fileName("heatmap", heatmap.cycleName()),
                () -> benchmarks.heatmapCsv(Optional.of(heatmap.cycleName()), Optional.of(heatmap.footprint())));

        var boardPack = new RouterLink("Board pack and trust reports (PDF)", ReportsView.class);
        var filters = new Div(new CycleChooser(heatmap.cycleNames(), heatmap.cycleName(),
                chosen -> show(Optional.of(chosen), Optional.empty())));
        if (heatmap.footprint() == Footprint.AS_PUBLISHED || footprint.isPresent()) {
            var shown = new Select<Footprint>();
            shown.setLabel("Organisations");
            shown.setItems(Footprint.values());
            shown.setItemLabelGenerator(Footprint::label);
            shown.setValue(heatmap.footprint());
            shown.addValueChangeListener(change -> {
                if (change.isFromClient() && change.getValue() != null) {
                    show(Optional.of(heatmap.cycleName()), Optional.of(change.getValue()));
                }
            });
            filters.add(shown);
        }
        filters.add(types, download, boardPack);
        filters.addClassName("filters");
        var mediansHeading = new H2("Medians");
        var mediansNote = new Paragraph("Medians of the trusts' approved scores, of the trust type chosen above. Each row "
                + "says how many trusts it is over; a national median of fewer than 3 trusts is withheld.");
        add(filters, trusts, mediansHeading, mediansNote, medians);
    }

    private static Grid<Heatmap.Row> trustGrid(Heatmap heatmap) {
        var grid = new Grid<Heatmap.Row>();
        grid.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAriaLabel("Member trusts by characteristic, " + heatmap.cycleName());
        var columns = ResponsiveGrid.on(grid);
        columns.addComponentColumn("Trust", row -> profileLink(row, heatmap.cycleName()))
                .setFlexGrow(3).setFrozen(true)
                .setComparator(Comparator.comparing((Heatmap.Row row) -> row.trust().name()));
        columns.addColumn("ODS code", row -> row.trust().odsCode()).setSortable(true);
        if (heatmap.trusts().stream().anyMatch(row -> row.publishedIn().isPresent())) {
            columns.addColumn("ICS then", row -> row.publishedIn().orElse(heatmap.icsName())).setSortable(true);
        }
        for (var characteristic : heatmap.characteristics()) {
            columns.addComponentColumn(characteristic.shortTitle(),
                            row -> new RagBadge(Optional.ofNullable(row.scores().get(characteristic.id()))))
                    .setComparator(Comparator.comparing((Heatmap.Row row) -> row.scores().get(characteristic.id()),
                            Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder())));
        }
        grid.setItems(heatmap.trusts());
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** The trust's profile in the same cycle as the heatmap. */
    private static RouterLink profileLink(Heatmap.Row row, String cycleName) {
        var link = new RouterLink(row.trust().name(), MemberProfileView.class, new RouteParameters("ods", row.trust().odsCode()));
        link.setQueryParameters(QueryParameters.of("cycle", cycleName));
        return link;
    }

    private static Grid<Heatmap.MedianRow> medianGrid(Heatmap heatmap) {
        var grid = new Grid<Heatmap.MedianRow>();
        grid.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS);
        grid.addClassName("heatmap-medians");
        grid.setAriaLabel("Medians by characteristic, " + heatmap.cycleName());
        var columns = ResponsiveGrid.on(grid);
        columns.addColumn("Median", Heatmap.MedianRow::label).setFlexGrow(3).setFrozen(true);
        for (var characteristic : heatmap.characteristics()) {
            columns.addComponentColumn(characteristic.shortTitle(), row -> new MedianBadge(
                    row.medians().getOrDefault(characteristic.id(), MedianFigure.NONE), row.smallGroupsShown()));
        }
        grid.setAllRowsVisible(true);
        return grid;
    }
}
