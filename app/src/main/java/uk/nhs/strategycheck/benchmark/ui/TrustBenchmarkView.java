package uk.nhs.strategycheck.benchmark.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.Optional;
import uk.nhs.strategycheck.assessment.ui.RagBadge;
import uk.nhs.strategycheck.benchmark.BenchmarkService;
import uk.nhs.strategycheck.benchmark.TrustComparison;
import uk.nhs.strategycheck.shared.ui.MainLayout;

/** A trust's own approved scores against anonymised ICS, national and peer medians. */
@Menu(title = "Benchmark", order = 12)
@Route(value = "benchmark", layout = MainLayout.class)
@PageTitle("Benchmark - Digital Strategy Check")
@RolesAllowed({"TRUST_EDITOR", "TRUST_APPROVER", "TRUST_VIEWER"})
public class TrustBenchmarkView extends Main {

    private final BenchmarkService benchmarks;

    public TrustBenchmarkView(BenchmarkService benchmarks) {
        this.benchmarks = benchmarks;
        show(Optional.empty());
    }

    private void show(Optional<String> cycleName) {
        removeAll();
        add(new H1("Benchmark"));
        var loaded = benchmarks.trustComparison(cycleName);
        if (loaded.isEmpty()) {
            add(new Paragraph("There are no assessment cycles in your region yet."));
            return;
        }
        var comparison = loaded.get();
        add(new Paragraph(comparison.trustName() + " beside the medians of other trusts' approved assessments. "
                + "Other trusts are never named. A median of fewer than " + BenchmarkService.MIN_TRUSTS_FOR_A_MEDIAN
                + " trusts is not shown, as it could reveal a trust's score."));

        var cycle = new Select<String>();
        cycle.setLabel("Cycle");
        cycle.setItems(comparison.cycleNames());
        cycle.setValue(comparison.cycleName());
        cycle.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                show(Optional.of(change.getValue()));
            }
        });
        add(cycle);
        if (!comparison.approved()) {
            add(new Paragraph("Your trust has no approved assessment in " + comparison.cycleName()
                    + ", so only the medians are shown."));
        }

        var grid = new Grid<TrustComparison.Row>();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAriaLabel("Scores per characteristic against medians, " + comparison.cycleName());
        grid.addColumn(TrustComparison.Row::characteristic).setHeader("Characteristic").setFlexGrow(3);
        grid.addComponentColumn(row -> new RagBadge(row.trust())).setHeader("Your trust");
        grid.addColumn(row -> text(row.ics())).setHeader("ICS median");
        grid.addColumn(row -> text(row.national())).setHeader("National median");
        grid.addColumn(row -> text(row.peer())).setHeader("Peer median (" + comparison.trustType() + " trusts)");
        grid.setItems(comparison.rows());
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private static String text(Optional<BigDecimal> median) {
        return median.map(BigDecimal::toPlainString).orElse("Not shown");
    }
}
