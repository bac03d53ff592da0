package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.strategycheck.TestDatabase;

/** A trust sees itself beside anonymised medians, and never another trust's name. */
class TrustBenchmarkTest extends BrowserTest {

    @Autowired
    TestDatabase database;

    @Test
    void aTrustUserSeesTheirScoresBesideMediansAndNoOtherTrustsName() throws SQLException {
        signInAs("viewer@demo.example");
        open("benchmark");

        var main = page.getByRole(AriaRole.MAIN);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Benchmark");
        assertThat(main).containsText("Guy's and St Thomas' NHS Foundation Trust beside the medians");
        assertThat(main).containsText("National median");
        assertThat(main).containsText("Led by the executive, framed as outcomes");
        assertThat(main).containsText("Scores against the medians");
        assertThat(page.locator(".bar-chart")).hasAttribute("aria-label",
                java.util.regex.Pattern.compile("^Bar chart of Your trust's score"));

        var text = page.locator("body").innerText();
        var otherTrusts = database.owner().queryForList("select name from trust where ods_code <> 'RJ1'", String.class);
        assertThat(otherTrusts).as("every trust in England, closed ones too").hasSizeGreaterThanOrEqualTo(205);
        assertThat(otherTrusts).noneMatch(text::contains);
        assertNoAccessibilityViolations();
    }
}
