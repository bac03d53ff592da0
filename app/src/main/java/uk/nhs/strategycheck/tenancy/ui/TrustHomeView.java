package uk.nhs.strategycheck.tenancy.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.tenancy.HomeService;

/** A trust user's home: where this cycle's assessment stands and what they should do next. */
@Menu(title = "Your trust", order = 10)
@Route(value = "trust", layout = MainLayout.class)
@PageTitle("Your trust - Digital Strategy Check")
@RolesAllowed({"TRUST_EDITOR", "TRUST_APPROVER", "TRUST_VIEWER"})
public class TrustHomeView extends Main {

    public TrustHomeView(HomeService homes) {
        var home = homes.trustHome();
        var trust = home.trust();
        add(new H1(trust.name()), HomeParts.nextStep(home.nextStep()));
        home.cycle().ifPresent(cycle -> add(new H2("Your " + cycle.name() + " self-assessment"),
                HomeParts.facts(home.status())));
        if (!home.reminders().isEmpty()) {
            add(new H2("Reminders from your ICS"));
            var list = new UnorderedList();
            home.reminders().forEach(reminder -> list.add(new ListItem(reminder.fromName() + " reminded your trust on "
                    + Dates.dateTime(reminder.sentAt()) + " to complete and submit its " + reminder.cycleName()
                    + " self-assessment.")));
            add(list);
        }
        add(HomeParts.otherPages(home.links()));
        add(new H2("About your trust"),
                new FactList()
                        .fact("ODS code", trust.odsCode())
                        .fact("Trust type", capitalise(trust.trustType()))
                        .fact("Integrated care system", trust.icsName() + " (" + trust.icsOdsCode() + ")")
                        .fact("NHS England region", trust.regionName()));
    }

    private static String capitalise(String text) {
        if (text == null) {
            return "Not classified yet";
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
