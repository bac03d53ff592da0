package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.benchmark.BenchmarkService;

/** A region admin reads who did what in their region, in words, on a desktop and on a phone. */
class AuditLogBrowserTest extends BrowserTest {

    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;
    @Autowired
    BenchmarkService benchmarks;

    @Test
    void aRegionAdminFiltersTheAuditLogAndReadsItInWords() throws SQLException {
        database.trustUser("rru.editor@test.example", "Rae Editor", "TRUST_EDITOR", "RRU");
        signIn.as("ics.leader@demo.example");
        try {
            benchmarks.sendReminder("RRU", "2026/27");
        } finally {
            signIn.out();
        }

        var admin = page;
        signInAs(admin, "region.admin@demo.example");
        admin.navigate(url("admin/audit"));
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Audit log");
        admin.getByLabel("Organisation").fill("RRU");
        admin.getByLabel("User").fill("Sam Patel");
        admin.getByLabel("User").press("Tab");
        var grid = admin.locator("vaadin-grid");
        assertThat(grid).containsText("Sent a reminder to a trust");
        assertThat(grid).containsText("London Ambulance Service NHS Trust (RRU)");
        assertThat(grid).containsText("Cycle: 2026/27");
        assertThat(grid).containsText("ICS leader");
        var shown = grid.innerText();
        assertThat(shown).doesNotContain("REMINDER_SENT", "app_user", "{\"", "ICS_LEADER");
        assertNoAccessibilityViolations(admin);

        admin.setViewportSize(390, 844);
        assertThat(admin.locator(".grid-card").first()).containsText("Sent a reminder to a trust");
        assertThat((Boolean) admin.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling at 390 px").isTrue();
    }
}
