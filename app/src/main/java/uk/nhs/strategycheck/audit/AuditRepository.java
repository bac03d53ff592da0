package uk.nhs.strategycheck.audit;

import static org.jooq.impl.DSL.case_;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.splitPart;
import static org.jooq.impl.DSL.when;
import static uk.nhs.strategycheck.db.Tables.APP_USER;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT_CYCLE;
import static uk.nhs.strategycheck.db.Tables.AUDIT_EVENT;
import static uk.nhs.strategycheck.db.Tables.CHARACTERISTIC;
import static uk.nhs.strategycheck.db.Tables.ICS;
import static uk.nhs.strategycheck.db.Tables.IMPROVEMENT_ACTION;
import static uk.nhs.strategycheck.db.Tables.ORGANISATION_CHANGE;
import static uk.nhs.strategycheck.db.Tables.REGION;
import static uk.nhs.strategycheck.db.Tables.STATEMENT;
import static uk.nhs.strategycheck.db.Tables.STRATEGY_DOCUMENT;
import static uk.nhs.strategycheck.db.Tables.TRUST;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.SelectSelectStep;
import uk.nhs.strategycheck.shared.Dates;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    record NewEvent(long userId, String userEmail, String userName, String role, Long regionId, Long icsId,
                    Long trustId, String action, String entityType, String entityId, String before, String after) {
    }

    /** A row of the log as stored, with the organisation it concerns and what it changed named where they still exist. */
    record StoredEvent(long id, Instant at, String userName, String userEmail, String role, String organisation,
                       String action, String entityType, String entityId, String subject, String before, String after) {
    }

    private final DSLContext db;

    AuditRepository(DSLContext db) {
        this.db = db;
    }

    /** The matching rows, newest first; row level security keeps them within the reader's scope. */
    List<StoredEvent> find(AuditFilter filter, int offset, int limit) {
        return withOrganisations(db.select(AUDIT_EVENT.ID, AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.USER_NAME,
                        AUDIT_EVENT.USER_EMAIL, AUDIT_EVENT.ROLE, ORGANISATION, AUDIT_EVENT.ACTION, AUDIT_EVENT.ENTITY_TYPE,
                        AUDIT_EVENT.ENTITY_ID, SUBJECT, AUDIT_EVENT.BEFORE, AUDIT_EVENT.AFTER))
                .where(matching(filter))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(r -> new StoredEvent(r.get(AUDIT_EVENT.ID), r.get(AUDIT_EVENT.OCCURRED_AT).toInstant(),
                        r.get(AUDIT_EVENT.USER_NAME), r.get(AUDIT_EVENT.USER_EMAIL), r.get(AUDIT_EVENT.ROLE),
                        r.get(ORGANISATION), r.get(AUDIT_EVENT.ACTION), r.get(AUDIT_EVENT.ENTITY_TYPE),
                        r.get(AUDIT_EVENT.ENTITY_ID), r.get(SUBJECT),
                        r.get(AUDIT_EVENT.BEFORE) == null ? null : r.get(AUDIT_EVENT.BEFORE).data(),
                        r.get(AUDIT_EVENT.AFTER) == null ? null : r.get(AUDIT_EVENT.AFTER).data()));
    }

    int count(AuditFilter filter) {
        return db.fetchCount(withOrganisations(db.select(AUDIT_EVENT.ID)).where(matching(filter)));
    }

    List<String> actions() {
        return db.selectDistinct(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).orderBy(AUDIT_EVENT.ACTION)
                .fetch(AUDIT_EVENT.ACTION);
    }

    private static final org.jooq.Field<String> ORGANISATION = coalesce(
            TRUST.NAME.concat(" (").concat(TRUST.ODS_CODE).concat(")"),
            ICS.SHORT_NAME.concat(" ICS (").concat(ICS.ODS_CODE).concat(")"),
            REGION.NAME.concat(" region")).as("organisation");

    /**
     * What the event changed, as people name it ("Assessment of Guy's and St Thomas' NHS Foundation
     * Trust, 2026/27"), read at the time of reading under the reader's row level security; null when
     * it no longer exists or is outside the reader's scope (the wording then falls back on the
     * values the event recorded).
     */
    private static final Field<String> SUBJECT = subject().as("subject");

    private static Field<String> subject() {
        var numericId = when(AUDIT_EVENT.ENTITY_ID.likeRegex("^[0-9]+$"), AUDIT_EVENT.ENTITY_ID.cast(Long.class));
        var subjectTrust = TRUST.as("subject_trust");
        var subjectIcs = ICS.as("subject_ics");
        var cycleRegion = REGION.as("cycle_region");
        var assessmentOf = select(field("'Assessment of ' || {0} || ', ' || {1}", String.class, subjectTrust.NAME,
                ASSESSMENT.CYCLE_NAME))
                .from(ASSESSMENT).join(subjectTrust).on(subjectTrust.ID.eq(ASSESSMENT.TRUST_ID))
                .where(ASSESSMENT.ICS_ID.eq(AUDIT_EVENT.ICS_ID), ASSESSMENT.ID.eq(numericId));
        var answerAssessment = splitPart(AUDIT_EVENT.ENTITY_ID, "/", 1);
        var answerStatement = splitPart(AUDIT_EVENT.ENTITY_ID, "/", 2);
        var answerTo = select(field("'Answer to ' || {0} || ', ' || {1} || ' (' || {2} || ')'", String.class,
                CHARACTERISTIC.NAME, STATEMENT.CODE, ASSESSMENT.CYCLE_NAME))
                .from(STATEMENT).join(CHARACTERISTIC).on(CHARACTERISTIC.ID.eq(STATEMENT.CHARACTERISTIC_ID))
                .leftJoin(ASSESSMENT).on(ASSESSMENT.ICS_ID.eq(AUDIT_EVENT.ICS_ID),
                        ASSESSMENT.ID.cast(String.class).eq(answerAssessment))
                .where(STATEMENT.ID.cast(String.class).eq(answerStatement));
        var user = select(field("'User ' || {0}", String.class, APP_USER.EMAIL))
                .from(APP_USER).where(APP_USER.ID.eq(numericId));
        var cycle = select(field("'The ' || {0} || ' cycle of the ' || {1} || ' region'", String.class,
                ASSESSMENT_CYCLE.NAME, cycleRegion.NAME))
                .from(ASSESSMENT_CYCLE).join(cycleRegion).on(cycleRegion.ID.eq(ASSESSMENT_CYCLE.REGION_ID))
                .where(ASSESSMENT_CYCLE.ID.eq(numericId));
        var trust = select(field("{0} || ' (' || {1} || ')'", String.class, subjectTrust.NAME, subjectTrust.ODS_CODE))
                .from(subjectTrust)
                .where(subjectTrust.ODS_CODE.eq(AUDIT_EVENT.ENTITY_ID).or(subjectTrust.ID.eq(numericId)))
                .limit(1);
        var ics = select(field("{0} || ' ICS (' || {1} || ')'", String.class, subjectIcs.SHORT_NAME, subjectIcs.ODS_CODE))
                .from(subjectIcs).where(subjectIcs.ODS_CODE.eq(AUDIT_EVENT.ENTITY_ID));
        var change = select(field("'Organisation change: ' || {0}", String.class, ORGANISATION_CHANGE.TITLE))
                .from(ORGANISATION_CHANGE).where(ORGANISATION_CHANGE.ID.eq(numericId));
        var action = select(field("'Improvement action: ' || {0}", String.class, IMPROVEMENT_ACTION.TITLE))
                .from(IMPROVEMENT_ACTION)
                .where(IMPROVEMENT_ACTION.ICS_ID.eq(AUDIT_EVENT.ICS_ID), IMPROVEMENT_ACTION.ID.eq(numericId));
        var document = select(field("'Strategy document ' || {0}", String.class, STRATEGY_DOCUMENT.FILE_NAME))
                .from(STRATEGY_DOCUMENT)
                .where(STRATEGY_DOCUMENT.ICS_ID.eq(AUDIT_EVENT.ICS_ID), STRATEGY_DOCUMENT.ID.eq(numericId));
        return case_(AUDIT_EVENT.ENTITY_TYPE)
                .when("assessment", field(assessmentOf))
                .when("answer", field(answerTo))
                .when("app_user", field(user))
                .when("cycle", field(cycle))
                .when("trust", field(trust))
                .when("ics", field(ics))
                .when("organisation_change", field(change))
                .when("improvement_action", field(action))
                .when("strategy_document", field(document));
    }

    /** The events with the organisation each concerns, which the organisation filter matches too. */
    private static <R extends Record> SelectOnConditionStep<R> withOrganisations(SelectSelectStep<R> columns) {
        return columns.from(AUDIT_EVENT)
                .leftJoin(TRUST).on(TRUST.ID.eq(AUDIT_EVENT.TRUST_ID))
                .leftJoin(ICS).on(ICS.ID.eq(AUDIT_EVENT.ICS_ID))
                .leftJoin(REGION).on(REGION.ID.eq(AUDIT_EVENT.REGION_ID));
    }

    private static Condition matching(AuditFilter filter) {
        Condition condition = noCondition();
        if (present(filter.organisation())) {
            var text = "%" + filter.organisation().strip() + "%";
            condition = condition.and(TRUST.ODS_CODE.likeIgnoreCase(text).or(TRUST.NAME.likeIgnoreCase(text))
                    .or(ICS.ODS_CODE.likeIgnoreCase(text)).or(ICS.SHORT_NAME.likeIgnoreCase(text))
                    .or(REGION.NAME.likeIgnoreCase(text)));
        }
        if (present(filter.user())) {
            var text = "%" + filter.user().strip() + "%";
            condition = condition.and(AUDIT_EVENT.USER_NAME.likeIgnoreCase(text).or(AUDIT_EVENT.USER_EMAIL.likeIgnoreCase(text)));
        }
        if (present(filter.action())) {
            condition = condition.and(AUDIT_EVENT.ACTION.eq(filter.action()));
        }
        if (filter.from() != null) {
            condition = condition.and(AUDIT_EVENT.OCCURRED_AT.ge(filter.from().atStartOfDay(Dates.ENGLAND).toOffsetDateTime()));
        }
        if (filter.to() != null) {
            condition = condition.and(AUDIT_EVENT.OCCURRED_AT.lt(
                    filter.to().plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(Dates.ENGLAND).toOffsetDateTime()));
        }
        return condition;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    void insert(NewEvent event) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.USER_ID, event.userId())
                .set(AUDIT_EVENT.USER_EMAIL, event.userEmail())
                .set(AUDIT_EVENT.USER_NAME, event.userName())
                .set(AUDIT_EVENT.ROLE, event.role())
                .set(AUDIT_EVENT.REGION_ID, event.regionId())
                .set(AUDIT_EVENT.ICS_ID, event.icsId())
                .set(AUDIT_EVENT.TRUST_ID, event.trustId())
                .set(AUDIT_EVENT.ACTION, event.action())
                .set(AUDIT_EVENT.ENTITY_TYPE, event.entityType())
                .set(AUDIT_EVENT.ENTITY_ID, event.entityId())
                .set(AUDIT_EVENT.BEFORE, event.before() == null ? null : JSONB.valueOf(event.before()))
                .set(AUDIT_EVENT.AFTER, event.after() == null ? null : JSONB.valueOf(event.after()))
                .execute();
    }
}
