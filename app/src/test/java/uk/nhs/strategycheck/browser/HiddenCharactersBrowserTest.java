package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.strategycheck.TestDatabase;

/**
 * Hidden characters - NUL and other control characters, and the ones that change the direction
 * of text - are refused at the edge of every input, saying where they are and keeping what was
 * typed, and never reach the database (issue 10, finding 10). The imports check every row as the
 * trust form does, and import nothing while any row is wrong.
 */
class HiddenCharactersBrowserTest extends BrowserTest {

    private static final String RIGHT_TO_LEFT_OVERRIDE = "\u202E";
    private static final String RJ1_ANSWERS = "select a.evidence || '/' || a.version from answer a "
            + "join trust t on t.id = a.trust_id where t.ods_code = 'RJ1'";

    @Autowired
    TestDatabase database;

    @AfterEach
    void removeTestTrusts() throws SQLException {
        database.owner().update("delete from trust where ods_code like 'ZH%'");
    }

    @Test
    void theTrustFormRefusesADirectionOverrideInTheNameAndKeepsWhatWasTyped() throws SQLException {
        signInAs("region.admin@demo.example");
        open("admin/organisations");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New trust")).click();
        var dialog = page.locator("vaadin-dialog-overlay");
        dialog.getByLabel("Integrated care system").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("South East London (QKK)")).click();
        dialog.getByLabel("ODS code").fill("ZH1");
        var typed = "Bankside" + RIGHT_TO_LEFT_OVERRIDE + " Test NHS Trust";
        var name = dialog.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true));
        name.fill(typed);
        dialog.getByLabel("Trust type").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("community")).click();
        dialog.getByLabel("Organisation form").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("NHS trust").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save trust")).click();

        assertThat(dialog.locator(".error-summary")).containsText("Name has a hidden character at position 9 that cannot "
                + "be used (a control character or one that changes the direction of text). Remove it.");
        assertThat(name).hasValue(typed);
        assertNoAccessibilityViolations();
        assertThat(trustsCalledZh()).isZero();
    }

    @Test
    void anEvidenceNoteWithAControlCharacterIsNotSavedAndSaysWhere() throws SQLException {
        var db = database.owner();
        // The open cycle's assessment as a draft, whatever earlier tests did to it; as it was afterwards.
        var openAssessment = """
                select a.id from assessment a join assessment_cycle c on c.id = a.cycle_id join trust t on t.id = a.trust_id
                 where t.ods_code = 'RJ1' and current_date between c.opens_on and c.closes_on""";
        var statusBefore = db.queryForObject("select status from assessment where id = (" + openAssessment + ")", String.class);
        db.update("update assessment set status = 'DRAFT' where id = (" + openAssessment + ")");
        try {
            anEvidenceNoteWithAControlCharacterIsNotSaved(db);
        } finally {
            db.update("update assessment set status = ? where id = (" + openAssessment + ")", statusBefore);
        }
    }

    private void anEvidenceNoteWithAControlCharacterIsNotSaved(org.springframework.jdbc.core.JdbcTemplate db) {
        var savedBefore = db.queryForList(RJ1_ANSWERS, String.class);
        signInAs("editor@demo.example");
        open("assessment/leadership");
        var statement = page.locator(".statement").first();
        var evidence = statement.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Evidence")
                .setExact(true));
        var typed = "Board minutes\u0007, March 2026";

        evidence.fill(typed);
        evidence.blur();

        assertThat(statement.getByRole(AriaRole.STATUS)).hasText("Not saved: What you typed has a hidden character at "
                + "position 14 that cannot be used (a control character or one that changes the direction of text). "
                + "Remove it.");
        assertThat(evidence).hasValue(typed);
        assertThat(db.queryForList(RJ1_ANSWERS, String.class)).containsExactlyInAnyOrderElementsOf(savedBefore);
    }

    @Test
    void aFilterWithANulCharacterSaysSoInsteadOfFailing() {
        signInAs("region.admin@demo.example");
        open("admin/users");
        assertThat(page.locator("vaadin-grid")).containsText("Priya Shah");
        var filter = page.getByLabel("Name or email address");

        filter.fill("Priya\u0000");
        filter.press("Tab");

        // Beside the field (and announced too, so the text is on the page twice).
        assertThat(page.getByText("What you typed has a hidden character at position 6").first()).isVisible();
        assertThat(filter).hasValue("Priya\u0000");
        assertThat(page.locator("vaadin-grid")).containsText("Priya Shah");
        assertNoAccessibilityViolations();
    }

    @Test
    void theTrustImportChecksEveryRowAsTheTrustFormDoesAndImportsNothing() throws SQLException {
        signInAs("region.admin@demo.example");
        open("admin/organisations/import");
        var csv = ("ods_code,name,trust_type,organisation_form,icb_ods_code,postcode\n"
                + "ZH2," + "Z".repeat(5_005) + ",acute,NHS trust,QKK,\n"
                + "ZH3,Postcode Test NHS Trust,acute,NHS trust,QKK,<script>alert(1)</script>\n"
                + "ZH4,Evil" + RIGHT_TO_LEFT_OVERRIDE + "exe.pdf NHS Trust,acute,NHS trust,QKK,\n"
                + "ZH5,Bell Test NHS Trust,acute,NHS trust,QKK,SE1\u00077EH\n"
                + "ZH6,Good Test NHS Trust,acute,NHS trust,QKK,SE1 7EH\n").getBytes(StandardCharsets.UTF_8);
        page.locator("vaadin-upload input[type=file]").setInputFiles(new FilePayload("trusts.csv", "text/csv", csv));

        assertThat(page.locator(".outcome")).containsText("5 rows, 4 with problems. Nothing will be imported");
        var grid = page.locator("vaadin-grid");
        assertThat(grid).containsText("Keep the name to 200 characters or fewer (it has 5,005).");
        assertThat(grid).containsText("Enter a UK postcode, for example SE1 9RT, or leave it empty.");
        assertThat(grid).containsText("The name column has a hidden character at position 5 that cannot be used");
        assertThat(grid).containsText("The postcode column has a hidden character at position 4 that cannot be used");
        assertThat(grid).containsText("Ready");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import these trusts"))).isHidden();
        assertThat(trustsCalledZh()).isZero();
        assertNoAccessibilityViolations();
    }

    @Test
    void theChangeFileImportRefusesALineWithAHiddenCharacter() {
        signInAs("region.admin@demo.example");
        open("admin/changes/import");
        var csv = ("effective_on,change,ods_code,name,short_name,from_ics,to_ics,region,successor\n"
                + "2027-04-01,TRUST_RENAMED,RJ1,Guy's" + RIGHT_TO_LEFT_OVERRIDE + " NHS Trust,,,,,\n")
                .getBytes(StandardCharsets.UTF_8);
        page.locator("vaadin-upload input[type=file]").setInputFiles(new FilePayload("changes.csv", "text/csv", csv));

        assertThat(page.locator(".outcome")).containsText("1 line: 0 to import, 0 already in the service, 1 with problems.");
        assertThat(page.locator("vaadin-grid")).containsText("The name column has a hidden character at position 6 that "
                + "cannot be used (a control character or one that changes the direction of text). Remove it.");
        assertNoAccessibilityViolations();
    }

    private long trustsCalledZh() throws SQLException {
        return database.owner().queryForObject("select count(*) from trust where ods_code like 'ZH%'", Long.class);
    }
}
