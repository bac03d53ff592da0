package uk.nhs.strategycheck.tenancy;

import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.val;
import static uk.nhs.strategycheck.db.Tables.ANSWER;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT_CYCLE;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT_TRANSITION;
import static uk.nhs.strategycheck.db.Tables.AUDIT_EVENT;
import static uk.nhs.strategycheck.db.Tables.ICS;
import static uk.nhs.strategycheck.db.Tables.ORGANISATION_CHANGE;
import static uk.nhs.strategycheck.db.Tables.REGION;
import static uk.nhs.strategycheck.db.Tables.TRUST;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Reads regions, ICSs, trusts and cycles. Every query also filters by the scope it is asked
 * for (defence in depth, and plan-time pruning); row level security is the wall behind it.
 */
@Repository
class OrganisationRepository {

    private final DSLContext db;

    OrganisationRepository(DSLContext db) {
        this.db = db;
    }

    Optional<TrustSummary> findTrust(long trustId) {
        return trusts(TRUST.ID.eq(trustId)).stream().findFirst();
    }

    List<TrustSummary> findTrustsOfIcs(long icsId) {
        return trusts(TRUST.ICS_ID.eq(icsId).and(TRUST.CLOSED_ON.isNull()));
    }

    private List<TrustSummary> trusts(Condition condition) {
        return db.select(TRUST.ID, TRUST.ODS_CODE, TRUST.NAME, TRUST.TRUST_TYPE, TRUST.ORGANISATION_FORM,
                        ICS.ID, ICS.ODS_CODE, ICS.SHORT_NAME, REGION.NAME)
                .from(TRUST)
                .join(ICS).on(ICS.ID.eq(TRUST.ICS_ID))
                .join(REGION).on(REGION.ID.eq(ICS.REGION_ID))
                .where(condition)
                .orderBy(TRUST.NAME)
                .fetch(r -> new TrustSummary(r.get(TRUST.ID), r.get(TRUST.ODS_CODE), r.get(TRUST.NAME),
                        r.get(TRUST.TRUST_TYPE), r.get(TRUST.ORGANISATION_FORM),
                        r.get(ICS.ID), r.get(ICS.ODS_CODE), r.get(ICS.SHORT_NAME), r.get(REGION.NAME)));
    }

    Optional<IcsSummary> findIcs(long icsId) {
        return icss(ICS.ID.eq(icsId)).stream().findFirst();
    }

    /** The region's ICSs open today. */
    List<IcsSummary> findIcssOfRegion(long regionId) {
        return icss(ICS.REGION_ID.eq(regionId).and(ICS.CLOSED_ON.isNull()));
    }

    private List<IcsSummary> icss(Condition condition) {
        var trustCount = count(TRUST.ID);
        return db.select(ICS.ID, ICS.ODS_CODE, ICS.SHORT_NAME, REGION.NAME, trustCount)
                .from(ICS)
                .join(REGION).on(REGION.ID.eq(ICS.REGION_ID))
                .leftJoin(TRUST).on(TRUST.ICS_ID.eq(ICS.ID).and(TRUST.CLOSED_ON.isNull()))
                .where(condition)
                .groupBy(ICS.ID, ICS.ODS_CODE, ICS.SHORT_NAME, REGION.NAME)
                .orderBy(ICS.SHORT_NAME)
                .fetch(r -> new IcsSummary(r.get(ICS.ID), r.get(ICS.ODS_CODE), r.get(ICS.SHORT_NAME),
                        r.get(REGION.NAME), r.get(trustCount)));
    }

    Optional<RegionSummary> findRegion(long regionId) {
        return regions(REGION.ID.eq(regionId)).stream().findFirst();
    }

    List<RegionSummary> findRegions() {
        return regions(noCondition());
    }

    private List<RegionSummary> regions(Condition condition) {
        var icsCount = countDistinct(ICS.ID);
        var trustCount = countDistinct(TRUST.ID);
        return db.select(REGION.ID, REGION.ODS_CODE, REGION.NAME, icsCount, trustCount)
                .from(REGION)
                .leftJoin(ICS).on(ICS.REGION_ID.eq(REGION.ID).and(ICS.CLOSED_ON.isNull()))
                .leftJoin(TRUST).on(TRUST.ICS_ID.eq(ICS.ID).and(TRUST.CLOSED_ON.isNull()))
                .where(condition)
                .groupBy(REGION.ID, REGION.ODS_CODE, REGION.NAME)
                .orderBy(REGION.NAME)
                .fetch(r -> new RegionSummary(r.get(REGION.ID), r.get(REGION.ODS_CODE), r.get(REGION.NAME),
                        r.get(icsCount), r.get(trustCount)));
    }

    /** The ICS leaders' latest reminders to the trust, newest first (from the audit log). */
    List<Reminder> findReminders(long icsId, long trustId) {
        var cycle = org.jooq.impl.DSL.field("{0} ->> 'cycle'", String.class, AUDIT_EVENT.AFTER);
        return db.select(AUDIT_EVENT.USER_NAME, AUDIT_EVENT.OCCURRED_AT, cycle)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ICS_ID.eq(icsId), AUDIT_EVENT.TRUST_ID.eq(trustId),
                        AUDIT_EVENT.ACTION.eq("REMINDER_SENT"))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc())
                .limit(5)
                .fetch(r -> new Reminder(r.value1(), r.value2().toInstant(), r.value3()));
    }

    /**
     * The region's current cycle on the given day: the one open that day, else the latest to have
     * opened (closed now, but its assessments may still be reopened). Empty before the first opens.
     */
    Optional<CycleSummary> findCurrentCycle(long regionId, LocalDate day) {
        return db.select(ASSESSMENT_CYCLE.ID, ASSESSMENT_CYCLE.NAME, ASSESSMENT_CYCLE.OPENS_ON, ASSESSMENT_CYCLE.CLOSES_ON)
                .from(ASSESSMENT_CYCLE)
                .where(ASSESSMENT_CYCLE.REGION_ID.eq(regionId))
                .and(ASSESSMENT_CYCLE.OPENS_ON.le(day))
                .orderBy(ASSESSMENT_CYCLE.CLOSES_ON.ge(day).desc(), ASSESSMENT_CYCLE.OPENS_ON.desc())
                .limit(1)
                .fetchOptional(r -> new CycleSummary(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The trust's assessment of the cycle (by name, as a trust that moved region keeps it), if started. */
    Optional<TrustAssessment> findAssessment(long icsId, long trustId, String cycleName) {
        var answered = count(ANSWER.SCORE);
        var statements = count(ANSWER.STATEMENT_ID);
        return db.select(ASSESSMENT.ID, ASSESSMENT.STATUS, answered, statements, ASSESSMENT.REOPENED_UNTIL,
                        ASSESSMENT.REOPEN_REASON)
                .from(ASSESSMENT)
                .leftJoin(ANSWER).on(ANSWER.ICS_ID.eq(ASSESSMENT.ICS_ID), ANSWER.ASSESSMENT_ID.eq(ASSESSMENT.ID))
                .where(ASSESSMENT.ICS_ID.eq(icsId), ASSESSMENT.TRUST_ID.eq(trustId), ASSESSMENT.CYCLE_NAME.eq(cycleName))
                .groupBy(ASSESSMENT.ID, ASSESSMENT.STATUS, ASSESSMENT.REOPENED_UNTIL, ASSESSMENT.REOPEN_REASON)
                .fetchOptional(r -> new TrustAssessment(r.get(ASSESSMENT.STATUS), r.get(answered), r.get(statements),
                        r.get(ASSESSMENT.REOPENED_UNTIL), r.get(ASSESSMENT.REOPEN_REASON),
                        lastChange(icsId, r.get(ASSESSMENT.ID))));
    }

    private Optional<TrustAssessment.StatusChange> lastChange(long icsId, long assessmentId) {
        return db.select(ASSESSMENT_TRANSITION.TO_STATUS, ASSESSMENT_TRANSITION.REASON, ASSESSMENT_TRANSITION.USER_NAME,
                        ASSESSMENT_TRANSITION.OCCURRED_AT)
                .from(ASSESSMENT_TRANSITION)
                .where(ASSESSMENT_TRANSITION.ICS_ID.eq(icsId), ASSESSMENT_TRANSITION.ASSESSMENT_ID.eq(assessmentId))
                .orderBy(ASSESSMENT_TRANSITION.OCCURRED_AT.desc(), ASSESSMENT_TRANSITION.ID.desc())
                .limit(1)
                .fetchOptional(r -> new TrustAssessment.StatusChange(r.value1(), r.value2(), r.value3(),
                        r.value4().toInstant()));
    }

    /** A member trust and its assessment of a cycle: status null when not started. */
    record MemberProgress(String name, String odsCode, String status, int answered, int statements) {
    }

    /** The ICS's open member trusts and where their assessments of the cycle stand. */
    List<MemberProgress> findMemberProgress(long icsId, String cycleName) {
        var answered = count(ANSWER.SCORE);
        var statements = count(ANSWER.STATEMENT_ID);
        return db.select(TRUST.NAME, TRUST.ODS_CODE, ASSESSMENT.STATUS, answered, statements)
                .from(TRUST)
                .leftJoin(ASSESSMENT).on(ASSESSMENT.ICS_ID.eq(TRUST.ICS_ID), ASSESSMENT.TRUST_ID.eq(TRUST.ID),
                        ASSESSMENT.CYCLE_NAME.eq(cycleName))
                .leftJoin(ANSWER).on(ANSWER.ICS_ID.eq(ASSESSMENT.ICS_ID), ANSWER.ASSESSMENT_ID.eq(ASSESSMENT.ID))
                .where(TRUST.ICS_ID.eq(icsId), TRUST.CLOSED_ON.isNull())
                .groupBy(TRUST.ID, TRUST.NAME, TRUST.ODS_CODE, ASSESSMENT.STATUS)
                .orderBy(TRUST.NAME)
                .fetch(r -> new MemberProgress(r.get(TRUST.NAME), r.get(TRUST.ODS_CODE), r.get(ASSESSMENT.STATUS),
                        r.get(answered), r.get(statements)));
    }

    /** Each open ICS of the region: its open trusts, and how many have submitted and are approved in the cycle. */
    List<AreaProgress> findIcsProgress(long regionId, CycleSummary cycle) {
        var trusts = countDistinct(TRUST.ID);
        var submitted = count().filterWhere(ASSESSMENT.STATUS.in("SUBMITTED", "APPROVED"));
        var approved = count().filterWhere(ASSESSMENT.STATUS.eq("APPROVED"));
        return db.select(ICS.SHORT_NAME, ICS.ODS_CODE, trusts, submitted, approved)
                .from(ICS)
                .leftJoin(TRUST).on(TRUST.ICS_ID.eq(ICS.ID), TRUST.CLOSED_ON.isNull())
                .leftJoin(ASSESSMENT).on(ASSESSMENT.ICS_ID.eq(TRUST.ICS_ID), ASSESSMENT.TRUST_ID.eq(TRUST.ID),
                        ASSESSMENT.CYCLE_NAME.eq(cycle.name()))
                .where(ICS.REGION_ID.eq(regionId), ICS.CLOSED_ON.isNull())
                .groupBy(ICS.ID, ICS.SHORT_NAME, ICS.ODS_CODE)
                .orderBy(ICS.SHORT_NAME)
                .fetch(r -> new AreaProgress(r.get(ICS.SHORT_NAME), r.get(ICS.ODS_CODE), cycle.name(), cycle.closesOn(),
                        r.get(trusts), r.get(submitted), r.get(approved)));
    }

    /** Planned organisation changes (of one region, or all when null): how many are to come and how many are due. */
    record PlannedChanges(int upcoming, int due) {
    }

    PlannedChanges findPlannedChanges(Long regionId, LocalDate day) {
        var upcoming = count().filterWhere(ORGANISATION_CHANGE.EFFECTIVE_ON.gt(day));
        var due = count().filterWhere(ORGANISATION_CHANGE.EFFECTIVE_ON.le(day));
        return db.select(upcoming, due)
                .from(ORGANISATION_CHANGE)
                .where(ORGANISATION_CHANGE.STATUS.eq("PLANNED"))
                .and(regionId == null ? noCondition() : val(regionId).eq(any(ORGANISATION_CHANGE.REGION_IDS)))
                .fetchSingle(r -> new PlannedChanges(r.value1(), r.value2()));
    }
}
