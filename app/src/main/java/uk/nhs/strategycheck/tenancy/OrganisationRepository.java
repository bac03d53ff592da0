package uk.nhs.strategycheck.tenancy;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.noCondition;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT_CYCLE;
import static uk.nhs.strategycheck.db.Tables.AUDIT_EVENT;
import static uk.nhs.strategycheck.db.Tables.ICS;
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

    /** The region's cycle open on the given day, if any (the latest to open, should two overlap). */
    Optional<CycleSummary> findOpenCycle(long regionId, LocalDate day) {
        return db.select(ASSESSMENT_CYCLE.ID, ASSESSMENT_CYCLE.NAME, ASSESSMENT_CYCLE.OPENS_ON, ASSESSMENT_CYCLE.CLOSES_ON)
                .from(ASSESSMENT_CYCLE)
                .where(ASSESSMENT_CYCLE.REGION_ID.eq(regionId))
                .and(ASSESSMENT_CYCLE.OPENS_ON.le(day))
                .and(ASSESSMENT_CYCLE.CLOSES_ON.ge(day))
                .orderBy(ASSESSMENT_CYCLE.OPENS_ON.desc())
                .limit(1)
                .fetchOptional(r -> new CycleSummary(r.value1(), r.value2(), r.value3(), r.value4()));
    }
}
