package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.strategycheck.TestDatabase;

/** A region admin onboards a trust in the browser, and a bad import changes nothing. */
class AdminBrowserTest extends BrowserTest {

    @Autowired
    TestDatabase database;

    @AfterEach
    void removeTestTrusts() throws SQLException {
        var owner = database.owner();
        owner.update("delete from audit_event where trust_id in (select id from trust where ods_code like 'ZB%')");
        owner.update("delete from trust where ods_code like 'ZB%'");
    }

    @Test
    void aRegionAdminCreatesATrust() throws SQLException {
        signInAs("region.admin@demo.example");
        open("admin/organisations");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Organisations");
        assertNoAccessibilityViolations();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New trust")).click();
        var dialog = page.locator("vaadin-dialog-overlay");
        dialog.getByLabel("Integrated care system").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("South East London (QKK)")).click();
        dialog.getByLabel("ODS code").fill("RJ1");
        dialog.getByLabel("Name", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
                .fill("Bankside Test NHS Trust");
        dialog.getByLabel("Trust type").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("community")).click();
        dialog.getByLabel("Organisation form").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("NHS trust").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save trust")).click();
        assertThat(dialog.locator(".error-summary")).containsText("ODS code RJ1 is already in use by another organisation.");
        assertNoAccessibilityViolations();

        dialog.getByLabel("ODS code").fill("ZB1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save trust")).click();
        assertThat(page.locator(".outcome")).containsText("Created Bankside Test NHS Trust (ZB1).");
        assertThat(database.owner().queryForObject(
                "select name from trust where ods_code = 'ZB1'", String.class)).isEqualTo("Bankside Test NHS Trust");
    }

    @Test
    void aCsvWithOneInvalidRowShowsThatRowsErrorAndImportsNothing() throws SQLException {
        signInAs("region.admin@demo.example");
        open("admin/organisations/import");
        var csv = ("ods_code,name,trust_type,organisation_form,icb_ods_code\n"
                + "ZB2,Quayside Test NHS Trust,acute,NHS trust,QKK\n"
                + "ZB3,Upland Test NHS Trust,acute,NHS trust,QOP\n").getBytes(StandardCharsets.UTF_8);
        page.locator("vaadin-upload input[type=file]").setInputFiles(new FilePayload("trusts.csv", "text/csv", csv));

        assertThat(page.locator(".outcome")).containsText("2 rows, 1 with problems. Nothing will be imported");
        assertThat(page.locator("vaadin-grid")).containsText("ICB QOP is not an ICS of your region.");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import these trusts"))).isHidden();
        assertThat(database.owner().queryForObject("select count(*) from trust where ods_code like 'ZB%'", Long.class))
                .isZero();
        assertNoAccessibilityViolations();

        open("admin/cycles");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Assessment cycles");
        assertThat(page.getByRole(AriaRole.MAIN)).containsText("2026/27");
        assertNoAccessibilityViolations();
    }
}
