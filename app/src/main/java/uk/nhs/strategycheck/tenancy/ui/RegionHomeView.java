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
import uk.nhs.strategycheck.tenancy.IcsSummary;

@Menu(title = "Your region", order = 30)
@Route(value = "region", layout = MainLayout.class)
@PageTitle("Your region - Digital Strategy Check")
@RolesAllowed("REGION_ADMIN")
public class RegionHomeView extends Main {

    public RegionHomeView(HomeService homes) {
        var home = homes.regionHome();
        var icss = new Grid<IcsSummary>();
        icss.addColumn(IcsSummary::name).setHeader("Integrated care system").setFlexGrow(3).setSortable(true);
        icss.addColumn(IcsSummary::odsCode).setHeader("ODS code").setSortable(true);
        icss.addColumn(IcsSummary::trustCount).setHeader("Trusts").setSortable(true);
        icss.setItems(home.icss());
        icss.setAllRowsVisible(true);
        icss.setAriaLabel("Integrated care systems in " + home.region().name());

        add(new H1(home.region().name() + " region"),
                new Paragraph(home.region().odsCode() + ". " + home.region().icsCount() + " integrated care systems, "
                        + home.region().trustCount() + " trusts."),
                new H2("Integrated care systems"),
                icss);
    }
}
