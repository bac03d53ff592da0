package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** On a phone, the home page leads with the next step, and the ICS's member trusts are cards, not a clipped table. */
class HomePagesBrowserTest extends BrowserTest {

    @Test
    void theNextStepComesFirstAndNothingScrollsSidewaysAt390Px() {
        page.setViewportSize(390, 844);
        signInAs("approver@demo.example");
        var step = page.locator(".next-step");
        assertThat(step.getByRole(AriaRole.HEADING)).hasText("Your editors are answering the statements");
        assertThat(step).containsText("19 of 28 statements answered");
        assertThat(step.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Read the answers so far")))
                .hasAttribute("href", "assessment");
        assertNoSidewaysScrolling(page);
        assertNoAccessibilityViolations();

        var leader = pageInNewContext();
        leader.setViewportSize(390, 844);
        signInAs(leader, "ics.leader@demo.example");
        assertThat(leader.locator(".next-step")).containsText("not submitted yet");
        assertThat(leader.locator(".grid-card").first()).containsText("Status");
        assertNoSidewaysScrolling(leader);
        assertNoAccessibilityViolations(leader);
    }

    private static void assertNoSidewaysScrolling(Page page) {
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling at 390 px").isTrue();
    }
}
