package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.nhs.strategycheck.IntegrationTest;

/**
 * End-to-end tests in Debian's Chromium, driven by Playwright, against the application on a
 * random port. One browser for the whole run, a fresh context (no cookies) per test.
 */
@IntegrationTest
public abstract class BrowserTest {

    public static final String DEMO_PASSWORD = "Demo-2026-strategy";

    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");

    private static final Map<String, List<Cookie>> SESSIONS = new ConcurrentHashMap<>();

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    private int port;
    @org.springframework.beans.factory.annotation.Autowired
    private uk.nhs.strategycheck.TestDatabase testDatabase;

    private BrowserContext context;
    private final List<BrowserContext> otherContexts = new ArrayList<>();
    protected Page page;

    /**
     * One browser for every browser test in the JVM: starting Playwright's driver and Chromium
     * costs seconds, and each test has a fresh context (no cookies, no storage) of its own anyway.
     */
    private static synchronized Browser browser() {
        if (browser == null) {
            // As long as actions may wait: on a busy machine a page can take more than the default 5 s.
            com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of(CHROMIUM))
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--no-first-run",
                            "--disable-sync")));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close));
        }
        return browser;
    }

    @BeforeEach
    void openContext() {
        context = newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        otherContexts.forEach(BrowserContext::close);
        otherContexts.clear();
        context.close();
    }

    private static BrowserContext newContext() {
        var created = browser().newContext(new Browser.NewContextOptions().setLocale("en-GB"));
        created.setDefaultTimeout(20_000);
        return created;
    }

    /**
     * A page in another fresh context (no cookies), for a second user at the same time as
     * the one in {@link #page}; closed after the test.
     */
    protected Page pageInNewContext() {
        var other = newContext();
        otherContexts.add(other);
        return other.newPage();
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    protected void open(String path) {
        page.navigate(url(path));
    }

    /**
     * Signs in and waits for the signed-in frame on the home page. The session of a user's first
     * sign-in in the run is reused by later tests (its cookie), which saves the sign-in page, the
     * password hash and the security code; if the session has ended, it signs in again.
     */
    protected void signInAs(String email) {
        signInAs(page, email);
    }

    /** Signs in on the given page (of its own context); see {@link #signInAs(String)}. */
    protected void signInAs(Page page, String email) {
        var session = SESSIONS.get(email);
        if (session != null && reusesSessions()) {
            page.context().addCookies(session);
            page.navigate(url(""));
            if (!page.url().contains("/login")) {
                assertSignedIn(page);
                return;
            }
            page.context().clearCookies();
        }
        signInThroughTheForm(page, email);
        if (reusesSessions()) {
            SESSIONS.put(email, page.context().cookies());
        }
    }

    /**
     * Whether this class's tests may share signed-in sessions with other tests. A test that
     * changes its session (switches role, signs out) or tests signing in itself must not.
     */
    protected boolean reusesSessions() {
        return true;
    }

    /** Signs in through the sign-in form (and the security code for admins). */
    protected void signInThroughTheForm(Page page, String email) {
        page.navigate(url("login"));
        page.locator("input[name='username']").fill(email);
        page.locator("input[name='password']").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        if (email.startsWith("region.admin@") || email.startsWith("national.admin@")) {
            // Admins give the code of their authenticator app too.
            var code = page.getByLabel("Security code");
            code.fill(testDatabase.secondFactorCode(email));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        }
        assertSignedIn(page);
    }

    private static void assertSignedIn(Page page) {
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true))).isVisible();
    }

    /**
     * axe-core counts a Vaadin grid's body cell as a touch target because it holds the grid's
     * keyboard tab stop (tabindex 0), and finds it "obscured" by a link or button inside it (only
     * a cell with such content can be obscured). Clicking the cell around it does nothing; the
     * link or button is the target, and axe checks that itself. Only this case is set aside.
     */
    private static boolean isGridBodyCellAroundItsContent(String rule, String html) {
        return "target-size".equals(rule) && html.startsWith("<td ") && html.contains("role=\"gridcell\"")
                && html.contains("body-cell");
    }

    /**
     * Waits until every grid on the page has taken the layout for the window's width (cards on a
     * phone; the switch is a round trip after the page shows, and redraws the rows), then until
     * the server is idle.
     */
    protected void waitForGridLayouts() {
        page.waitForFunction("() => [...document.querySelectorAll('vaadin-grid')].every(g => g.getAttribute('data-layout')"
                + " === (window.innerWidth < 640 ? 'cards' : 'columns'))");
        waitForServer();
    }

    /** Waits until Vaadin has no request to the server in flight (the page shows the server's last word). */
    protected void waitForServer() {
        page.waitForFunction("() => !window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients"
                + " || Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    protected void assertNoAccessibilityViolations() {
        assertNoAccessibilityViolations(page);
    }

    protected void assertNoAccessibilityViolations(Page page) {
        page.waitForLoadState();
        // A Vaadin overlay (dialog, menu) fades in and out, marked [opening] or [closing] while
        // it does; scanned half-transparent, its text fails colour contrast. Scan it settled.
        page.waitForFunction("() => !document.querySelector('[opening], [closing]')");
        var results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                // Vaadin's own connection indicator: a status overlay that sits outside any
                // landmark by design and is empty while the page is idle.
                .exclude(List.of("vaadin-connection-indicator"))
                .analyze();
        var violations = results.getViolations().stream()
                .map(v -> {
                    var nodes = v.getNodes().stream().filter(n -> !isGridBodyCellAroundItsContent(v.getId(), n.getHtml())).toList();
                    return nodes.isEmpty() ? null : v.getId() + ": " + v.getHelp() + " " + nodes.stream()
                            .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "));
                })
                .filter(java.util.Objects::nonNull)
                .toList();
        assertThat(violations).as("axe-core violations on " + page.url()).isEmpty();
    }
}
