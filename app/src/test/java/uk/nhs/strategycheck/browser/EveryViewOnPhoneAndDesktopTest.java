package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every view of every role on a phone (390 px) and a laptop (1366 px): the page never scrolls
 * sideways, no grid clips its text or hides columns off to the side, the header stays small on a
 * phone, and axe-core finds nothing at WCAG 2.2 AA or best practice, at both widths.
 */
class EveryViewOnPhoneAndDesktopTest extends BrowserTest {

    private static final List<Integer> WIDTHS = List.of(1366, 390);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            editor@demo.example         | trust, assessment, assessment/leadership, strategy-document, benchmark, reports, check-your-answers
            ics.leader@demo.example     | ics, ics/submissions, ics/heatmap, ics/trusts/RJ1, strategy-documents, reports
            region.admin@demo.example   | region, compare, admin/organisations, admin/organisations/import, admin/changes, admin/changes/import, admin/cycles, admin/users, admin/audit
            national.admin@demo.example | national, compare
            """)
    void eachViewFitsAndPassesAxeAtBothWidths(String email, String routes) {
        signInAs(email);
        for (var route : routes.split(",\\s*")) {
            assertFitsAndAccessibleAtBothWidths(route);
        }
    }

    @Test
    void pagesOutsideTheSignedInFrameFitToo() {
        for (var route : List.of("login", "activate/not-a-real-invitation", "no/such/page")) {
            assertFitsAndAccessibleAtBothWidths(route);
        }
    }

    private void assertFitsAndAccessibleAtBothWidths(String route) {
        for (var width : WIDTHS) {
            page.setViewportSize(width, 800);
            open(route);
            assertFitsAndAccessible(route, width);
        }
    }

    @Test
    void anUnknownAddressSaysPageNotFoundWithAWayHome() {
        signInAs("editor@demo.example");
        open("no/such/page");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Page not found");
        assertThat(page.locator("body")).not().containsText("Available routes");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the home page")).click();
        assertThat(page).hasURL(url("trust"));
    }

    @Test
    void theRoleChooserIsReadableAndFitsOnAPhone() {
        page.setViewportSize(390, 800);
        signInAs("multi.viewer@demo.example");
        assertThat(page.locator("html")).hasAttribute("lang", "en-GB");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
        var otherRole = page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions()
                .setName("Trust viewer, South London and Maudsley NHS Foundation Trust (RV5)"));
        assertThat(otherRole).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch role"))).isInViewport();
        assertFitsAndAccessible("menu with the role chooser", 390);
    }

    @Test
    void theSkipLinkIsTheFirstStopAndMovesFocusToTheMainContent() {
        signInAs("editor@demo.example");
        open("assessment");
        page.locator("h1").waitFor();

        page.keyboard().press("Tab");
        var skipLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to main content"));
        assertThat(skipLink).isFocused();
        assertThat(skipLink).isInViewport();
        page.keyboard().press("Enter");
        assertThat(page.locator("#main-content")).isFocused();
    }

    private void assertFitsAndAccessible(String route, int width) {
        page.waitForLoadState();
        page.locator("h1, vaadin-login-form").first().waitFor();
        // Every grid is a responsive one, and has switched to the layout for this width.
        waitForGridLayouts();
        @SuppressWarnings("unchecked")
        var layout = (Map<String, Object>) page.evaluate("""
                () => {
                  const page = document.documentElement;
                  const clipped = [];
                  for (const grid of document.querySelectorAll('vaadin-grid')) {
                    const table = grid.shadowRoot && grid.shadowRoot.querySelector('#table');
                    if (table && table.scrollWidth > table.clientWidth + 1) {
                      clipped.push('grid scrolls sideways: ' + (grid.id || grid.className));
                    }
                    for (const cell of grid.querySelectorAll('vaadin-grid-cell-content')) {
                      const box = cell.getBoundingClientRect();
                      if (box.width > 0 && box.height > 0 && cell.scrollWidth > cell.clientWidth + 1) {
                        clipped.push('clipped: ' + cell.textContent.trim().slice(0, 40));
                      }
                    }
                  }
                  const navbar = document.querySelector('vaadin-app-layout');
                  const bar = navbar && navbar.shadowRoot.querySelector('[part=navbar]');
                  return { pageWidth: page.scrollWidth, viewport: page.clientWidth, clipped,
                           header: bar ? bar.getBoundingClientRect().height : 0 };
                }
                """);
        assertThat(((Number) layout.get("pageWidth")).intValue())
                .as(route + " at " + width + " px scrolls sideways").isLessThanOrEqualTo(width);
        assertThat((List<?>) layout.get("clipped")).as(route + " at " + width + " px").isEmpty();
        if (width < 640) {
            assertThat(((Number) layout.get("header")).doubleValue()).as(route + ": header height on a phone")
                    .isLessThanOrEqualTo(64);
        }
        assertNoAccessibilityViolations();
    }
}
