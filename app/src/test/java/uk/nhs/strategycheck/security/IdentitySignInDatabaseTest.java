package uk.nhs.strategycheck.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.TestDatabase;

/**
 * tenancy.sign_in_with_identity as the application role calls it: who the database lets in
 * through the identity provider, and what it links. Every person is a test user of their own.
 */
@IntegrationTest
class IdentitySignInDatabaseTest {

    private static final String ISSUER = "https://identity.test.example/cis2";

    @Autowired
    TestDatabase database;

    @Test
    void anInvitedAccountIsLinkedOnceByVerifiedEmailAndItsOpenInvitationIsUsedUp() throws SQLException {
        var email = newUser("TRUST_EDITOR");
        var owner = database.owner();
        owner.update("""
                insert into invitation (user_id, token_hash, expires_at)
                select id, encode(sha256(convert_to(?, 'UTF8')), 'hex'), now() + interval '7 days' from app_user where email = ?""",
                UUID.randomUUID().toString(), email);

        assertThat(signIn("subject-1", email.toUpperCase(), true)).isEqualTo("SIGNED_IN");
        assertThat(owner.queryForObject("select identity_subject from app_user where email = ?", String.class, email))
                .isEqualTo("subject-1");
        assertThat(owner.queryForObject("""
                select count(*) from invitation where user_id = (select id from app_user where email = ?) and used_at is null""",
                Long.class, email)).isZero();

        // From then on the subject signs in, whatever address the provider reports, unverified or none.
        assertThat(signIn("subject-1", null, false)).isEqualTo("SIGNED_IN");
        // Another identity with the same verified address may not take the account over.
        assertThat(signIn("subject-2", email, true)).isEqualTo("LINKED_ELSEWHERE");
        assertThat(owner.queryForObject("select identity_subject from app_user where email = ?", String.class, email))
                .isEqualTo("subject-1");
        assertThat(owner.queryForList("""
                select action from audit_event where entity_type = 'app_user'
                   and entity_id = (select id::text from app_user where email = ?) order by id""", String.class, email))
                .containsExactly("IDENTITY_LINKED", "SIGNED_IN", "SIGNED_IN", "SIGN_IN_FAILED");
    }

    @Test
    void nobodyIsLinkedWithoutAnInvitationOrAVerifiedEmailOrAnEnabledAccount() throws SQLException {
        assertThat(signIn("stranger-" + UUID.randomUUID(), "stranger." + UUID.randomUUID() + "@nhs.example", true))
                .isEqualTo("NOT_INVITED");

        var unverified = newUser("TRUST_VIEWER");
        assertThat(signIn("unverified-" + UUID.randomUUID(), unverified, false)).isEqualTo("EMAIL_NOT_VERIFIED");

        var disabled = newUser("TRUST_VIEWER");
        database.owner().update("update app_user set enabled = false where email = ?", disabled);
        assertThat(signIn("disabled-" + UUID.randomUUID(), disabled, true)).isEqualTo("DISABLED");

        assertThat(database.owner().queryForObject("""
                select count(*) from app_user where email in (?, ?) and identity_subject is not null""",
                Long.class, unverified, disabled)).isZero();
    }

    @Test
    void anAdminSigningInThroughTheProviderStillGivesTheSecurityCode() throws SQLException {
        var email = "identity.admin." + UUID.randomUUID() + "@test.example";
        var owner = database.owner();
        owner.update("""
                insert into app_user (email, display_name, home_region_id) select ?, 'Ida Admin', id from region where ods_code = 'Y56'""",
                email);
        owner.update("""
                insert into role_assignment (user_id, role, region_id)
                select u.id, 'REGION_ADMIN', r.id from app_user u, region r where u.email = ? and r.ods_code = 'Y56'""", email);

        assertThat(signIn("admin-" + UUID.randomUUID(), email, true)).isEqualTo("SECOND_FACTOR");
    }

    @Test
    void theApplicationRoleCannotLinkAnAccountByWritingItself() throws SQLException {
        var email = newUser("TRUST_VIEWER");
        try (var app = database.asApplication()) {
            var asApplication = new JdbcTemplate(new SingleConnectionDataSource(app, true));
            assertThatThrownBy(() -> asApplication.update(
                    "update app_user set identity_issuer = ?, identity_subject = 'forged', identity_linked_at = now() where email = ?",
                    ISSUER, email)).rootCause().hasMessageContaining("permission denied for table app_user");
        }
    }

    private String newUser(String role) throws SQLException {
        var email = "identity." + UUID.randomUUID() + "@test.example";
        database.trustUser(email, "Test Identity", role, "RJ1");
        database.owner().update("update app_user set password_hash = null where email = ?", email);
        return email;
    }

    private String signIn(String subject, String email, boolean verified) throws SQLException {
        try (var app = database.asApplication();
             var call = app.prepareStatement("select outcome from tenancy.sign_in_with_identity(?, ?, ?, ?)")) {
            call.setString(1, ISSUER);
            call.setString(2, subject);
            call.setString(3, email);
            call.setBoolean(4, verified);
            try (var outcome = call.executeQuery()) {
                outcome.next();
                return outcome.getString(1);
            }
        }
    }
}
