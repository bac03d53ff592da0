package uk.nhs.strategycheck.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import uk.nhs.strategycheck.security.CurrentUser;
import uk.nhs.strategycheck.security.SignedInUser;
import uk.nhs.strategycheck.tenancy.ScopeAssignment;
import uk.nhs.strategycheck.tenancy.ui.IcsHomeView;
import uk.nhs.strategycheck.tenancy.ui.NationalHomeView;
import uk.nhs.strategycheck.tenancy.ui.RegionHomeView;
import uk.nhs.strategycheck.tenancy.ui.TrustHomeView;

/**
 * The frame around every signed-in view: the service name, the active scope (a chooser for
 * users with several), sign-out, and navigation to the views the active role may use.
 */
public class MainLayout extends AppLayout {

    private record NavEntry(String label, Class<? extends Component> view) {
    }

    private static final List<NavEntry> NAVIGATION = List.of(
            new NavEntry("Your trust", TrustHomeView.class),
            new NavEntry("Member trusts", IcsHomeView.class),
            new NavEntry("Your region", RegionHomeView.class),
            new NavEntry("All regions", NationalHomeView.class));

    private final CurrentUser currentUser;

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication,
                      AccessAnnotationChecker access) {
        this.currentUser = currentUser;
        var user = currentUser.get().orElseThrow();

        var title = new Span("Digital Strategy Check");
        title.addClassName("service-name");

        var signOut = new Button("Sign out", click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        signOut.addClassName("sign-out");

        var userName = new Span(user.displayName());
        userName.addClassName("user-name");

        var header = new Header(new DrawerToggle(), title, scope(user), userName, signOut);
        header.addClassName("service-header");
        addToNavbar(header);

        var sideNav = new SideNav();
        NAVIGATION.stream()
                .filter(entry -> access.hasAccess(entry.view()))
                .forEach(entry -> sideNav.addItem(new SideNavItem(entry.label(), entry.view())));
        var nav = new Nav(sideNav);
        nav.getElement().setAttribute("aria-label", "Main");
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    private Component scope(SignedInUser user) {
        if (user.assignments().size() <= 1) {
            var active = new Span(user.active().map(ScopeAssignment::label).orElse("No role assigned yet"));
            active.addClassName("active-scope");
            return active;
        }
        var chooser = new Select<ScopeAssignment>();
        chooser.setLabel("Acting as");
        chooser.addClassName("active-scope");
        chooser.setItems(user.assignments());
        chooser.setItemLabelGenerator(ScopeAssignment::label);
        user.active().ifPresent(chooser::setValue);
        chooser.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                switchScope(change.getValue().id());
            }
        });
        return chooser;
    }

    private void switchScope(long assignmentId) {
        var context = currentUser.switchTo(assignmentId);
        VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        // A fresh page: every view and menu item is worked out again for the new role.
        getUI().ifPresent(ui -> ui.getPage().setLocation(VaadinServletRequest.getCurrent().getContextPath() + "/"));
    }
}
