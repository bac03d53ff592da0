package uk.nhs.strategycheck.security;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import uk.nhs.strategycheck.tenancy.Role;
import uk.nhs.strategycheck.tenancy.ScopeAssignment;

/**
 * Sign-in through security-definer functions: the database checks the password, counts
 * failures and issues a scope token; the application never reads a password hash. Everything
 * after sign-in goes by the token.
 */
@Repository
class SignInRepository {

    enum Outcome {
        SIGNED_IN, SECOND_FACTOR, REFUSED, THROTTLED,
        // Sign-in through an identity provider only: the provider has already proved who it is.
        NOT_INVITED, EMAIL_NOT_VERIFIED, LINKED_ELSEWHERE, DISABLED
    }

    record Attempt(Outcome outcome, String scopeToken, Account account) {
    }

    record Account(long id, String email, String displayName) {
    }

    /** A password sign-in's outcome and, when it signed the user in, their role assignments. */
    record PasswordAttempt(Attempt attempt, List<ScopeAssignment> assignments) {
    }

    private final DSLContext db;

    SignInRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Checks the password and, when it signs the user in, reads their role assignments in the same
     * statement: one round trip while the connection is held (047).
     */
    PasswordAttempt signIn(String email, String password, String clientAddress) {
        var rows = db.resultQuery("select * from tenancy.sign_in_with_assignments({0}, {1}, {2})",
                email, password, clientAddress).fetch();
        var first = rows.get(0);
        var userId = first.get("user_id", Long.class);
        var attempt = new Attempt(Outcome.valueOf(first.get("outcome", String.class)), first.get("token", String.class),
                userId == null ? null
                        : new Account(userId, first.get("email", String.class), first.get("display_name", String.class)));
        var assignments = rows.stream().filter(row -> row.get("assignment_id") != null)
                .map(SignInRepository::assignment).toList();
        return new PasswordAttempt(attempt, assignments);
    }

    /**
     * Signs in the account linked to the provider's subject, linking it first, at the person's
     * first sign-in, to the invited account with the provider's verified e-mail address.
     */
    Attempt signInWithIdentity(String issuer, String subject, String email, boolean emailVerified) {
        return db.select(field(name("outcome"), String.class), field(name("token"), String.class),
                        field(name("user_id"), Long.class), field(name("email"), String.class),
                        field(name("display_name"), String.class))
                .from(table("tenancy.sign_in_with_identity({0}, {1}, {2}, {3})", issuer, subject, email, emailVerified))
                .fetchSingle(r -> new Attempt(Outcome.valueOf(r.value1()), r.value2(),
                        r.value3() == null ? null : new Account(r.value3(), r.value4(), r.value5())));
    }

    /** The account a live token belongs to; empty once it has expired, been ended or the account disabled. */
    Optional<Account> findAccount(String scopeToken) {
        return db.select(field(name("id"), Long.class), field(name("email"), String.class),
                        field(name("display_name"), String.class))
                .from(table("tenancy.scope_account({0})", scopeToken))
                .fetchOptional(r -> new Account(r.value1(), r.value2(), r.value3()));
    }

    List<ScopeAssignment> findAssignments(String scopeToken) {
        return db.resultQuery("select * from tenancy.scope_assignments({0})", scopeToken)
                .fetch(SignInRepository::assignment);
    }

    private static ScopeAssignment assignment(Record r) {
        return new ScopeAssignment(
                r.get("assignment_id", Long.class),
                Role.valueOf(r.get("role", String.class)),
                r.get("region_id", Long.class), r.get("region_name", String.class),
                r.get("ics_id", Long.class), r.get("ics_ods_code", String.class), r.get("ics_name", String.class),
                r.get("trust_id", Long.class), r.get("trust_ods_code", String.class),
                r.get("trust_name", String.class));
    }

    /** ENROL or CODE while the token waits for its second factor; empty otherwise. */
    Optional<String> secondFactorNeeded(String scopeToken) {
        return Optional.ofNullable(db.select(field("tenancy.second_factor_needed({0})", String.class, scopeToken))
                .fetchSingle().value1());
    }

    /** The database checks the code (against the new secret at enrolment); true when it was right. */
    boolean passSecondFactor(String scopeToken, String code, String newSecret) {
        return db.select(field("tenancy.pass_second_factor({0}, {1}, {2})", Boolean.class, scopeToken, code, newSecret))
                .fetchSingle().value1();
    }

    void signOut(String scopeToken) {
        db.resultQuery("select tenancy.sign_out({0})", scopeToken).fetch();
    }
}
