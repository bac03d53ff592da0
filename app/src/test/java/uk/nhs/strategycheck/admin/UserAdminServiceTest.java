package uk.nhs.strategycheck.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.nhs.strategycheck.TestDatabase.count;
import static uk.nhs.strategycheck.TestDatabase.enterScope;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.tenancy.Role;
import uk.nhs.strategycheck.tenancy.ScopeLevel;

/**
 * Users for admins, against PostgreSQL as the application role: a region admin invites,
 * assigns, disables and unlocks within London only, never in the North West, through the
 * service and through SQL; a national admin everywhere. Uses its own users.
 */
@IntegrationTest
class UserAdminServiceTest {

    private static final String NORTH_WEST_USER = "r0a.viewer@test.example";
    private static final String LONDON_USER = "rj6.viewer@test.example";

    @Autowired
    UserAdminService service;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;
    @Autowired
    GreenMail mail;

    private JdbcTemplate owner;
    private long northWestUser;
    private long londonUser;

    @BeforeEach
    void users() throws SQLException {
        database.trustUser(NORTH_WEST_USER, "Nora West", "TRUST_VIEWER", "R0A");
        database.trustUser(LONDON_USER, "Leo London", "TRUST_VIEWER", "RJ6");
        owner = database.owner();
        northWestUser = userId(NORTH_WEST_USER);
        londonUser = userId(LONDON_USER);
        owner.update("update app_user set enabled = true, failed_sign_ins = 0, locked_until = null where id in (?, ?)",
                northWestUser, londonUser);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void aRegionAdminInvitesAnEditorForALondonTrust() {
        signIn.as("region.admin@demo.example");
        var croydon = trust(Role.TRUST_EDITOR, "RJ6");

        var invited = service.invite(new InvitationDraft("  Cara.Croydon@Test.Example ", "Cara  Croydon",
                Role.TRUST_EDITOR, croydon));

        assertThat(invited.email()).isEqualTo("cara.croydon@test.example");
        assertThat(invited.displayName()).isEqualTo("Cara Croydon");
        assertThat(invited.status()).isEqualTo(UserStatus.INVITED);
        assertThat(invited.managed()).isTrue();
        assertThat(invited.assignments()).extracting(UserAssignment::label)
                .containsExactly("Trust editor, Croydon Health Services NHS Trust (RJ6)");
        assertThat(invited.invitationExpires()).isCloseTo(Instant.now().plus(Duration.ofDays(7)),
                org.assertj.core.api.Assertions.within(Duration.ofMinutes(1)));

        var account = owner.queryForMap("""
                select u.password_hash, u.enabled, r.ods_code as home_region
                  from app_user u join region r on r.id = u.home_region_id where u.email = 'cara.croydon@test.example'""");
        assertThat(account).containsEntry("password_hash", null).containsEntry("enabled", true)
                .containsEntry("home_region", "Y56");

        // The email carries a token; the database holds only its SHA-256 hash.
        var email = InvitationMail.newestTo(mail, "cara.croydon@test.example");
        assertThat(GreenMailUtil.getBody(email)).contains("Ruth Evans has invited you")
                .contains("Croydon Health Services NHS Trust (RJ6)").contains("at least 12 characters");
        var token = InvitationMail.tokenSentTo(mail, "cara.croydon@test.example");
        var stored = owner.queryForObject("""
                select i.token_hash from invitation i join app_user u on u.id = i.user_id
                 where u.email = 'cara.croydon@test.example'""", String.class);
        assertThat(stored).isEqualTo(UserAdminService.hash(token)).doesNotContain(token);

        assertThat(owner.queryForList("""
                select e.action from audit_event e join region r on r.id = e.region_id
                 where r.ods_code = 'Y56' and e.user_email = 'region.admin@demo.example'
                   and 'cara.croydon@test.example' in (e.after ->> 'email', e.after ->> 'user')
                 order by e.id""", String.class)).containsExactly("USER_INVITED", "ROLE_ASSIGNED");

        assertThat(service.users(new UserFilter("cara", "RJ6", Role.TRUST_EDITOR, UserStatus.INVITED), 0, 10))
                .extracting(ManagedUser::email).containsExactly("cara.croydon@test.example");
    }

    @Test
    void aRegionAdminCannotInviteOrAssignForAnotherRegion() {
        signIn.as("region.admin@demo.example");
        var northWestTrust = nonLondonTrust(Role.TRUST_EDITOR, "R0A");
        assertThat(service.organisationsFor(Role.TRUST_EDITOR)).extracting(AssignmentTarget::odsCode)
                .contains("RJ6").doesNotContain("R0A");
        assertThat(service.organisationsFor(Role.REGION_ADMIN)).extracting(AssignmentTarget::label)
                .containsExactly("London region");
        assertThat(service.assignableRoles()).doesNotContain(Role.NATIONAL_ADMIN);

        assertThatThrownBy(() -> service.invite(new InvitationDraft("nw.invitee@test.example", "Nina West",
                Role.TRUST_EDITOR, northWestTrust))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.invite(new InvitationDraft("nw.invitee@test.example", "Nina West",
                Role.NATIONAL_ADMIN, AssignmentTarget.ENGLAND))).isInstanceOf(AccessDeniedException.class);
        assertThat(owner.queryForObject("select count(*) from app_user where email = 'nw.invitee@test.example'",
                Long.class)).isZero();

        assertThatThrownBy(() -> service.assign(londonUser, Role.TRUST_EDITOR, northWestTrust))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.assign(northWestUser, Role.TRUST_EDITOR, trust(Role.TRUST_EDITOR, "RJ6")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(owner.queryForObject("""
                select count(*) from role_assignment where user_id in (?, ?) and role = 'TRUST_EDITOR'""",
                Long.class, londonUser, northWestUser)).isZero();
    }

    @Test
    void aRegionAdminCannotReadOrChangeAnotherRegionsUsers() {
        signIn.as("region.admin@demo.example");
        long northWestAssignment = owner.queryForObject("select id from role_assignment where user_id = ?",
                Long.class, northWestUser);

        assertThat(service.users(new UserFilter("test.example", null, null, null), 0, 1000))
                .extracting(ManagedUser::email).contains(LONDON_USER).doesNotContain(NORTH_WEST_USER);
        assertThat(service.users(new UserFilter(NORTH_WEST_USER, null, null, null), 0, 10)).isEmpty();
        assertThat(service.count(new UserFilter(NORTH_WEST_USER, null, null, null))).isZero();
        assertThat(service.users(new UserFilter(null, "R0A", null, null), 0, 10)).isEmpty();
        assertThat(service.user(northWestUser)).isEmpty();

        owner.update("update app_user set failed_sign_ins = 5, locked_until = now() + interval '10 minutes' where id = ?",
                northWestUser);
        assertThatThrownBy(() -> service.disable(northWestUser)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.enable(northWestUser)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.unlock(northWestUser)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.resendInvitation(northWestUser)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.removeAssignment(northWestUser, northWestAssignment))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(owner.queryForMap("select enabled, failed_sign_ins from app_user where id = ?", northWestUser))
                .containsEntry("enabled", true).containsEntry("failed_sign_ins", 5);
        assertThat(owner.queryForObject("select count(*) from role_assignment where id = ?", Long.class,
                northWestAssignment)).isEqualTo(1);
    }

    @Test
    void aUserOfAnotherRegionWithARoleInLondonShowsOnlyTheirLondonRoleAndIsNotManagedByLondon() throws SQLException {
        database.trustUser("r0a.and.rj6@test.example", "Dual Person", "TRUST_VIEWER", "R0A");
        database.trustUser("r0a.and.rj6@test.example", "Dual Person", "TRUST_VIEWER", "RJ6");
        long dual = userId("r0a.and.rj6@test.example");
        signIn.as("region.admin@demo.example");

        var seen = service.user(dual).orElseThrow();
        assertThat(seen.managed()).isFalse();
        assertThat(seen.homeRegionName()).isEqualTo("North West");
        assertThat(seen.assignments()).extracting(UserAssignment::label)
                .containsExactly("Trust viewer, Croydon Health Services NHS Trust (RJ6)");
        assertThatThrownBy(() -> service.disable(dual)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRegionAdminCannotDisableALondonAccountThatAlsoHoldsANationalRole() throws SQLException {
        database.trustUser("london.national@test.example", "Nia National", "TRUST_VIEWER", "RJ6");
        long both = userId("london.national@test.example");
        owner.update("insert into role_assignment (user_id, role) values (?, 'NATIONAL_ADMIN') on conflict do nothing", both);
        signIn.as("region.admin@demo.example");

        assertThat(service.user(both).orElseThrow().managed()).isFalse();
        assertThatThrownBy(() -> service.disable(both)).isInstanceOf(AccessDeniedException.class);
        assertThat(owner.queryForObject("select enabled from app_user where id = ?", Boolean.class, both)).isTrue();
    }

    @Test
    void aNationalAdminManagesEveryRegion() {
        signIn.as("national.admin@demo.example");
        assertThat(service.users(new UserFilter(NORTH_WEST_USER, null, null, null), 0, 10))
                .extracting(ManagedUser::managed).containsExactly(true);
        assertThat(service.assignableRoles()).contains(Role.NATIONAL_ADMIN);

        service.disable(northWestUser);
        assertThat(service.user(northWestUser).orElseThrow().status()).isEqualTo(UserStatus.DISABLED);
        service.enable(northWestUser);
        assertThat(service.user(northWestUser).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);

        var invited = service.invite(new InvitationDraft("nw.editor@test.example", "Ned West", Role.TRUST_EDITOR,
                nonLondonTrust(Role.TRUST_EDITOR, "R0A")));
        assertThat(invited.homeRegionName()).isEqualTo("North West");
        assertThat(invited.assignments()).extracting(UserAssignment::organisation)
                .containsExactly("Manchester University NHS Foundation Trust (R0A)");
    }

    @Test
    void theApplicationRoleCannotReadOrWriteAnotherRegionsInvitationsInARegionScope() throws SQLException {
        long invitation = owner.queryForObject("""
                insert into invitation (user_id, token_hash, expires_at)
                values (?, encode(sha256('north west fixture'::bytea), 'hex'), now() + interval '7 days')
                on conflict (token_hash) do update set used_at = null returning id""", Long.class, northWestUser);
        long londonInvitation = owner.queryForObject("""
                insert into invitation (user_id, token_hash, expires_at)
                values (?, encode(sha256('london fixture'::bytea), 'hex'), now() + interval '7 days')
                on conflict (token_hash) do update set used_at = null returning id""", Long.class, londonUser);
        long[] regionAdmin = owner.queryForObject("""
                select u.id, ra.id from app_user u join role_assignment ra on ra.user_id = u.id
                 where u.email = 'region.admin@demo.example'""", (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)});

        try (var app = database.asApplication()) {
            app.setAutoCommit(false);
            enterScope(app, regionAdmin);
            assertThat(count(app, "select count(*) from invitation where id = " + invitation)).isZero();
            assertThat(count(app, "select count(*) from invitation where id = " + londonInvitation)).isEqualTo(1);
            assertThat(app.createStatement().executeUpdate(
                    "update invitation set used_at = now() where id = " + invitation)).isZero();
            assertThat(app.createStatement().executeUpdate(
                    "update app_user set enabled = false where id = " + northWestUser)).isZero();
            assertThatThrownBy(() -> app.createStatement().execute("""
                    insert into invitation (user_id, token_hash, expires_at, created_by)
                    values (%d, encode(sha256('refused'::bytea), 'hex'), now() + interval '7 days', %d)"""
                    .formatted(northWestUser, regionAdmin[0])))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            app.rollback();

            // Moving a London invitation to a North West user is refused too.
            enterScope(app, regionAdmin);
            assertThatThrownBy(() -> app.createStatement().executeUpdate(
                    "update invitation set user_id = %d where id = %d".formatted(northWestUser, londonInvitation)))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            app.rollback();
        }
        assertThat(owner.queryForObject("select used_at from invitation where id = ?", OffsetDateTime.class, invitation))
                .isNull();
        owner.update("delete from invitation where id in (?, ?)", invitation, londonInvitation);
    }

    @Test
    void unlockingClearsTheLockAndIsAudited() {
        owner.update("update app_user set failed_sign_ins = 5, locked_until = now() + interval '15 minutes' where id = ?",
                londonUser);
        signIn.as("region.admin@demo.example");
        var locked = service.user(londonUser).orElseThrow();
        assertThat(locked.status()).isEqualTo(UserStatus.LOCKED);
        assertThat(locked.unlockable()).isTrue();
        assertThat(service.users(new UserFilter(LONDON_USER, null, null, UserStatus.LOCKED), 0, 10)).hasSize(1);

        service.unlock(londonUser);

        assertThat(service.user(londonUser).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(owner.queryForMap("select failed_sign_ins, locked_until from app_user where id = ?", londonUser))
                .containsEntry("failed_sign_ins", 0).containsEntry("locked_until", null);
        assertThat(lastAudit("ACCOUNT_UNLOCKED")).contains("\"failedSignIns\": 5");
        assertThatThrownBy(() -> service.unlock(londonUser)).isInstanceOf(AdminProblem.class)
                .hasMessage("Leo London's account is not locked.");
    }

    @Test
    void disablingStopsSignInAndEnablingRestoresIt() {
        signIn.as("region.admin@demo.example");
        service.disable(londonUser);
        assertThat(service.user(londonUser).orElseThrow().status()).isEqualTo(UserStatus.DISABLED);
        assertThat(owner.queryForObject("select enabled from app_user where id = ?", Boolean.class, londonUser)).isFalse();
        assertThat(lastAudit("USER_DISABLED")).contains("\"status\": \"DISABLED\"");
        assertThatThrownBy(() -> service.disable(londonUser)).isInstanceOf(AdminProblem.class);

        service.enable(londonUser);
        assertThat(service.user(londonUser).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(lastAudit("USER_ENABLED")).contains("\"status\": \"ACTIVE\"");

        long admin = userId("region.admin@demo.example");
        assertThatThrownBy(() -> service.disable(admin)).isInstanceOf(AdminProblem.class)
                .hasMessage("You cannot disable your own account.");
    }

    @Test
    void aRoleIsAddedAndRemovedWithinTheRegion() {
        signIn.as("region.admin@demo.example");
        var seLondon = service.organisationsFor(Role.ICS_LEADER).stream().filter(t -> "QKK".equals(t.odsCode()))
                .findFirst().orElseThrow();

        var added = service.assign(londonUser, Role.ICS_LEADER, seLondon);
        assertThat(added.label()).isEqualTo("ICS leader, South East London ICS (QKK)");
        assertThat(service.user(londonUser).orElseThrow().assignments()).extracting(UserAssignment::label)
                .containsExactly("ICS leader, South East London ICS (QKK)",
                        "Trust viewer, Croydon Health Services NHS Trust (RJ6)");
        assertThatThrownBy(() -> service.assign(londonUser, Role.ICS_LEADER, seLondon))
                .isInstanceOf(AdminProblem.class)
                .hasMessage("Leo London is already an ICS leader at South East London ICS (QKK).");
        assertThatThrownBy(() -> service.assign(londonUser, Role.TRUST_EDITOR, seLondon))
                .isInstanceOfSatisfying(AdminProblem.Invalid.class, e -> assertThat(e.field()).isEqualTo("organisation"));

        service.removeAssignment(londonUser, added.id());
        assertThat(service.user(londonUser).orElseThrow().assignments()).hasSize(1);
        assertThat(lastAudit("ROLE_REMOVED")).contains("ICS_LEADER");
        assertThatThrownBy(() -> service.removeAssignment(londonUser, added.id())).isInstanceOf(AdminProblem.class);

        long admin = userId("region.admin@demo.example");
        long own = owner.queryForObject("select id from role_assignment where user_id = ?", Long.class, admin);
        assertThatThrownBy(() -> service.removeAssignment(admin, own)).isInstanceOf(AdminProblem.class)
                .hasMessage("You cannot remove the role you are using now. Ask another admin to do it.");
    }

    @Test
    void anInvitationNeedsAValidNewAddressANameAndARole() {
        signIn.as("region.admin@demo.example");
        var croydon = trust(Role.TRUST_EDITOR, "RJ6");
        assertInvalid(new InvitationDraft("not an address", "Name", Role.TRUST_EDITOR, croydon), "email",
                "Enter an email address in the correct format, like name@nhs.net.");
        assertInvalid(new InvitationDraft("", "Name", Role.TRUST_EDITOR, croydon), "email",
                "Enter the email address of the person to invite.");
        assertInvalid(new InvitationDraft("new.person@test.example", " ", Role.TRUST_EDITOR, croydon), "name",
                "Enter the person's full name.");
        assertInvalid(new InvitationDraft("new.person@test.example", "Name", null, croydon), "role", "Choose a role.");
        assertInvalid(new InvitationDraft("new.person@test.example", "Name", Role.TRUST_EDITOR, null), "organisation",
                "Choose the organisation the role is for.");
        assertInvalid(new InvitationDraft(LONDON_USER, "Name", Role.TRUST_EDITOR, croydon), "email",
                "There is already an account for " + LONDON_USER
                        + ". Find it in the list of users and add a role to it instead.");
        assertInvalid(new InvitationDraft(NORTH_WEST_USER, "Name", Role.TRUST_EDITOR, croydon), "email",
                "There is already an account for " + NORTH_WEST_USER
                        + ", managed by another region. Ask a national admin to give it a role in yours.");
    }

    @Test
    void onlyAdminsManageUsers() {
        signIn.as("ics.leader@demo.example");
        assertThatThrownBy(() -> service.users(UserFilter.none(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.disable(londonUser)).isInstanceOf(AccessDeniedException.class);
        signIn.out();
        assertThatThrownBy(() -> service.count(UserFilter.none())).isInstanceOf(AccessDeniedException.class);
    }

    private void assertInvalid(InvitationDraft draft, String field, String message) {
        assertThatThrownBy(() -> service.invite(draft))
                .isInstanceOfSatisfying(AdminProblem.Invalid.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    private AssignmentTarget trust(Role role, String odsCode) {
        return service.organisationsFor(role).stream().filter(t -> odsCode.equals(t.odsCode())).findFirst()
                .orElseThrow();
    }

    /** A trust outside London, as a tampered or stale form might send it. */
    private AssignmentTarget nonLondonTrust(Role role, String odsCode) {
        return owner.queryForObject("""
                select t.id, t.ics_id, i.region_id, t.name from trust t join ics i on i.id = t.ics_id
                 where t.ods_code = ?""", (rs, row) -> new AssignmentTarget(ScopeLevel.TRUST, rs.getLong(3),
                rs.getLong(2), rs.getLong(1), rs.getString(4), odsCode), odsCode);
    }

    private long userId(String email) {
        return owner.queryForObject("select id from app_user where email = ?", Long.class, email);
    }

    private String lastAudit(String action) {
        return owner.queryForObject("""
                select coalesce(before::text, '') || ' ' || coalesce(after::text, '') from audit_event
                 where action = ? order by id desc limit 1""", String.class, action);
    }
}
