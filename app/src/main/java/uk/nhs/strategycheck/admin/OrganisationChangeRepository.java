package uk.nhs.strategycheck.admin;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;
import static uk.nhs.strategycheck.db.Tables.APP_USER;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT_CYCLE;
import static uk.nhs.strategycheck.db.Tables.ICS;
import static uk.nhs.strategycheck.db.Tables.ICS_LINK;
import static uk.nhs.strategycheck.db.Tables.ORGANISATION_CHANGE;
import static uk.nhs.strategycheck.db.Tables.ORGANISATION_CHANGE_STEP;
import static uk.nhs.strategycheck.db.Tables.REGION;
import static uk.nhs.strategycheck.db.Tables.ROLE_ASSIGNMENT;
import static uk.nhs.strategycheck.db.Tables.TRUST;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Organisation changes and what they touch. Row level security keeps a region admin to their
 * region's changes and organisations; applying goes through the database function only.
 */
@Repository
class OrganisationChangeRepository {

    record IcsRef(long id, String odsCode, String shortName, long regionId, String regionCode, LocalDate closedOn) {
    }

    record TrustRef(long id, String odsCode, String name, long icsId, String icsCode, String icsName, long regionId,
                    LocalDate closedOn) {
    }

    record AssessmentRef(long trustId, String cycleName, String status, LocalDate closesOn) {
    }

    record RoleRef(long assignmentId, long userId, String userName, String email, String role, Long icsId, Long trustId,
                   String organisation, LocalDate endsOn) {
    }

    private final DSLContext db;

    OrganisationChangeRepository(DSLContext db) {
        this.db = db;
    }

    List<OrganisationChange> changes(ChangeStatus status) {
        return changes(status == null ? DSL.noCondition() : ORGANISATION_CHANGE.STATUS.eq(status.name()));
    }

    Optional<OrganisationChange> change(long id) {
        return changes(ORGANISATION_CHANGE.ID.eq(id)).stream().findFirst();
    }

    private List<OrganisationChange> changes(Condition condition) {
        var recorder = APP_USER.as("recorder");
        var applier = APP_USER.as("applier");
        var rows = db.select(ORGANISATION_CHANGE.ID, ORGANISATION_CHANGE.TITLE, ORGANISATION_CHANGE.EFFECTIVE_ON,
                        ORGANISATION_CHANGE.STATUS, ORGANISATION_CHANGE.SOURCE, recorder.DISPLAY_NAME,
                        ORGANISATION_CHANGE.CREATED_AT, applier.DISPLAY_NAME, ORGANISATION_CHANGE.APPLIED_AT,
                        ORGANISATION_CHANGE.VERSION)
                .from(ORGANISATION_CHANGE)
                .leftJoin(recorder).on(recorder.ID.eq(ORGANISATION_CHANGE.CREATED_BY))
                .leftJoin(applier).on(applier.ID.eq(ORGANISATION_CHANGE.APPLIED_BY))
                .where(condition)
                .orderBy(ORGANISATION_CHANGE.EFFECTIVE_ON.desc(), ORGANISATION_CHANGE.ID.desc())
                .fetch();
        var steps = db.selectFrom(ORGANISATION_CHANGE_STEP)
                .where(ORGANISATION_CHANGE_STEP.CHANGE_ID.in(rows.getValues(ORGANISATION_CHANGE.ID)))
                .orderBy(ORGANISATION_CHANGE_STEP.POSITION)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(s -> s.getChangeId(), Collectors.mapping(s -> new ChangeStep(
                        ChangeAction.valueOf(s.getAction()), s.getOdsCode(), s.getName(), s.getShortName(),
                        s.getRegionCode(), s.getToIcsCode(), Arrays.asList(s.getSuccessorCodes()), s.getLinkKind(),
                        s.getTrustType(), s.getOrganisationForm(), s.getNote()), Collectors.toList())));
        return rows.map(r -> new OrganisationChange(r.value1(), r.value2(), r.value3(), ChangeStatus.valueOf(r.value4()),
                r.value5(), r.value6(), r.value7() == null ? null : r.value7().toInstant(), r.value8(),
                r.value9() == null ? null : r.value9().toInstant(), r.value10(), steps.getOrDefault(r.value1(), List.of())));
    }

    long insert(String title, LocalDate effectiveOn, Collection<Long> regionIds, String source, long userId,
                List<ChangeStep> steps) {
        long id = db.insertInto(ORGANISATION_CHANGE)
                .set(ORGANISATION_CHANGE.TITLE, title)
                .set(ORGANISATION_CHANGE.EFFECTIVE_ON, effectiveOn)
                .set(ORGANISATION_CHANGE.REGION_IDS, regionIds.stream().sorted().toArray(Long[]::new))
                .set(ORGANISATION_CHANGE.SOURCE, source)
                .set(ORGANISATION_CHANGE.CREATED_BY, userId)
                .returning(ORGANISATION_CHANGE.ID)
                .fetchSingle(ORGANISATION_CHANGE.ID);
        int position = 0;
        for (var step : steps) {
            db.insertInto(ORGANISATION_CHANGE_STEP)
                    .set(ORGANISATION_CHANGE_STEP.CHANGE_ID, id)
                    .set(ORGANISATION_CHANGE_STEP.POSITION, ++position)
                    .set(ORGANISATION_CHANGE_STEP.ACTION, step.action().name())
                    .set(ORGANISATION_CHANGE_STEP.ODS_CODE, step.odsCode())
                    .set(ORGANISATION_CHANGE_STEP.NAME, step.name())
                    .set(ORGANISATION_CHANGE_STEP.SHORT_NAME, step.shortName())
                    .set(ORGANISATION_CHANGE_STEP.REGION_CODE, step.regionCode())
                    .set(ORGANISATION_CHANGE_STEP.TO_ICS_CODE, step.toIcsCode())
                    .set(ORGANISATION_CHANGE_STEP.SUCCESSOR_CODES, step.successorCodes().toArray(String[]::new))
                    .set(ORGANISATION_CHANGE_STEP.LINK_KIND, step.linkKind())
                    .set(ORGANISATION_CHANGE_STEP.TRUST_TYPE, step.trustType())
                    .set(ORGANISATION_CHANGE_STEP.ORGANISATION_FORM, step.organisationForm())
                    .set(ORGANISATION_CHANGE_STEP.NOTE, step.note())
                    .execute();
        }
        return id;
    }

    /** Cancels the change if it is still planned and nobody has changed it since; false otherwise. */
    boolean cancel(long id, int expectedVersion, long userId) {
        return db.update(ORGANISATION_CHANGE)
                .set(ORGANISATION_CHANGE.STATUS, ChangeStatus.CANCELLED.name())
                .set(ORGANISATION_CHANGE.CANCELLED_BY, userId)
                .set(ORGANISATION_CHANGE.CANCELLED_AT, OffsetDateTime.now())
                .set(ORGANISATION_CHANGE.VERSION, ORGANISATION_CHANGE.VERSION.plus(1))
                .where(ORGANISATION_CHANGE.ID.eq(id), ORGANISATION_CHANGE.STATUS.eq(ChangeStatus.PLANNED.name()),
                        ORGANISATION_CHANGE.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    /** Why the database would refuse the change now, if it would: it is tried and undone. */
    Optional<String> check(long id) {
        return Optional.ofNullable(db.select(field("tenancy.check_organisation_change({0})", String.class, id))
                .fetchSingle().value1());
    }

    int apply(long id) {
        return db.select(field("tenancy.apply_organisation_change({0})", Integer.class, id)).fetchSingle().value1();
    }

    int applyDue() {
        return db.select(field("tenancy.apply_due_organisation_changes()", Integer.class)).fetchSingle().value1();
    }

    Optional<IcsRef> ics(String odsCode) {
        return db.select(ICS.ID, ICS.ODS_CODE, ICS.SHORT_NAME, ICS.REGION_ID, REGION.ODS_CODE, ICS.CLOSED_ON)
                .from(ICS).join(REGION).on(REGION.ID.eq(ICS.REGION_ID))
                .where(ICS.ODS_CODE.eq(odsCode))
                .fetchOptional(r -> new IcsRef(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    Optional<TrustRef> trust(String odsCode) {
        return trusts(TRUST.ODS_CODE.eq(odsCode)).stream().findFirst();
    }

    /** The ICS's trusts that are open today. */
    List<TrustRef> openTrustsOf(long icsId) {
        return trusts(TRUST.ICS_ID.eq(icsId).and(TRUST.CLOSED_ON.isNull()));
    }

    private List<TrustRef> trusts(Condition condition) {
        return db.select(TRUST.ID, TRUST.ODS_CODE, TRUST.NAME, ICS.ID, ICS.ODS_CODE, ICS.SHORT_NAME, ICS.REGION_ID,
                        TRUST.CLOSED_ON)
                .from(TRUST).join(ICS).on(ICS.ID.eq(TRUST.ICS_ID))
                .where(condition)
                .orderBy(TRUST.NAME)
                .fetch(r -> new TrustRef(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8()));
    }

    String regionCodeOf(long regionId) {
        return db.select(REGION.ODS_CODE).from(REGION).where(REGION.ID.eq(regionId)).fetchSingle(REGION.ODS_CODE);
    }

    Optional<Long> regionId(String regionCode) {
        return db.select(REGION.ID).from(REGION).where(REGION.ODS_CODE.eq(regionCode)).fetchOptional(REGION.ID);
    }

    List<AssessmentRef> assessmentsOf(Collection<Long> trustIds) {
        return db.select(ASSESSMENT.TRUST_ID, ASSESSMENT.CYCLE_NAME, ASSESSMENT.STATUS, ASSESSMENT_CYCLE.CLOSES_ON)
                .from(ASSESSMENT).join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                .where(ASSESSMENT.TRUST_ID.in(trustIds))
                .orderBy(ASSESSMENT.TRUST_ID, ASSESSMENT.CYCLE_NAME)
                .fetch(r -> new AssessmentRef(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Roles held today at the trusts and ICSs. */
    List<RoleRef> rolesAt(Collection<Long> trustIds, Collection<Long> icsIds) {
        return roles(ROLE_ASSIGNMENT.TRUST_ID.in(trustIds)
                .or(ROLE_ASSIGNMENT.ICS_ID.in(icsIds).and(ROLE_ASSIGNMENT.TRUST_ID.isNull()))
                .and(ROLE_ASSIGNMENT.ENDS_ON.isNull().or(ROLE_ASSIGNMENT.ENDS_ON.gt(LocalDate.now()))));
    }

    /** ICS leaders' roles that ended because the change closed their ICS. */
    List<RoleRef> rolesEndedBy(long changeId) {
        return roles(ROLE_ASSIGNMENT.ROLE.eq("ICS_LEADER")
                .and(ROLE_ASSIGNMENT.ICS_ID.in(select(ICS_LINK.PREDECESSOR_ID).from(ICS_LINK)
                        .where(ICS_LINK.CHANGE_ID.eq(changeId))))
                .and(ROLE_ASSIGNMENT.ENDS_ON.eq(select(ORGANISATION_CHANGE.EFFECTIVE_ON).from(ORGANISATION_CHANGE)
                        .where(ORGANISATION_CHANGE.ID.eq(changeId)))));
    }

    private List<RoleRef> roles(Condition condition) {
        return db.select(ROLE_ASSIGNMENT.ID, APP_USER.ID, APP_USER.DISPLAY_NAME, APP_USER.EMAIL, ROLE_ASSIGNMENT.ROLE,
                        ROLE_ASSIGNMENT.ICS_ID, ROLE_ASSIGNMENT.TRUST_ID,
                        DSL.coalesce(TRUST.NAME, ICS.SHORT_NAME.concat(" ICS")), ROLE_ASSIGNMENT.ENDS_ON)
                .from(ROLE_ASSIGNMENT)
                .join(APP_USER).on(APP_USER.ID.eq(ROLE_ASSIGNMENT.USER_ID))
                .leftJoin(ICS).on(ICS.ID.eq(ROLE_ASSIGNMENT.ICS_ID))
                .leftJoin(TRUST).on(TRUST.ID.eq(ROLE_ASSIGNMENT.TRUST_ID))
                .where(condition)
                .orderBy(APP_USER.DISPLAY_NAME, ROLE_ASSIGNMENT.ID)
                .fetch(r -> new RoleRef(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        r.value8(), r.value9()));
    }

    /** ICSs open today, by name. */
    List<OrganisationChoice> openIcss() {
        return db.select(ICS.ODS_CODE, ICS.SHORT_NAME).from(ICS).where(ICS.CLOSED_ON.isNull())
                .orderBy(ICS.SHORT_NAME)
                .fetch(r -> new OrganisationChoice(r.value1(), r.value2() + " ICS"));
    }

    /** Trusts open today, by name. */
    List<OrganisationChoice> openTrusts() {
        return db.select(TRUST.ODS_CODE, TRUST.NAME).from(TRUST).where(TRUST.CLOSED_ON.isNull())
                .orderBy(TRUST.NAME)
                .fetch(r -> new OrganisationChoice(r.value1(), r.value2()));
    }

    /** The open ICSs that succeeded the given one through the change. */
    List<IcsRef> successorsOf(long icsId, long changeId) {
        return db.select(ICS.ID, ICS.ODS_CODE, ICS.SHORT_NAME, ICS.REGION_ID, REGION.ODS_CODE, ICS.CLOSED_ON)
                .from(ICS_LINK).join(ICS).on(ICS.ID.eq(ICS_LINK.SUCCESSOR_ID)).join(REGION).on(REGION.ID.eq(ICS.REGION_ID))
                .where(ICS_LINK.PREDECESSOR_ID.eq(icsId), ICS_LINK.CHANGE_ID.eq(changeId))
                .orderBy(ICS.SHORT_NAME)
                .fetch(r -> new IcsRef(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }
}
