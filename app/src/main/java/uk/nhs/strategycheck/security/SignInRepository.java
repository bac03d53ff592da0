package uk.nhs.strategycheck.security;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import uk.nhs.strategycheck.tenancy.Role;
import uk.nhs.strategycheck.tenancy.ScopeAssignment;

/**
 * Reads accounts for sign-in through security-definer functions: before sign-in there is
 * no scope, so row level security would show the application nothing.
 */
@Repository
class SignInRepository {

    record Account(long id, String email, String displayName, String passwordHash, boolean enabled,
                   Instant lockedUntil) {
    }

    private final DSLContext db;

    SignInRepository(DSLContext db) {
        this.db = db;
    }

    Optional<Account> findAccount(String email) {
        return db.select(field(name("id"), Long.class), field(name("email"), String.class),
                        field(name("display_name"), String.class), field(name("password_hash"), String.class),
                        field(name("enabled"), Boolean.class), field(name("locked_until"), OffsetDateTime.class))
                .from(table("tenancy.sign_in_account({0})", email))
                .fetchOptional(r -> new Account(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6() == null ? null : r.value6().toInstant()));
    }

    List<ScopeAssignment> findAssignments(long userId) {
        return db.resultQuery("select * from tenancy.sign_in_assignments({0})", userId)
                .fetch(r -> new ScopeAssignment(
                        r.get("assignment_id", Long.class),
                        Role.valueOf(r.get("role", String.class)),
                        r.get("region_id", Long.class), r.get("region_name", String.class),
                        r.get("ics_id", Long.class), r.get("ics_ods_code", String.class), r.get("ics_name", String.class),
                        r.get("trust_id", Long.class), r.get("trust_ods_code", String.class),
                        r.get("trust_name", String.class)));
    }

    void recordSignIn(long userId, boolean succeeded) {
        db.resultQuery("select tenancy.record_sign_in({0}, {1})", userId, succeeded).fetch();
    }
}
