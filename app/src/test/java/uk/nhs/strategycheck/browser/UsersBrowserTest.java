package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.admin.InvitationMail;

/**
 * A region admin onboards a new trust: creates it, invites its editor; the invitee sets a
 * password from the e-mail (captured by GreenMail), signs in and sees the new trust; the
 * audit log shows every step.
 */
class UsersBrowserTest extends BrowserTest {

    private static final String INVITEE = "chris.wandle@test.example";
    private static final String TRUST = "Wandle Valley Test NHS Trust";
    private static final String PASSWORD = "purple kettle harbour 42";

    @Autowired
    GreenMail mail;
    @Autowired
    TestDatabase database;

    /** Other tests count England's 202 open trusts: the new trust and its editor go again. */
    @AfterEach
    void removeTheNewTrustAndItsEditor() throws SQLException {
        var owner = database.owner();
        owner.update("""
                delete from audit_event where trust_id in (select id from trust where ods_code = 'ZW1')
                   or user_id in (select id from app_user where email = ?)""", INVITEE);
        owner.update("delete from app_user where email = ?", INVITEE);
        owner.update("delete from trust where ods_code = 'ZW1'");
    }

    @Test
    void aRegionAdminCreatesATrustAndInvitesItsEditorWhoSetsAPasswordSignsInAndSeesIt() {
        signInAs("region.admin@demo.example");

        // The new trust.
        open("admin/organisations");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New trust")).click();
        var trustForm = page.locator("vaadin-dialog-overlay");
        trustForm.getByLabel("Integrated care system").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("South West London (QWE)")).click();
        trustForm.getByLabel("ODS code").fill("ZW1");
        trustForm.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill(TRUST);
        trustForm.getByLabel("Trust type").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("community")).click();
        trustForm.getByLabel("Organisation form").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("NHS trust").setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save trust")).click();
        assertThat(page.locator(".outcome")).containsText("Created " + TRUST + " (ZW1).");

        open("admin/users");
        assertThat(heading(page)).hasText("Users");
        assertThat(page.locator("vaadin-grid")).containsText("Priya Shah");
        assertNoAccessibilityViolations();

        // The invitation, through the dialog.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite a user")).click();
        var dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Invite a user"));
        assertThat(dialog).isVisible();
        assertNoAccessibilityViolations();
        dialog.getByLabel("E-mail address").fill("not an e-mail address");
        dialog.getByLabel("Full name").fill("Chris Wandle");
        dialog.locator("vaadin-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Trust editor")).click();
        var organisation = dialog.getByLabel("Organisation");
        organisation.fill("ZW1");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(TRUST + " (ZW1)")).click();
        sendInvitation(dialog);
        // Refused, with what was typed kept.
        assertThat(dialog).containsText("Enter an e-mail address in the correct format, like name@nhs.net");
        assertThat(dialog.getByLabel("Full name")).hasValue("Chris Wandle");
        assertNoAccessibilityViolations();
        dialog.getByLabel("E-mail address").fill(INVITEE);
        sendInvitation(dialog);
        assertThat(dialog).isHidden();
        assertThat(page.locator(".outcome")).containsText("Invitation sent to " + INVITEE);
        page.getByLabel("Name or e-mail address").fill("chris.wandle");
        assertThat(page.getByText("1 user", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.locator("vaadin-grid")).containsText("Invited, link valid until");
        assertThat(page.locator("vaadin-grid")).containsText("Trust editor, " + TRUST + " (ZW1)");

        // The invitee opens the link from the e-mail, in their own browser.
        var token = InvitationMail.tokenSentTo(mail, INVITEE);
        var invitee = pageInNewContext();
        invitee.navigate(url("activate/" + token));
        assertThat(heading(invitee)).hasText("Set up your account");
        assertThat(invitee.getByLabel("E-mail address")).hasValue(INVITEE);
        assertThat(invitee.getByRole(AriaRole.MAIN)).containsText("at least 12 characters long");
        assertThat(invitee.getByRole(AriaRole.MAIN)).containsText("not your e-mail address");
        assertNoAccessibilityViolations(invitee);
        invitee.getByLabel("New password").fill("too short");
        invitee.getByLabel("Type the password again").fill("too short");
        setPassword(invitee);
        assertThat(invitee.getByRole(AriaRole.MAIN))
                .containsText("Your password is 9 characters long. Use at least 12 characters.");
        assertThat(invitee.getByLabel("New password")).hasValue("too short");
        assertNoAccessibilityViolations(invitee);
        invitee.getByLabel("New password").fill(PASSWORD);
        invitee.getByLabel("Type the password again").fill(PASSWORD);
        setPassword(invitee);
        assertThat(heading(invitee)).hasText("Your account is ready");
        assertNoAccessibilityViolations(invitee);

        invitee.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in")).click();
        invitee.locator("input[name='username']").fill(INVITEE);
        invitee.locator("input[name='password']").fill(PASSWORD);
        invitee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(heading(invitee)).hasText(TRUST);
        assertThat(invitee.getByRole(AriaRole.MAIN)).containsText("South West London (QWE)");
        assertThat(invitee.locator(".active-scope")).containsText("Trust editor");

        // The link works once.
        var again = pageInNewContext();
        again.navigate(url("activate/" + token));
        assertThat(heading(again)).hasText("Your account is already set up");
        assertNoAccessibilityViolations(again);

        // The admin sees the account active, and every step in the audit log.
        open("admin/users");
        page.getByLabel("Name or e-mail address").fill("chris.wandle");
        assertThat(page.locator("vaadin-grid")).containsText("Active");
        open("admin/audit");
        assertThat(heading(page)).hasText("Audit log");
        var log = page.locator("vaadin-grid");
        assertThat(log).containsText("ACCOUNT_ACTIVATED");
        assertThat(log).containsText("USER_INVITED");
        assertThat(log).containsText("ROLE_ASSIGNED");
        assertThat(log).containsText("TRUST_CREATED");
        assertThat(log).containsText("Chris Wandle (" + INVITEE + ")");
        assertThat(log).containsText(TRUST + " (ZW1)");
    }

    @Test
    void anUnknownLinkSaysSoAndTheRolesDialogIsAccessible() {
        var stranger = pageInNewContext();
        stranger.navigate(url("activate/" + "x".repeat(43)));
        assertThat(heading(stranger)).hasText("This link cannot be used");
        assertThat(stranger.getByRole(AriaRole.MAIN)).containsText("This activation link is not recognised.");
        assertNoAccessibilityViolations(stranger);

        signInAs("region.admin@demo.example");
        open("admin/users");
        page.getByLabel("Name or e-mail address").fill("viewer@demo.example");
        assertThat(page.getByText("2 users", new Page.GetByTextOptions().setExact(true))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Roles of Grace Lee")).click();
        var dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Roles of Grace Lee"));
        assertThat(dialog).containsText("Trust viewer, Guy's and St Thomas' NHS Foundation Trust (RJ1)");
        assertNoAccessibilityViolations();
    }

    /** Sends the invitation from the keyboard, as a keyboard user would. */
    private static void sendInvitation(Locator dialog) {
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send invitation")).press("Enter");
    }

    private static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    private static void setPassword(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
    }
}
