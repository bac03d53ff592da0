package uk.nhs.strategycheck.tenancy.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.shared.ui.ResponsiveGrid;
import uk.nhs.strategycheck.tenancy.AreaProgress;
import uk.nhs.strategycheck.tenancy.HomeService;

/** A national admin's home: every region's cycle, its submissions, and the changes waiting. */
@Menu(title = "All regions", order = 40)
@Route(value = "national", layout = MainLayout.class)
@PageTitle("All regions - Digital Strategy Check")
@RolesAllowed("NATIONAL_ADMIN")
public class NationalHomeView extends Main {

    public NationalHomeView(HomeService homes) {
        var home = homes.nationalHome();
        add(new H1("NHS England"), HomeParts.nextStep(home.nextStep()),
                new H2("Across England"), HomeParts.facts(home.status()));

        var grid = new Grid<AreaProgress>();
        var regions = ResponsiveGrid.on(grid);
        regions.addColumn("Region", AreaProgress::name).setFlexGrow(3).setSortable(true);
        regions.addColumn("Cycle", region -> region.cycleName() == null ? "None open" : region.cycleName());
        regions.addColumn("Closes on", region -> region.closesOn() == null ? "" : Dates.format(region.closesOn()));
        regions.addColumn("Trusts", AreaProgress::trusts).setSortable(true);
        regions.addColumn("Submitted", AreaProgress::submittedShare);
        regions.addColumn("Approved", AreaProgress::approved).setSortable(true);
        grid.setItems(home.regions());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel("NHS England regions and their submissions");
        add(new H2("Regions"), grid);
        add(HomeParts.otherPages(home.links()));
    }
}
