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
import uk.nhs.strategycheck.tenancy.TrustSummary;

@Menu(title = "Member trusts", order = 20)
@Route(value = "ics", layout = MainLayout.class)
@PageTitle("Member trusts - Digital Strategy Check")
@RolesAllowed("ICS_LEADER")
public class IcsHomeView extends Main {

    public IcsHomeView(HomeService homes) {
        var home = homes.icsHome();
        var trusts = new Grid<TrustSummary>();
        trusts.addColumn(TrustSummary::name).setHeader("Trust").setFlexGrow(3).setSortable(true);
        trusts.addColumn(TrustSummary::odsCode).setHeader("ODS code").setSortable(true);
        trusts.addColumn(TrustSummary::trustType).setHeader("Trust type").setSortable(true);
        trusts.setItems(home.memberTrusts());
        trusts.setAllRowsVisible(true);
        trusts.setAriaLabel("Member trusts of " + home.ics().name());

        add(new H1(home.ics().name() + " ICS"),
                new Paragraph(home.ics().odsCode() + ", " + home.ics().regionName() + " region. "
                        + home.memberTrusts().size() + " member trusts."),
                new H2("Member trusts"),
                trusts);
    }
}
