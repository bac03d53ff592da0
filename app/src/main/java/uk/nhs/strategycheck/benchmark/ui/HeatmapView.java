package uk.nhs.strategycheck.benchmark.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;
import uk.nhs.strategycheck.assessment.ui.RagBadge;
import uk.nhs.strategycheck.benchmark.BenchmarkService;
import uk.nhs.strategycheck.benchmark.Footprint;
import uk.nhs.strategycheck.benchmark.Heatmap;
import uk.nhs.strategycheck.reports.ui.ReportsView;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.CycleChooser;
import uk.nhs.strategycheck.shared.ui.CsvDownload;

/**
 * Member trusts against the seven characteristics: each cell the score and its RAG rating,
 * sortable by any column, with the ICS and national medians beneath.
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
        add(new Paragraph("Each cell is the trust's score for the characteristic (the mean of its four statements) "
                + "and its rating: red below 2.5, amber from 2.5, green from 3.5. Only approved assessments count; "
                + "a trust without one shows Not scored. Select a column heading to sort. The characteristics: "
                + String.join("; ", heatmap.characteristics().stream().map(c -> c.title()).toList()) + "."));
        var note = new Paragraph(heatmap.footprintNote());
        note.addClassName("footprint-note");
        add(note);

        var grid = new Grid<Heatmap.Row>();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAriaLabel("Member trusts by characteristic, " + heatmap.cycleName());
        var trustColumn = grid.addComponentColumn(row -> new RouterLink(row.trust().name(), MemberProfileView.class,
                        new RouteParameters("ods", row.trust().odsCode())))
                .setHeader("Trust").setFlexGrow(3).setFrozen(true)
                .setComparator(Comparator.comparing((Heatmap.Row row) -> row.trust().name()));
        grid.addColumn(row -> row.trust().odsCode()).setHeader("ODS code").setSortable(true);
        if (heatmap.trusts().stream().anyMatch(row -> row.publishedIn().isPresent())) {
            grid.addColumn(row -> row.publishedIn().orElse(heatmap.icsName())).setHeader("ICS then").setSortable(true);
        }
        var median = grid.appendFooterRow();
        var national = grid.appendFooterRow();
        median.getCell(trustColumn).setText("ICS median");
        national.getCell(trustColumn).setText("National median");
        var others = heatmap.predecessorMedians().stream().map(other -> {
            var row = grid.appendFooterRow();
            row.getCell(trustColumn).setText(other.label());
            return row;
        }).toList();
        for (var characteristic : heatmap.characteristics()) {
            var column = grid.addComponentColumn(row -> new RagBadge(Optional.ofNullable(row.scores().get(characteristic.id()))))
                    .setHeader(characteristic.shortTitle())
                    .setComparator(Comparator.comparing((Heatmap.Row row) -> row.scores().get(characteristic.id()),
                            Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder())));
            median.getCell(column).setComponent(new RagBadge(Optional.ofNullable(heatmap.icsMedian().get(characteristic.id()))));
            national.getCell(column).setComponent(
                    new RagBadge(Optional.ofNullable(heatmap.nationalMedian().get(characteristic.id()))));
            for (int i = 0; i < others.size(); i++) {
                others.get(i).getCell(column).setComponent(new RagBadge(Optional.ofNullable(
                        heatmap.predecessorMedians().get(i).medians().get(characteristic.id()))));
            }
        }
        grid.setItems(heatmap.trusts());
        grid.setAllRowsVisible(true);

        var types = new Select<String>();
        types.setLabel("Trust type");
        var options = new java.util.ArrayList<String>();
        options.add(ALL_TYPES);
        heatmap.trusts().stream().map(r -> r.trust().trustType()).filter(java.util.Objects::nonNull).distinct().sorted()
                .forEach(options::add);
        types.setItems(options);
        types.setValue(ALL_TYPES);
        types.addValueChangeListener(change -> grid.setItems(heatmap.trusts().stream()
                .filter(r -> ALL_TYPES.equals(change.getValue()) || change.getValue().equals(r.trust().trustType()))
                .toList()));

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
        add(filters, grid);
    }

}
