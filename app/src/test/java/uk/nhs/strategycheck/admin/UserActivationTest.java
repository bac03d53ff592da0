package uk.nhs.strategycheck.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import uk.nhs.strategycheck.security.AccountService;
import org.springframework.security.crypto.password.PasswordEncoder;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestClock;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.tenancy.Role;

/**
 * The invitee's side: an activation link sets a password once, under the policy, and only
 * until it expires (moved past with the test clock).
 */
@IntegrationTest
class UserActivationTest {

    private static final String PASSWORD = "kettle orbit lantern 7";

    @Autowired
    UserAdminService service;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;
    @Autowired
    TestClock clock;
    @Autowired
    GreenMail mail;
    @Autowired
    AccountService accounts;
    @Autowired
    PasswordEncoder passwords;

    private JdbcTemplate owner;

    @BeforeEach
    void owner() throws SQLException {
        owner = database.owner();
    }

    @AfterEach
    void signOutAndResetTheClock() {
        signIn.out();
        clock.reset();
    }

    @Test
    void aLinkSetsThePasswordOnceAndIsAudited() {
        var token = invite("once@test.example", "Olive Once");

        var check = service.checkInvitation(token);
        assertThat(check.state()).isEqualTo(InvitationCheck.State.VALID);
        assertThat(check.email()).isEqualTo("once@test.example");
        assertThat(check.displayName()).isEqualTo("Olive Once");

        service.activate(token, PASSWORD, PASSWORD);

        var hash = owner.queryForObject("select password_hash from app_user where email = 'once@test.example'",
                String.class);
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(passwords.matches(PASSWORD, hash)).isTrue();
        // The new password signs in, through the database's check.
        var account = accounts.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("once@test.example", PASSWORD))
                .getPrincipal();
        assertThat(((uk.nhs.strategycheck.security.SignedInUser) account).getAuthorities()).extracting(Object::toString).containsExactly("ROLE_TRUST_EDITOR");
        assertThat(owner.queryForMap("""
                select e.user_email, r.ods_code as region, e.after ->> 'status' as status from audit_event e
                  join region r on r.id = e.region_id
                 where e.action = 'ACCOUNT_ACTIVATED' and e.user_email = 'once@test.example'"""))
                .containsEntry("region", "Y56").containsEntry("status", "ACTIVE");

        assertThat(service.checkInvitation(token).state()).isEqualTo(InvitationCheck.State.USED);
        assertThatThrownBy(() -> service.activate(token, "another long passphrase", "another long passphrase"))
                .isInstanceOf(AdminProblem.class)
                .hasMessage(InvitationCheck.State.USED.explanation());
        assertThat(owner.queryForObject("select password_hash from app_user where email = 'once@test.example'",
                String.class)).isEqualTo(hash);

        signIn.as("region.admin@demo.example");
        assertThat(service.user(account instanceof uk.nhs.strategycheck.security.SignedInUser user ? user.id() : -1)
                .orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void aLinkExpiresAfterSevenDays() {
        var token = invite("late@test.example", "Larry Late");

        clock.set(Instant.now().plus(Duration.ofDays(6)));
        assertThat(service.checkInvitation(token).state()).isEqualTo(InvitationCheck.State.VALID);
        clock.set(Instant.now().plus(Duration.ofDays(7)).plus(Duration.ofMinutes(5)));
        assertThat(service.checkInvitation(token).state()).isEqualTo(InvitationCheck.State.EXPIRED);
        assertThatThrownBy(() -> service.activate(token, PASSWORD, PASSWORD))
                .isInstanceOf(AdminProblem.class)
                .hasMessage("This activation link has expired: invitation links work for 7 days. "
                        + "Ask your admin to send you a new one.");
        assertThat(owner.queryForObject("select password_hash from app_user where email = 'late@test.example'",
                String.class)).isNull();

        // The admin sends a new link; the old one stays dead.
        clock.reset();
        signIn.as("region.admin@demo.example");
        long id = owner.queryForObject("select id from app_user where email = 'late@test.example'", Long.class);
        var before = service.user(id).orElseThrow();
        assertThat(before.status()).isEqualTo(UserStatus.INVITED);
        service.resendInvitation(id);
        signIn.out();
        var fresh = InvitationMail.tokenSentTo(mail, "late@test.example");
        assertThat(fresh).isNotEqualTo(token);
        service.activate(fresh, PASSWORD, PASSWORD);
        assertThat(service.checkInvitation(token).state()).isNotEqualTo(InvitationCheck.State.VALID);
    }

    @Test
    void aResentInvitationRetiresTheEarlierLink() {
        var first = invite("twice@test.example", "Tess Twice");
        signIn.as("region.admin@demo.example");
        long id = owner.queryForObject("select id from app_user where email = 'twice@test.example'", Long.class);
        service.resendInvitation(id);
        signIn.out();
        var second = InvitationMail.tokenSentTo(mail, "twice@test.example");

        assertThat(service.checkInvitation(first).state()).isEqualTo(InvitationCheck.State.EXPIRED);
        assertThat(service.checkInvitation(second).state()).isEqualTo(InvitationCheck.State.VALID);
    }

    @Test
    void thePasswordMustMeetThePolicyAndMatchItsConfirmation() {
        var token = invite("policy.person@test.example", "Polly Policy");

        assertPasswordRefused(token, "", "password", "Enter a password.");
        // Both boxes are checked at once, so the page can list every error together.
        assertThatThrownBy(() -> service.activate(token, "short one", ""))
                .isInstanceOfSatisfying(AdminProblem.Invalid.class, e -> assertThat(e.errors()).containsExactly(
                        new AdminProblem.FieldError("password", "Your password is 9 characters long. Use at least 12 "
                                + "characters."),
                        new AdminProblem.FieldError("confirmation", "Type your new password again.")));
        assertPasswordRefused(token, "short one", "password",
                "Your password is 9 characters long. Use at least 12 characters.");
        assertPasswordRefused(token, "policy.person@test.example", "password",
                "Your password must not be your email address.");
        assertPasswordRefused(token, "Policy.Person", "password", "Your password must not be your email address.");
        assertPasswordRefused(token, "Password1234", "password",
                "That is a commonly used password, so it is easy to guess. Choose another, such as three random words.");
        assertPasswordRefused(token, "aaaaaaaaaaaaaaa", "password",
                "That is a commonly used password, so it is easy to guess. Choose another, such as three random words.");
        assertPasswordRefused(token, "x".repeat(10) + " ".repeat(3) + "y".repeat(60), "password",
                "Your password is 73 characters long. Use 64 characters or fewer.");
        assertThatThrownBy(() -> service.activate(token, PASSWORD, PASSWORD + "!"))
                .isInstanceOfSatisfying(AdminProblem.Invalid.class, e -> {
                    assertThat(e.field()).isEqualTo("confirmation");
                    assertThat(e.getMessage()).isEqualTo("The passwords do not match. Type the same password in both boxes.");
                });
        assertThat(service.checkInvitation(token).state()).isEqualTo(InvitationCheck.State.VALID);

        // Spaces, digits and letters only: a passphrase is fine.
        service.activate(token, "correct horse 42 staple", "correct horse 42 staple");
        assertThat(service.checkInvitation(token).state()).isEqualTo(InvitationCheck.State.USED);
    }

    @Test
    void aDisabledInviteeCannotActivate() {
        var token = invite("stopped@test.example", "Stan Stopped");
        signIn.as("region.admin@demo.example");
        long id = owner.queryForObject("select id from app_user where email = 'stopped@test.example'", Long.class);
        service.disable(id);
        signIn.out();

        assertThat(service.checkInvitation(token).state()).isEqualTo(InvitationCheck.State.DISABLED);
        assertThatThrownBy(() -> service.activate(token, PASSWORD, PASSWORD)).isInstanceOf(AdminProblem.class)
                .hasMessage(InvitationCheck.State.DISABLED.explanation());
    }

    @Test
    void anUnknownOrMangledLinkIsNotRecognised() {
        assertThat(service.checkInvitation("A".repeat(43)).state()).isEqualTo(InvitationCheck.State.UNKNOWN);
        assertThat(service.checkInvitation("short").state()).isEqualTo(InvitationCheck.State.UNKNOWN);
        assertThat(service.checkInvitation("x'; drop table invitation; --").state())
                .isEqualTo(InvitationCheck.State.UNKNOWN);
        assertThat(service.checkInvitation(null).state()).isEqualTo(InvitationCheck.State.UNKNOWN);
        assertThatThrownBy(() -> service.activate("A".repeat(43), PASSWORD, PASSWORD))
                .isInstanceOf(AdminProblem.class).hasMessage(InvitationCheck.State.UNKNOWN.explanation());
    }

    @Test
    void theDatabaseRefusesAnExpiredOrUsedInvitationWhateverTheCallerSaysTheTimeIs() {
        var token = invite("db.check@test.example", "Deb Check");
        var hash = UserAdminService.hash(token);
        owner.update("update invitation set expires_at = now() - interval '1 minute' where token_hash = ?", hash);
        try (var app = database.asApplication()) {
            var refused = app.prepareStatement("select tenancy.activate_account(?, '{noop}x', now() - interval '1 day')");
            refused.setString(1, hash);
            try (var result = refused.executeQuery()) {
                result.next();
                assertThat(result.getString(1)).isEqualTo("EXPIRED");
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        assertThat(owner.queryForObject("select password_hash from app_user where email = 'db.check@test.example'",
                String.class)).isNull();
    }

    /** Invites a Croydon editor as the London region admin; returns the token from the email. */
    private String invite(String email, String name) {
        signIn.as("region.admin@demo.example");
        var croydon = service.organisationsFor(Role.TRUST_EDITOR).stream().filter(t -> "RJ6".equals(t.odsCode()))
                .findFirst().orElseThrow();
        service.invite(new InvitationDraft(email, name, Role.TRUST_EDITOR, croydon));
        signIn.out();
        return InvitationMail.tokenSentTo(mail, email);
    }

    private void assertPasswordRefused(String token, String password, String field, String message) {
        assertThatThrownBy(() -> service.activate(token, password, password))
                .isInstanceOfSatisfying(AdminProblem.Invalid.class,
                        e -> assertThat(e.errors()).first().isEqualTo(new AdminProblem.FieldError(field, message)));
    }
}
