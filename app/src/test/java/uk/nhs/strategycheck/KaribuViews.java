package uk.nhs.strategycheck;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import org.springframework.context.ApplicationContext;

/**
 * Karibu's mock Vaadin over the application's own Spring context, for view tests without a
 * browser. The routes are found once for every test class in the JVM: finding them scans the class
 * path, which took seconds each time.
 */
public final class KaribuViews {

    private static Routes routes;

    private KaribuViews() {
    }

    /** A fresh UI and session for the next test; call from {@code @BeforeEach}. */
    public static void setUp(ApplicationContext context) {
        MockVaadin.setup(UI::new, new MockSpringServlet(routes(), context, UI::new));
    }

    /** Call from {@code @AfterEach}. */
    public static void tearDown() {
        MockVaadin.tearDown();
    }

    private static synchronized Routes routes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("uk.nhs.strategycheck");
        }
        return routes;
    }
}
