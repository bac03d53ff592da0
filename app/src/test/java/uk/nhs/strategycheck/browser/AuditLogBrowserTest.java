package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.strategycheck.TestDatabase;

/** A region admin reads who did what in their region. */
class AuditLogBrowserTest extends BrowserTest {

    @Autowired
    TestDatabase database;

    @Test
    void aRegionAdminFiltersTheAuditLog() throws SQLException {
        database.trustUser("rru.editor@test.example", "Rae Editor", "TRUST_EDITOR", "RRU");
        signInAs("ics.leader@demo.example");
        open("ics/submissions");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Send reminder to London Ambulance Service NHS Trust")).click();
        assertThat(page.locator(".outcome")).containsText("Reminder sent to");

        var admin = pageInNewContext();
        signInAs(admin, "region.admin@demo.example");
        admin.navigate(url("admin/audit"));
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Audit log");
        admin.getByLabel("Organisation").fill("RRU");
        admin.getByLabel("User").fill("Sam Patel");
        admin.getByLabel("User").press("Tab");
        assertThat(admin.locator("vaadin-grid")).containsText("REMINDER_SENT");
        assertThat(admin.locator("vaadin-grid")).containsText("London Ambulance Service NHS Trust (RRU)");
        assertNoAccessibilityViolations(admin);
    }
}
