package uk.nhs.strategycheck.benchmark.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.Optional;
import uk.nhs.strategycheck.benchmark.AreaComparison;
import uk.nhs.strategycheck.benchmark.BenchmarkService;
import uk.nhs.strategycheck.reporting.MedianFigure;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.CycleChooser;
import uk.nhs.strategycheck.shared.ui.CsvDownload;
import uk.nhs.strategycheck.shared.ui.ResponsiveGrid;

/** A region's ICSs (or, for a national admin, the regions) compared: medians and submission rates. */
@Menu(title = "Comparison", order = 31)
@Route(value = "compare", layout = MainLayout.class)
@PageTitle("Comparison - Digital Strategy Check")
@RolesAllowed({"REGION_ADMIN", "NATIONAL_ADMIN"})
public class AreaComparisonView extends Main {

    private final BenchmarkService benchmarks;

    public AreaComparisonView(BenchmarkService benchmarks) {
        this.benchmarks = benchmarks;
        show(Optional.empty());
    }

    private void show(Optional<String> cycleName) {
        removeAll();
        var loaded = benchmarks.areaComparison(cycleName);
        if (loaded.isEmpty()) {
            add(new H1("Comparison"), new Paragraph("There are no assessment cycles yet."));
            return;
        }
        var comparison = loaded.get();
        add(new H1(comparison.title() + ": " + (comparison.areaLabel().equals("Region") ? "regions" : "integrated care systems")
                + " compared"));
        add(new Paragraph("Medians of each characteristic's score over the trusts' approved assessments (each with "
                + "the number of trusts it is over), and the share of trusts that have submitted (submitted or approved)."));

        var grid = new Grid<AreaComparison.Row>();
        grid.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAriaLabel(comparison.areaLabel() + " comparison, " + comparison.cycleName());
        var columns = ResponsiveGrid.on(grid);
        columns.addColumn(comparison.areaLabel(), AreaComparison.Row::name).setFlexGrow(2).setSortable(true).setFrozen(true);
        // Counts in one column, so the seven medians fit beside them on a laptop; ODS codes are in the CSV.
        columns.addColumn("Trusts", r -> r.trusts() + " trusts, " + r.submitted() + " submitted (" + r.submissionRate()
                        + "%), " + r.approved() + " approved")
                .setFlexGrow(2).setComparator(Comparator.comparingInt(AreaComparison.Row::submissionRate));
        for (var characteristic : comparison.characteristics()) {
            // Admins may read the scores of every trust they compare: medians of any size, with their count.
            columns.addComponentColumn(characteristic.shortTitle(), r -> new MedianBadge(
                            r.medians().getOrDefault(characteristic.id(), MedianFigure.NONE), true))
                    .setComparator(Comparator.comparing((AreaComparison.Row r) -> r.medians()
                                    .getOrDefault(characteristic.id(), MedianFigure.NONE).value(),
                            Comparator.nullsFirst(Comparator.naturalOrder())));
        }
        grid.setItems(comparison.areas());
        grid.setAllRowsVisible(true);

        var download = CsvDownload.link("Download as CSV", CsvDownload.fileName("comparison", comparison.cycleName()),
                () -> benchmarks.areaComparisonCsv(Optional.of(comparison.cycleName())));
        var filters = new Div(new CycleChooser(comparison.cycleNames(), comparison.cycleName(),
                chosen -> show(Optional.of(chosen))), download);
        filters.addClassName("filters");
        add(filters, grid);
    }
}
