package uk.nhs.strategycheck.tenancy.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.tenancy.HomeService;
import uk.nhs.strategycheck.tenancy.RegionSummary;

@Menu(title = "All regions", order = 40)
@Route(value = "national", layout = MainLayout.class)
@PageTitle("All regions - Digital Strategy Check")
@RolesAllowed("NATIONAL_ADMIN")
public class NationalHomeView extends Main {

    public NationalHomeView(HomeService homes) {
        var regions = homes.nationalHome();
        var grid = new Grid<RegionSummary>();
        grid.addColumn(RegionSummary::name).setHeader("Region").setFlexGrow(3).setSortable(true);
        grid.addColumn(RegionSummary::odsCode).setHeader("ODS code").setSortable(true);
        grid.addColumn(RegionSummary::icsCount).setHeader("Integrated care systems").setSortable(true);
        grid.addColumn(RegionSummary::trustCount).setHeader("Trusts").setSortable(true);
        grid.setItems(regions);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel("NHS England regions");

        add(new H1("NHS England"),
                new Paragraph(regions.size() + " regions, "
                        + regions.stream().mapToInt(RegionSummary::icsCount).sum() + " integrated care systems, "
                        + regions.stream().mapToInt(RegionSummary::trustCount).sum() + " trusts."),
                new H2("Regions"),
                grid);
    }
}
