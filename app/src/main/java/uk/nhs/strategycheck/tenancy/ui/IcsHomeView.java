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
import uk.nhs.strategycheck.shared.ui.ResponsiveGrid;
import uk.nhs.strategycheck.tenancy.HomeService;
import uk.nhs.strategycheck.tenancy.MemberStatus;

/** An ICS leader's home: how far the member trusts are with this cycle, and what to do about it. */
@Menu(title = "Member trusts", order = 20)
@Route(value = "ics", layout = MainLayout.class)
@PageTitle("Member trusts - Digital Strategy Check")
@RolesAllowed("ICS_LEADER")
public class IcsHomeView extends Main {

    public IcsHomeView(HomeService homes) {
        var home = homes.icsHome();
        add(new H1(home.ics().name() + " ICS"), HomeParts.nextStep(home.nextStep()));
        home.cycle().ifPresent(cycle -> add(new H2("Where the " + cycle.name() + " assessments stand"),
                HomeParts.facts(home.status())));

        var grid = new Grid<MemberStatus>();
        var trusts = ResponsiveGrid.on(grid);
        trusts.addColumn("Trust", MemberStatus::trustName).setFlexGrow(3).setSortable(true);
        trusts.addColumn("ODS code", MemberStatus::odsCode).setSortable(true);
        trusts.addColumn("Status", MemberStatus::status).setFlexGrow(2).setSortable(true);
        trusts.addColumn("Statements answered", MemberStatus::answered);
        grid.setItems(home.members());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel("Member trusts of " + home.ics().name() + " and their assessments");
        add(new H2("Member trusts"),
                new Paragraph(home.ics().odsCode() + ", " + home.ics().regionName() + " region. "
                        + home.members().size() + (home.members().size() == 1 ? " member trust." : " member trusts.")),
                grid);
        add(HomeParts.otherPages(home.links()));
    }
}
