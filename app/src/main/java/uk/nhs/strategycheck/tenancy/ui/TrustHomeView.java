package uk.nhs.strategycheck.tenancy.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.tenancy.HomeService;

@Menu(title = "Your trust", order = 10)
@Route(value = "trust", layout = MainLayout.class)
@PageTitle("Your trust - Digital Strategy Check")
@RolesAllowed({"TRUST_EDITOR", "TRUST_APPROVER", "TRUST_VIEWER"})
public class TrustHomeView extends Main {

    public TrustHomeView(HomeService homes) {
        var home = homes.trustHome();
        var trust = home.trust();
        add(new H1(trust.name()),
                new FactList()
                        .fact("ODS code", trust.odsCode())
                        .fact("Trust type", capitalise(trust.trustType()))
                        .fact("Integrated care system", trust.icsName() + " (" + trust.icsOdsCode() + ")")
                        .fact("NHS England region", trust.regionName()),
                new H2("Current assessment cycle"));
        add(home.openCycle()
                .map(cycle -> new FactList()
                        .fact("Cycle", cycle.name())
                        .fact("Open from", Dates.format(cycle.opensOn()))
                        .fact("Closes on", Dates.format(cycle.closesOn())))
                .map(facts -> (com.vaadin.flow.component.Component) facts)
                .orElseGet(() -> new Paragraph("No assessment cycle is open for your trust at the moment.")));
        add(new Anchor("assessment", "Go to your trust's self-assessment"));
        if (!home.reminders().isEmpty()) {
            add(new H2("Reminders from your ICS"));
            var list = new UnorderedList();
            home.reminders().forEach(reminder -> list.add(new ListItem(reminder.fromName() + " reminded your trust on "
                    + Dates.dateTime(reminder.sentAt()) + " to complete and submit its " + reminder.cycleName()
                    + " self-assessment.")));
            add(list);
        }
    }

    private static String capitalise(String text) {
        if (text == null) {
            return "Not classified yet";
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
