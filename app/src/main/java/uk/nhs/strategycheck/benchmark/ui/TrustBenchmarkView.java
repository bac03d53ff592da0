package uk.nhs.strategycheck.benchmark.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import uk.nhs.strategycheck.benchmark.BenchmarkService;
import uk.nhs.strategycheck.reports.ui.ReportsView;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.CycleChooser;

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
        var loaded = benchmarks.ownProfile(cycleName);
        if (loaded.isEmpty()) {
            add(new Paragraph("There are no assessment cycles in your region yet."));
            return;
        }
        var profile = loaded.get();
        add(new Paragraph(profile.trust().name() + " beside the medians of other trusts' approved assessments. "
                + "Other trusts are never named. Each median says how many trusts it is over; a median of fewer than "
                + BenchmarkService.MIN_TRUSTS_FOR_A_MEDIAN + " trusts is withheld, as it could reveal a trust's score."));
        add(new CycleChooser(profile.cycleNames(), profile.cycleName(), chosen -> show(Optional.of(chosen))));
        add(new ProfilePanel(profile, "Your trust"));
        add(new RouterLink("Your trust's report (PDF)", ReportsView.class));
    }
}
