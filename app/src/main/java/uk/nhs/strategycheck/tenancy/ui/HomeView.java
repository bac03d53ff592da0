package uk.nhs.strategycheck.tenancy.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import uk.nhs.strategycheck.shared.ui.MainLayout;
import uk.nhs.strategycheck.tenancy.CurrentScopeSource;

/** Sends each user to the home view of their active role; explains when they have none. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Home - Digital Strategy Check")
@PermitAll
public class HomeView extends Main implements BeforeEnterObserver {

    private final CurrentScopeSource scopes;

    public HomeView(CurrentScopeSource scopes) {
        this.scopes = scopes;
        add(new H1("You have no role yet"),
                new Paragraph("Your account is set up, but no role has been given to you. "
                        + "Ask your region admin to add you to your trust, ICS or region."));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        scopes.current().ifPresent(scope -> event.forwardTo(switch (scope.assignment().level()) {
            case TRUST -> TrustHomeView.class;
            case ICS -> IcsHomeView.class;
            case REGION -> RegionHomeView.class;
            case NATIONAL -> NationalHomeView.class;
        }));
    }
}
