package uk.nhs.strategycheck.admin;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;
import static uk.nhs.strategycheck.db.Tables.APP_USER;
import static uk.nhs.strategycheck.db.Tables.ICS;
import static uk.nhs.strategycheck.db.Tables.INVITATION;
import static uk.nhs.strategycheck.db.Tables.REGION;
import static uk.nhs.strategycheck.db.Tables.ROLE_ASSIGNMENT;
import static uk.nhs.strategycheck.db.Tables.TRUST;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import uk.nhs.strategycheck.tenancy.Role;
import uk.nhs.strategycheck.tenancy.ScopeLevel;

/**
 * Users, their role assignments and invitations, as the admin's scope shows them: row level
 * security limits every query, and a region admin's queries also name the region.
 */
@Repository
class UserAdminRepository {

    record UserRow(long id, String email, String displayName, UserStatus status, int failedSignIns,
                   Instant lockedUntil, Long homeRegionId, String homeRegionName, Instant invitationExpires) {
    }

    record AssignmentRow(long id, long userId, Role role, Long regionId, Long icsId, Long trustId,
                         String organisation) {
    }

    record InvitationRow(String email, String displayName, Instant expiresAt, Instant usedAt, boolean enabled) {
    }

    private static final org.jooq.Table<?> HOME_REGION = REGION.as("home_region");

    private static final Field<String> ORGANISATION = coalesce(
            TRUST.NAME.concat(" (").concat(TRUST.ODS_CODE).concat(")"),
            ICS.SHORT_NAME.concat(" ICS (").concat(ICS.ODS_CODE).concat(")"),
            REGION.NAME.concat(" region"),
            inline("All of England")).as("organisation");

    private static final Field<OffsetDateTime> INVITATION_EXPIRES = field(
            select(max(INVITATION.EXPIRES_AT)).from(INVITATION)
                    .where(INVITATION.USER_ID.eq(APP_USER.ID)).and(INVITATION.USED_AT.isNull()))
            .as("invitation_expires");

    private final DSLContext db;

    UserAdminRepository(DSLContext db) {
        this.db = db;
    }

    /** A page of the users the scope covers, by name. regionId is the region admin's; null for a national admin. */
    List<UserRow> findUsers(UserFilter filter, Long regionId, Instant now, int offset, int limit) {
        var status = status(now);
        var statusColumn = status.as("status");
        return db.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.DISPLAY_NAME, statusColumn, APP_USER.FAILED_SIGN_INS,
                        APP_USER.LOCKED_UNTIL, APP_USER.HOME_REGION_ID, HOME_REGION.field(REGION.NAME),
                        INVITATION_EXPIRES)
                .from(APP_USER)
                .leftJoin(HOME_REGION).on(HOME_REGION.field(REGION.ID).eq(APP_USER.HOME_REGION_ID))
                .where(inScope(regionId)).and(matching(filter, regionId, status))
                .orderBy(lower(APP_USER.DISPLAY_NAME), APP_USER.ID)
                .offset(offset)
                .limit(limit)
                .fetch(r -> toUser(r, statusColumn));
    }

    int countUsers(UserFilter filter, Long regionId, Instant now) {
        var status = status(now);
        return db.fetchCount(db.selectOne().from(APP_USER).where(inScope(regionId)).and(matching(filter, regionId, status)));
    }

    Optional<UserRow> findUser(long userId, Long regionId, Instant now) {
        var status = status(now);
        var statusColumn = status.as("status");
        return db.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.DISPLAY_NAME, statusColumn, APP_USER.FAILED_SIGN_INS,
                        APP_USER.LOCKED_UNTIL, APP_USER.HOME_REGION_ID, HOME_REGION.field(REGION.NAME),
                        INVITATION_EXPIRES)
                .from(APP_USER)
                .leftJoin(HOME_REGION).on(HOME_REGION.field(REGION.ID).eq(APP_USER.HOME_REGION_ID))
                .where(APP_USER.ID.eq(userId)).and(inScope(regionId))
                .fetchOptional(r -> toUser(r, statusColumn));
    }

    /** Whether the scope can see a user with this (lower-case) email address. */
    boolean emailVisible(String email) {
        return db.fetchExists(APP_USER, APP_USER.EMAIL.eq(email));
    }

    /** The role assignments of these users that the scope can see, by user, broadest role first. */
    List<AssignmentRow> findAssignments(Collection<Long> userIds, Long regionId) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return assignments()
                .where(ROLE_ASSIGNMENT.USER_ID.in(userIds))
                .and(regionId == null ? noCondition() : ROLE_ASSIGNMENT.REGION_ID.eq(regionId))
                .orderBy(ROLE_ASSIGNMENT.USER_ID,
                        when(ROLE_ASSIGNMENT.ROLE.eq("NATIONAL_ADMIN"), 1).when(ROLE_ASSIGNMENT.ROLE.eq("REGION_ADMIN"), 2)
                                .when(ROLE_ASSIGNMENT.ROLE.eq("ICS_LEADER"), 3).otherwise(4),
                        ORGANISATION, ROLE_ASSIGNMENT.ROLE)
                .fetch(UserAdminRepository::toAssignment);
    }

    Optional<AssignmentRow> findAssignment(long assignmentId, Long regionId) {
        return assignments()
                .where(ROLE_ASSIGNMENT.ID.eq(assignmentId))
                .and(regionId == null ? noCondition() : ROLE_ASSIGNMENT.REGION_ID.eq(regionId))
                .fetchOptional(UserAdminRepository::toAssignment);
    }

    private org.jooq.SelectOnConditionStep<? extends Record> assignments() {
        return db.select(ROLE_ASSIGNMENT.ID, ROLE_ASSIGNMENT.USER_ID, ROLE_ASSIGNMENT.ROLE, ROLE_ASSIGNMENT.REGION_ID,
                        ROLE_ASSIGNMENT.ICS_ID, ROLE_ASSIGNMENT.TRUST_ID, ORGANISATION)
                .from(ROLE_ASSIGNMENT)
                .leftJoin(TRUST).on(TRUST.ID.eq(ROLE_ASSIGNMENT.TRUST_ID))
                .leftJoin(ICS).on(ICS.ID.eq(ROLE_ASSIGNMENT.ICS_ID).and(ROLE_ASSIGNMENT.TRUST_ID.isNull()))
                .leftJoin(REGION).on(REGION.ID.eq(ROLE_ASSIGNMENT.REGION_ID).and(ROLE_ASSIGNMENT.ICS_ID.isNull()));
    }

    /** Whether the user already holds this role at this organisation. */
    boolean holds(long userId, Role role, AssignmentTarget target) {
        return db.fetchExists(ROLE_ASSIGNMENT, ROLE_ASSIGNMENT.USER_ID.eq(userId)
                .and(ROLE_ASSIGNMENT.ROLE.eq(role.name()))
                .and(ROLE_ASSIGNMENT.REGION_ID.isNotDistinctFrom(target.regionId()))
                .and(ROLE_ASSIGNMENT.ICS_ID.isNotDistinctFrom(target.icsId()))
                .and(ROLE_ASSIGNMENT.TRUST_ID.isNotDistinctFrom(target.trustId())));
    }

    long insertUser(String email, String displayName, Long homeRegionId) {
        return db.insertInto(APP_USER)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.HOME_REGION_ID, homeRegionId)
                .returning(APP_USER.ID)
                .fetchOne(APP_USER.ID);
    }

    long insertAssignment(long userId, Role role, AssignmentTarget target) {
        return db.insertInto(ROLE_ASSIGNMENT)
                .set(ROLE_ASSIGNMENT.USER_ID, userId)
                .set(ROLE_ASSIGNMENT.ROLE, role.name())
                .set(ROLE_ASSIGNMENT.REGION_ID, target.regionId())
                .set(ROLE_ASSIGNMENT.ICS_ID, target.icsId())
                .set(ROLE_ASSIGNMENT.TRUST_ID, target.trustId())
                .returning(ROLE_ASSIGNMENT.ID)
                .fetchOne(ROLE_ASSIGNMENT.ID);
    }

    /** Whether the user holds a national role (which a region admin cannot see, so asked of the database). */
    boolean holdsNationalRole(long userId) {
        return db.select(org.jooq.impl.DSL.field("tenancy.holds_national_role({0})", Boolean.class, userId))
                .fetchSingle().value1();
    }

    boolean deleteAssignment(long assignmentId) {
        return db.deleteFrom(ROLE_ASSIGNMENT).where(ROLE_ASSIGNMENT.ID.eq(assignmentId)).execute() == 1;
    }

    void insertInvitation(long userId, String tokenHash, Instant expiresAt, long createdBy) {
        db.insertInto(INVITATION)
                .set(INVITATION.USER_ID, userId)
                .set(INVITATION.TOKEN_HASH, tokenHash)
                .set(INVITATION.EXPIRES_AT, expiresAt.atOffset(ZoneOffset.UTC))
                .set(INVITATION.CREATED_BY, createdBy)
                .execute();
    }

    /** Makes the user's unused invitation links expire now; returns how many there were. */
    int retireInvitations(long userId, Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        return db.update(INVITATION)
                .set(INVITATION.EXPIRES_AT, at)
                .where(INVITATION.USER_ID.eq(userId))
                .and(INVITATION.USED_AT.isNull())
                .and(INVITATION.EXPIRES_AT.gt(at))
                .execute();
    }

    boolean setEnabled(long userId, boolean enabled) {
        return db.update(APP_USER)
                .set(APP_USER.ENABLED, enabled)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(userId))
                .execute() == 1;
    }

    boolean unlock(long userId) {
        return db.update(APP_USER)
                .set(APP_USER.FAILED_SIGN_INS, 0)
                .setNull(APP_USER.LOCKED_UNTIL)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(userId))
                .execute() == 1;
    }

    /** The organisations of a level that a role can be given at, within the region (all, when null). */
    List<AssignmentTarget> findTargets(ScopeLevel level, Long regionId) {
        return findTargets(level, regionId, null);
    }

    Optional<AssignmentTarget> findTarget(ScopeLevel level, long id, Long regionId) {
        return findTargets(level, regionId, id).stream().findFirst();
    }

    private List<AssignmentTarget> findTargets(ScopeLevel level, Long regionId, Long id) {
        return switch (level) {
            case TRUST -> db.select(TRUST.ID, TRUST.ICS_ID, ICS.REGION_ID, TRUST.NAME, TRUST.ODS_CODE)
                    .from(TRUST).join(ICS).on(ICS.ID.eq(TRUST.ICS_ID))
                    .where(regionId == null ? noCondition() : ICS.REGION_ID.eq(regionId))
                    .and(id == null ? TRUST.CLOSED_ON.isNull() : TRUST.ID.eq(id))
                    .orderBy(TRUST.NAME)
                    .fetch(r -> new AssignmentTarget(ScopeLevel.TRUST, r.value3(), r.value2(), r.value1(), r.value4(),
                            r.value5()));
            case ICS -> db.select(ICS.ID, ICS.REGION_ID, ICS.SHORT_NAME, ICS.ODS_CODE)
                    .from(ICS)
                    .where(regionId == null ? noCondition() : ICS.REGION_ID.eq(regionId))
                    .and(id == null ? ICS.CLOSED_ON.isNull() : ICS.ID.eq(id))
                    .orderBy(ICS.SHORT_NAME)
                    .fetch(r -> new AssignmentTarget(ScopeLevel.ICS, r.value2(), r.value1(), null, r.value3(), r.value4()));
            case REGION -> db.select(REGION.ID, REGION.NAME, REGION.ODS_CODE)
                    .from(REGION)
                    .where(regionId == null ? noCondition() : REGION.ID.eq(regionId))
                    .and(id == null ? noCondition() : REGION.ID.eq(id))
                    .orderBy(REGION.NAME)
                    .fetch(r -> new AssignmentTarget(ScopeLevel.REGION, r.value1(), null, null, r.value2(), r.value3()));
            case NATIONAL -> regionId == null ? List.of(AssignmentTarget.ENGLAND) : List.of();
        };
    }

    /** The invitation with this token hash, read without a scope (the invitee has none yet). */
    Optional<InvitationRow> findInvitation(String tokenHash) {
        return db.select(field(name("email"), String.class), field(name("display_name"), String.class),
                        field(name("expires_at"), OffsetDateTime.class), field(name("used_at"), OffsetDateTime.class),
                        field(name("enabled"), Boolean.class))
                .from(table("tenancy.invitation_for_token({0})", val(tokenHash)))
                .fetchOptional(r -> new InvitationRow(r.value1(), r.value2(), r.value3().toInstant(),
                        r.value4() == null ? null : r.value4().toInstant(), r.value5()));
    }

    /** Uses the invitation to set the password; returns ACTIVATED, UNKNOWN, USED, EXPIRED or DISABLED. */
    String activate(String tokenHash, String passwordHash, Instant now) {
        return db.select(field("tenancy.activate_account({0}, {1}, {2})", String.class,
                        val(tokenHash), val(passwordHash), val(now.atOffset(ZoneOffset.UTC))))
                .fetchOne(0, String.class);
    }

    private static Condition inScope(Long regionId) {
        if (regionId == null) {
            return noCondition();
        }
        return APP_USER.HOME_REGION_ID.eq(regionId).or(exists(selectOne().from(ROLE_ASSIGNMENT)
                .where(ROLE_ASSIGNMENT.USER_ID.eq(APP_USER.ID)).and(ROLE_ASSIGNMENT.REGION_ID.eq(regionId))));
    }

    private static Condition matching(UserFilter filter, Long regionId, Field<String> status) {
        Condition condition = noCondition();
        if (present(filter.nameOrEmail())) {
            var text = "%" + escape(filter.nameOrEmail().strip()) + "%";
            condition = condition.and(APP_USER.DISPLAY_NAME.likeIgnoreCase(text, '!')
                    .or(APP_USER.EMAIL.likeIgnoreCase(text, '!')));
        }
        if (filter.status() != null) {
            condition = condition.and(status.eq(filter.status().name()));
        }
        if (present(filter.organisation()) || filter.role() != null) {
            Condition assignment = ROLE_ASSIGNMENT.USER_ID.eq(APP_USER.ID);
            if (regionId != null) {
                assignment = assignment.and(ROLE_ASSIGNMENT.REGION_ID.eq(regionId));
            }
            if (filter.role() != null) {
                assignment = assignment.and(ROLE_ASSIGNMENT.ROLE.eq(filter.role().name()));
            }
            if (present(filter.organisation())) {
                var text = "%" + escape(filter.organisation().strip()) + "%";
                assignment = assignment.and(TRUST.ODS_CODE.likeIgnoreCase(text, '!').or(TRUST.NAME.likeIgnoreCase(text, '!'))
                        .or(ICS.ODS_CODE.likeIgnoreCase(text, '!')).or(ICS.SHORT_NAME.likeIgnoreCase(text, '!'))
                        .or(ICS.NAME.likeIgnoreCase(text, '!')).or(REGION.NAME.likeIgnoreCase(text, '!')));
            }
            condition = condition.and(exists(selectOne().from(ROLE_ASSIGNMENT)
                    .leftJoin(TRUST).on(TRUST.ID.eq(ROLE_ASSIGNMENT.TRUST_ID))
                    .leftJoin(ICS).on(ICS.ID.eq(ROLE_ASSIGNMENT.ICS_ID))
                    .leftJoin(REGION).on(REGION.ID.eq(ROLE_ASSIGNMENT.REGION_ID))
                    .where(assignment)));
        }
        return condition;
    }

    private static Field<String> status(Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        return when(APP_USER.ENABLED.isFalse(), inline(UserStatus.DISABLED.name()))
                .when(APP_USER.HAS_PASSWORD.isFalse().and(APP_USER.IDENTITY_LINKED_AT.isNull()), inline(UserStatus.INVITED.name()))
                .when(APP_USER.LOCKED_UNTIL.gt(at).or(APP_USER.FAILED_SIGN_INS.ge(UserAdminService.LOCK_AFTER)),
                        inline(UserStatus.LOCKED.name()))
                .otherwise(inline(UserStatus.ACTIVE.name()));
    }

    private static UserRow toUser(Record r, Field<String> status) {
        var lockedUntil = r.get(APP_USER.LOCKED_UNTIL);
        var expires = r.get(INVITATION_EXPIRES);
        return new UserRow(r.get(APP_USER.ID), r.get(APP_USER.EMAIL), r.get(APP_USER.DISPLAY_NAME),
                UserStatus.valueOf(r.get(status)), r.get(APP_USER.FAILED_SIGN_INS),
                lockedUntil == null ? null : lockedUntil.toInstant(), r.get(APP_USER.HOME_REGION_ID),
                r.get(HOME_REGION.field(REGION.NAME)), expires == null ? null : expires.toInstant());
    }

    private static AssignmentRow toAssignment(Record r) {
        return new AssignmentRow(r.get(ROLE_ASSIGNMENT.ID), r.get(ROLE_ASSIGNMENT.USER_ID),
                Role.valueOf(r.get(ROLE_ASSIGNMENT.ROLE)), r.get(ROLE_ASSIGNMENT.REGION_ID), r.get(ROLE_ASSIGNMENT.ICS_ID),
                r.get(ROLE_ASSIGNMENT.TRUST_ID), r.get(ORGANISATION));
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
