package uk.nhs.strategycheck.admin;

import static uk.nhs.strategycheck.db.Tables.ASSESSMENT;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT_CYCLE;
import static uk.nhs.strategycheck.db.Tables.FRAMEWORK;
import static uk.nhs.strategycheck.db.Tables.ICS;
import static uk.nhs.strategycheck.db.Tables.REGION;
import static uk.nhs.strategycheck.db.Tables.TRUST;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class CycleAdminRepository {

    private final DSLContext db;

    CycleAdminRepository(DSLContext db) {
        this.db = db;
    }

    List<CycleRow> cycles(Long regionId) {
        return select(regionId == null ? DSL.noCondition() : ASSESSMENT_CYCLE.REGION_ID.eq(regionId));
    }

    Optional<CycleRow> cycle(long cycleId) {
        return select(ASSESSMENT_CYCLE.ID.eq(cycleId)).stream().findFirst();
    }

    private List<CycleRow> select(Condition condition) {
        return db.select(ASSESSMENT_CYCLE.ID, ASSESSMENT_CYCLE.REGION_ID, REGION.NAME, ASSESSMENT_CYCLE.NAME,
                        ASSESSMENT_CYCLE.OPENS_ON, ASSESSMENT_CYCLE.CLOSES_ON)
                .from(ASSESSMENT_CYCLE).join(REGION).on(REGION.ID.eq(ASSESSMENT_CYCLE.REGION_ID))
                .where(condition)
                .orderBy(ASSESSMENT_CYCLE.OPENS_ON.desc(), REGION.NAME)
                .fetch(r -> new CycleRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    boolean nameTaken(long regionId, String name) {
        return db.fetchExists(ASSESSMENT_CYCLE, ASSESSMENT_CYCLE.REGION_ID.eq(regionId), ASSESSMENT_CYCLE.NAME.eq(name));
    }

    long insert(long regionId, String name, LocalDate opensOn, LocalDate closesOn) {
        var framework = db.select(FRAMEWORK.ID).from(FRAMEWORK).orderBy(FRAMEWORK.VERSION.desc()).limit(1)
                .fetchSingle(FRAMEWORK.ID);
        return db.insertInto(ASSESSMENT_CYCLE)
                .set(ASSESSMENT_CYCLE.REGION_ID, regionId)
                .set(ASSESSMENT_CYCLE.FRAMEWORK_ID, framework)
                .set(ASSESSMENT_CYCLE.NAME, name)
                .set(ASSESSMENT_CYCLE.OPENS_ON, opensOn)
                .set(ASSESSMENT_CYCLE.CLOSES_ON, closesOn)
                .returning(ASSESSMENT_CYCLE.ID)
                .fetchSingle(ASSESSMENT_CYCLE.ID);
    }

    void changeDates(long cycleId, LocalDate opensOn, LocalDate closesOn) {
        db.update(ASSESSMENT_CYCLE)
                .set(ASSESSMENT_CYCLE.OPENS_ON, opensOn)
                .set(ASSESSMENT_CYCLE.CLOSES_ON, closesOn)
                .where(ASSESSMENT_CYCLE.ID.eq(cycleId))
                .execute();
    }

    /** The region's open trusts: a cycle is for every one of them. */
    int openTrusts(long regionId) {
        return db.fetchCount(db.select(TRUST.ID).from(TRUST).join(ICS).on(ICS.ID.eq(TRUST.ICS_ID))
                .where(ICS.REGION_ID.eq(regionId)).and(TRUST.CLOSED_ON.isNull()));
    }

    List<CycleAssessment> assessments(long cycleId) {
        return db.select(ASSESSMENT.ID, ASSESSMENT.ICS_ID, ASSESSMENT.TRUST_ID, TRUST.ODS_CODE, TRUST.NAME,
                        ASSESSMENT.STATUS, ASSESSMENT.REOPENED_UNTIL)
                .from(ASSESSMENT).join(TRUST).on(TRUST.ID.eq(ASSESSMENT.TRUST_ID))
                .where(ASSESSMENT.CYCLE_ID.eq(cycleId))
                .orderBy(TRUST.NAME)
                .fetch(r -> new CycleAssessment(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7()));
    }

    /**
     * Reopens the assessment through the database's workflow function, which checks that the
     * scope is this region's admin (or a national admin) and records the transition.
     */
    void reopen(CycleAssessment assessment, LocalDate until, String reason) {
        db.select(DSL.field("tenancy.reopen_assessment({0}, {1}, {2})", Integer.class, assessment.id(), until, reason))
                .fetchSingle();
    }
}
