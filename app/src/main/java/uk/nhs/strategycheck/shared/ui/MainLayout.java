package uk.nhs.strategycheck.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import uk.nhs.strategycheck.security.CurrentUser;
import uk.nhs.strategycheck.security.SignedInUser;
import uk.nhs.strategycheck.tenancy.ScopeAssignment;

/**
 * The frame around every signed-in view: a skip link, the service name and sign-out in the
 * header; who is signed in, the active role (a chooser for users with several) and navigation to
 * the views that role may use in the menu, which is a drawer on a phone.
 */
public class MainLayout extends AppLayout {

    private static final String MAIN_CONTENT = "main-content";
    // Session attribute: the side menu's entries by the set of authorities they were worked out for.
    static final String MENU_BY_ROLE = MainLayout.class.getName() + ".menuByRole";

    private final CurrentUser currentUser;

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication) {
        this.currentUser = currentUser;
        var user = currentUser.get().orElseThrow();

        var title = new Span("Digital Strategy Check");
        title.addClassName("service-name");

        var signOut = new Button("Sign out", click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        signOut.addClassName("sign-out");

        var userName = new Span("Signed in as " + user.displayName());
        userName.addClassName("user-name");

        // The first thing a keyboard or screen reader user meets: a way past the header and menu.
        var skipLink = new Anchor("#" + MAIN_CONTENT, "Skip to main content");
        skipLink.addClassName("skip-link");
        // In the browser alone: the page's <base> would make "#main-content" a link to the home page.
        skipLink.getElement().executeJs("this.addEventListener('click', e => { e.preventDefault();"
                + " const main = document.getElementById($0); if (main) { main.focus(); main.scrollIntoView(); } })",
                MAIN_CONTENT);

        var menuToggle = new DrawerToggle();
        menuToggle.setAriaLabel("Menu");
        var header = new Header(skipLink, menuToggle, title, signOut);
        header.addClassName("service-header");
        addToNavbar(header);

        var sideNav = new SideNav();
        menuEntries(user).forEach(entry -> sideNav.addItem(new SideNavItem(entry.title(), entry.path())));
        var nav = new Nav(sideNav);
        nav.getElement().setAttribute("aria-label", "Main");
        // Who is signed in and in which role sit at the top of the menu, not in the header: on a
        // phone the header stays one line, and the chooser is dark text on white, not on NHS blue.
        var signedIn = new Aside(userName, scope(user));
        signedIn.addClassName("signed-in-as");
        signedIn.getElement().setAttribute("aria-label", "Your account");
        addToDrawer(signedIn, nav);
        setPrimarySection(Section.DRAWER);
    }

    /**
     * The menu entries of the user's active role, worked out once per session and role. Views declare
     * their entry (@Menu) and Vaadin leaves out those the role may not open, but it checks every route's
     * access afresh on each call, which under load kept request threads waiting on the class loader.
     */
    private static List<MenuEntry> menuEntries(SignedInUser user) {
        var session = VaadinSession.getCurrent();
        @SuppressWarnings("unchecked")
        var byRole = (HashMap<Set<String>, List<MenuEntry>>) session.getAttribute(MENU_BY_ROLE);
        if (byRole == null) {
            byRole = new HashMap<>();
            session.setAttribute(MENU_BY_ROLE, byRole);
        }
        var authorities = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet());
        return byRole.computeIfAbsent(authorities, role -> List.copyOf(MenuConfiguration.getMenuEntries()));
    }

    /** The view is the skip link's target: focusable by script, not in the tab order. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        content.getElement().setAttribute("id", MAIN_CONTENT);
        content.getElement().setAttribute("tabindex", "-1");
    }

    /**
     * The active role, or for a user with several, radios to choose another and a button to
     * switch: choosing alone changes nothing, so arrow keys can move through the roles.
     */
    private Component scope(SignedInUser user) {
        if (user.assignments().size() <= 1) {
            var active = new Span(user.active().map(ScopeAssignment::label).orElse("No role assigned yet"));
            active.addClassName("active-scope");
            return active;
        }
        var chooser = new RadioButtonGroup<ScopeAssignment>("Acting as");
        chooser.addClassName("active-scope");
        chooser.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        chooser.setItems(user.assignments());
        chooser.setItemLabelGenerator(ScopeAssignment::label);
        user.active().ifPresent(chooser::setValue);
        var switchRole = new Button("Switch role", click -> {
            var chosen = chooser.getValue();
            if (chosen != null && user.active().map(active -> active.id() != chosen.id()).orElse(true)) {
                switchScope(chosen.id());
            }
        });
        switchRole.addClassName("switch-role");
        return new Div(chooser, switchRole);
    }

    private void switchScope(long assignmentId) {
        var context = currentUser.switchTo(assignmentId);
        VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        // A fresh page: every view and menu item is worked out again for the new role.
        getUI().ifPresent(ui -> ui.getPage().setLocation(VaadinServletRequest.getCurrent().getContextPath() + "/"));
    }
}
