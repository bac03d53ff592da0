package uk.nhs.strategycheck.benchmark.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import uk.nhs.strategycheck.benchmark.BenchmarkService;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.CycleChooser;

/** One member trust against the ICS, national and peer medians, and its change since last cycle. */
@Route(value = "ics/trusts/:ods", layout = MainLayout.class)
@RolesAllowed("ICS_LEADER")
public class MemberProfileView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final BenchmarkService benchmarks;
    private String title = "Trust profile - Digital Strategy Check";
    private String odsCode;

    public MemberProfileView(BenchmarkService benchmarks) {
        this.benchmarks = benchmarks;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        odsCode = event.getRouteParameters().get("ods").orElse("");
        show(event.getLocation().getQueryParameters().getSingleParameter("cycle"));
    }

    private void show(Optional<String> cycleName) {
        removeAll();
        add(new RouterLink("Back to compare trusts", HeatmapView.class));
        var loaded = benchmarks.memberProfile(odsCode, cycleName);
        if (loaded.isEmpty()) {
            add(new H1("Trust profile"), new Paragraph("There are no assessment cycles in your region yet."));
            return;
        }
        var profile = loaded.get();
        title = profile.trust().name() + " - Digital Strategy Check";
        add(new H1(profile.trust().name()));
        add(new Paragraph(profile.trust().odsCode() + ", "
                + (profile.trust().trustType() == null ? "unclassified" : profile.trust().trustType()) + " trust in "
                + profile.icsName() + " ICS."));
        add(new CycleChooser(profile.cycleNames(), profile.cycleName(), chosen -> getUI().ifPresent(ui ->
                ui.navigate(MemberProfileView.class, new com.vaadin.flow.router.RouteParameters("ods", odsCode),
                        QueryParameters.of("cycle", chosen)))));
        add(new ProfilePanel(profile, profile.trust().name()));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
