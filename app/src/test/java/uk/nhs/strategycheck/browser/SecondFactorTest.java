package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.strategycheck.TestDatabase;

/** Region and national admins sign in with a password and a code from an authenticator app (issue 10). */
class SecondFactorTest extends BrowserTest {

    /** These tests are about signing in, and switch roles and sign out: never a shared session. */
    @Override
    protected boolean reusesSessions() {
        return false;
    }


    @Autowired
    TestDatabase database;

    @Test
    void anAdminsPasswordAloneOpensNothingAndAWrongCodeIsRefused() {
        open("login");
        page.locator("input[name='username']").fill("national.admin@demo.example");
        page.locator("input[name='password']").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Enter your security code"))).isVisible();
        assertNoAccessibilityViolations();
        // Nowhere else to go until the code is given.
        open("admin/users");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Enter your security code"))).isVisible();

        page.getByLabel("Security code").fill("000000".equals(database.secondFactorCode("national.admin@demo.example"))
                ? "111111" : "000000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.getByText("That code is not right")).isVisible();

        page.getByLabel("Security code").fill(database.secondFactorCode("national.admin@demo.example"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Enter your security code"))).not().isVisible();
    }

    @Test
    void aNewAdminSetsUpTheirAppWithAQrCodeOrAKey() throws Exception {
        var owner = database.owner();
        database.trustUser("new.admin@test.example", "Nia New-Admin", "TRUST_VIEWER", "RJ1");
        owner.update("update app_user set totp_secret = null, totp_enrolled_at = null where email = 'new.admin@test.example'");
        owner.update("""
                insert into role_assignment (user_id, role, region_id)
                select u.id, 'REGION_ADMIN', r.id from app_user u, region r
                 where u.email = 'new.admin@test.example' and r.ods_code = 'Y56'
                on conflict do nothing""");

        open("login");
        page.locator("input[name='username']").fill("new.admin@test.example");
        page.locator("input[name='password']").fill(DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Set up your security code"))).isVisible();
        assertThat(page.getByAltText("QR code that adds Digital Strategy Check to an authenticator app")).isVisible();
        assertNoAccessibilityViolations();
        var key = page.locator(".second-factor-key").innerText().replace(" ", "");
        assertThat(key).matches(Pattern.compile("[A-Z2-7]{32}"));

        page.getByLabel("Security code").fill(new DefaultCodeGenerator().generate(key, Math.floorDiv(System.currentTimeMillis() / 1000, 30)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true))).isVisible();

        assertThat(owner.queryForObject("select totp_secret from app_user where email = 'new.admin@test.example'", String.class))
                .isEqualTo(key);
        assertThat(owner.queryForList("select action from audit_event where user_email = 'new.admin@test.example' "
                + "order by id desc limit 2", String.class)).containsExactly("SECOND_FACTOR_ENROLLED", "SIGNED_IN");
    }

    @Test
    void theDatabaseComputesTheSameCodesAsTheLibraryAndAPendingTokenEntersNoScope() throws Exception {
        var owner = database.owner();
        var generator = new DefaultCodeGenerator();
        for (int i = 0; i < 20; i++) {
            var secret = new DefaultSecretGenerator(32).generate();
            long step = 50_000_000L + i * 7919L;
            assertThat(owner.queryForObject("select tenancy.totp_code(?, ?)", String.class, secret, step))
                    .isEqualTo(generator.generate(secret, step));
        }
        long admin = owner.queryForObject("select id from app_user where email = 'region.admin@demo.example'", Long.class);
        long assignment = owner.queryForObject("select min(id) from role_assignment where user_id = ?", Long.class, admin);
        var pending = owner.queryForObject("select tenancy.issue_scope_token(?, true)", String.class, admin);
        try (var app = database.asApplication()) {
            app.setAutoCommit(false);
            try (var enter = app.prepareStatement("select tenancy.enter_scope(?, ?)")) {
                enter.setString(1, pending);
                enter.setLong(2, assignment);
                try (var level = enter.executeQuery()) {
                    level.next();
                    assertThat(level.getString(1)).isNull();
                }
            }
            assertThat(TestDatabase.count(app, "select count(*) from trust")).isZero();
            app.rollback();
        } catch (SQLException e) {
            throw e;
        }
    }
}
