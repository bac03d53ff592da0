package uk.nhs.strategycheck.tenancy.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.ResponsiveGrid;
import uk.nhs.strategycheck.tenancy.AreaProgress;
import uk.nhs.strategycheck.tenancy.HomeService;

/** A region admin's home: the region's cycle, its ICSs' submissions and the changes waiting. */
@Menu(title = "Your region", order = 30)
@Route(value = "region", layout = MainLayout.class)
@PageTitle("Your region - Digital Strategy Check")
@RolesAllowed("REGION_ADMIN")
public class RegionHomeView extends Main {

    public RegionHomeView(HomeService homes) {
        var home = homes.regionHome();
        var region = home.region();
        add(new H1(region.name() + " region"), HomeParts.nextStep(home.nextStep()),
                new H2(home.cycle().map(cycle -> "The " + cycle.name() + " cycle").orElse("Your region")),
                HomeParts.facts(home.status()));

        var grid = new Grid<AreaProgress>();
        var icss = ResponsiveGrid.on(grid);
        icss.addColumn("Integrated care system", AreaProgress::name).setFlexGrow(3).setSortable(true);
        icss.addColumn("ODS code", AreaProgress::odsCode).setSortable(true);
        icss.addColumn("Trusts", AreaProgress::trusts).setSortable(true);
        icss.addColumn("Submitted", AreaProgress::submittedShare);
        icss.addColumn("Approved", AreaProgress::approved).setSortable(true);
        grid.setItems(home.icss());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel("Integrated care systems in " + region.name() + " and their submissions");
        if (!home.icss().isEmpty()) {
            add(new H2("Integrated care systems"), grid);
        }
        add(HomeParts.otherPages(home.links()));
    }
}
