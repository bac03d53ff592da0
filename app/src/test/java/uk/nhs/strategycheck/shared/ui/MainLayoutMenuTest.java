package uk.nhs.strategycheck.shared.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.KaribuViews;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.security.CurrentUser;

/**
 * The side menu is worked out once per session and role, not on every page load: a second layout
 * in the same session and role reuses the first one's entries, and another role gets its own.
 */
@IntegrationTest
class MainLayoutMenuTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    SignIn signIn;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    AuthenticationContext authentication;

    @BeforeEach
    void setUp() {
        KaribuViews.setUp(context);
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        KaribuViews.tearDown();
    }

    @Test
    void menuIsWorkedOutOncePerSessionAndRole() {
        signIn.intoMockedVaadinAs("editor@demo.example");
        assertThat(menuOf(new MainLayout(currentUser, authentication))).contains("Your trust")
                .doesNotContain("Member trusts", "Users");
        var byRole = menusByRole();
        assertThat(byRole).hasSize(1);

        // Were the menu worked out again, this entry would not appear.
        var editorRole = byRole.keySet().iterator().next();
        byRole.put(editorRole, List.of(new MenuEntry("trust", "Worked out before", 1.0, null, null)));
        assertThat(menuOf(new MainLayout(currentUser, authentication))).containsExactly("Worked out before");

        signIn.intoMockedVaadinAs("ics.leader@demo.example");
        assertThat(menuOf(new MainLayout(currentUser, authentication))).contains("Member trusts")
                .doesNotContain("Worked out before", "Your trust");
        assertThat(menusByRole()).hasSize(2).containsKey(editorRole);
    }

    @SuppressWarnings("unchecked")
    private static Map<Set<String>, List<MenuEntry>> menusByRole() {
        return (Map<Set<String>, List<MenuEntry>>) VaadinSession.getCurrent().getAttribute(MainLayout.MENU_BY_ROLE);
    }

    private static List<String> menuOf(MainLayout layout) {
        return _get(layout, SideNav.class).getItems().stream().map(SideNavItem::getLabel).toList();
    }
}
