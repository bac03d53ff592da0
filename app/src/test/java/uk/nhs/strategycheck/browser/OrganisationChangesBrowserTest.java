package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.strategycheck.OrganisationFixture;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.shared.Dates;

/** A region admin types in an ICS merger, checks what it touches, and applies it. */
class OrganisationChangesBrowserTest extends BrowserTest {

    @Autowired
    TestDatabase database;

    private OrganisationFixture fixture;

    @BeforeEach
    void createIcss() throws SQLException {
        fixture = new OrganisationFixture(database.owner(), "ZC", "@changes-browser.test");
        fixture.remove();
        long east = fixture.ics("ZCA", "Y56");
        long west = fixture.ics("ZCB", "Y56");
        long trust = fixture.trust("ZCA1", east, "acute");
        fixture.trust("ZCB1", west, "community");
        fixture.approved(trust, "2025/26", "Y56", 1);
        fixture.user("east.leader", "ICS_LEADER", east, null);
    }

    @AfterEach
    void removeIcss() {
        fixture.remove();
    }

    @Test
    void aRegionAdminPreviewsAndAppliesAMergerTypedInByHand() throws SQLException {
        // The ICS leader is signed in (in a browser of their own) while the merger is applied.
        var leader = pageInNewContext();
        signInAs(leader, "east.leader@changes-browser.test");
        leader.navigate(url("ics/heatmap"));
        assertThat(leader.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Test ZCA ICS: member trusts compared");

        signInAs("region.admin@demo.example");
        open("admin/changes");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Organisation changes");
        assertNoAccessibilityViolations();

        // The NHS changes of 2026 are there, applied, with what they touched.
        page.getByLabel("Show").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Applied changes")).click();
        page.getByText("NHS changes of 1 April 2026 (changes/2026.csv)").click();
        assertThat(page.getByRole(AriaRole.MAIN)).containsText("Move trust RPG, Oxleas NHS Foundation Trust to QKS");
        assertNoAccessibilityViolations();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record a change")).click();
        var dialog = page.locator("vaadin-dialog-overlay");
        dialog.getByLabel("Kind of change").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Merge ICSs")).click();
        var today = LocalDate.now(Dates.ENGLAND);
        dialog.getByLabel("Takes effect on").fill(today.format(DateTimeFormatter.ofPattern("d/M/yyyy")));
        dialog.getByLabel("Takes effect on").press("Enter");
        var merging = dialog.getByLabel("ICSs that merge");
        merging.click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Test ZCA ICS (ZCA)")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Test ZCB ICS (ZCB)")).click();
        merging.press("Escape");
        dialog.getByLabel("ODS code of the ICS they become").fill("ZCC");
        dialog.getByLabel("Short name of the new ICS").fill("Test Merged");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record change")).click();
        // A refusal names the field and keeps what was typed.
        assertThat(dialog.locator(".error-summary")).containsText("Enter the new ICB's full name.");
        assertThat(dialog.getByLabel("ODS code of the ICS they become")).hasValue("ZCC");
        assertNoAccessibilityViolations();
        dialog.getByLabel("Full name of the new ICB").fill("NHS Test Merged Integrated Care Board");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record change")).click();

        assertThat(page.locator(".outcome")).containsText("Recorded: Merge ZCA, ZCB into ZCC from " + Dates.format(today));
        var main = page.getByRole(AriaRole.MAIN);
        assertThat(main).containsText("Move trust ZCA1 to ZCC");
        assertThat(main).containsText("The database accepts this change as it stands");
        assertThat(main).containsText("east.leader@changes-browser.test");
        assertThat(main).containsText("Ends on the day; you can give a role at the successor");
        assertNoAccessibilityViolations();

        // Applying is checked first, saying who is affected; Cancel changes nothing.
        var applyChange = new Page.GetByRoleOptions().setName("Apply change");
        page.getByRole(AriaRole.BUTTON, applyChange).click();
        var check = page.getByRole(AriaRole.DIALOG);
        assertThat(check).containsText("Move trust ZCA1 to ZCC");
        assertThat(check).containsText("1 person's role ends or moves");
        check.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Cancel")).click();
        assertThat(check).isHidden();
        assertThat(database.owner().queryForObject("select count(*) from trust t join ics i on i.id = t.ics_id "
                + "where i.ods_code = 'ZCC'", Long.class)).isZero();
        page.getByRole(AriaRole.BUTTON, applyChange).click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Apply change")).click();
        assertThat(page.locator(".outcome")).containsText("Applied: Merge ZCA, ZCB into ZCC");
        assertThat(database.owner().queryForList("select t.ods_code from trust t join ics i on i.id = t.ics_id "
                + "where i.ods_code = 'ZCC' order by 1", String.class)).containsExactly("ZCA1", "ZCB1");

        // Their role ended with their ICS: it stops at their next click, not at their next sign-in.
        leader.navigate(url("ics/heatmap"));
        assertThat(leader.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("You do not have access to this page");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Make east.leader ICS leader of Test Merged")).click();
        assertThat(page.locator(".outcome")).containsText("east.leader is now ICS leader of Test Merged.");
        assertNoAccessibilityViolations();
        assertThat(database.owner().queryForObject("select count(*) from role_assignment ra join ics i on i.id = ra.ics_id "
                + "where i.ods_code = 'ZCC' and ra.role = 'ICS_LEADER'", Long.class)).isEqualTo(1);
        leader.navigate(url("ics/heatmap"));
        assertThat(leader.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Test Merged ICS: member trusts compared");
    }
}
