package uk.nhs.strategycheck.benchmark;

import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.round;
import static uk.nhs.strategycheck.db.Tables.ANSWER;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT_CYCLE;
import static uk.nhs.strategycheck.db.Tables.CHARACTERISTIC;
import static uk.nhs.strategycheck.db.Tables.STATEMENT;
import static uk.nhs.strategycheck.db.Tables.TRUST;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class BenchmarkRepository {

    private final DSLContext db;

    BenchmarkRepository(DSLContext db) {
        this.db = db;
    }

    record Characteristic(long id, int position, String name) {
    }

    record Cycle(String name, long frameworkId) {
    }

    record TrustFacts(String name, String trustType, long icsId) {
    }

    TrustFacts trust(long trustId) {
        return db.select(TRUST.NAME, TRUST.TRUST_TYPE, TRUST.ICS_ID).from(TRUST).where(TRUST.ID.eq(trustId))
                .fetchSingle(r -> new TrustFacts(r.value1(), r.value2(), r.value3()));
    }

    /** The region's cycles, newest first. */
    List<Cycle> cycles(long regionId) {
        return db.select(ASSESSMENT_CYCLE.NAME, ASSESSMENT_CYCLE.FRAMEWORK_ID).from(ASSESSMENT_CYCLE)
                .where(ASSESSMENT_CYCLE.REGION_ID.eq(regionId))
                .orderBy(ASSESSMENT_CYCLE.OPENS_ON.desc())
                .fetch(r -> new Cycle(r.value1(), r.value2()));
    }

    List<Characteristic> characteristics(long frameworkId) {
        return db.select(CHARACTERISTIC.ID, CHARACTERISTIC.POSITION, CHARACTERISTIC.NAME).from(CHARACTERISTIC)
                .where(CHARACTERISTIC.FRAMEWORK_ID.eq(frameworkId))
                .orderBy(CHARACTERISTIC.POSITION)
                .fetch(r -> new Characteristic(r.value1(), r.value2(), r.value3()));
    }

    /** The trust's characteristic scores in its approved assessment of the named cycle; empty if none is approved. */
    Map<Long, BigDecimal> approvedScores(long icsId, long trustId, String cycleName) {
        var score = round(avg(ANSWER.SCORE), 1);
        return db.select(STATEMENT.CHARACTERISTIC_ID, score)
                .from(ASSESSMENT)
                .join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                .join(ANSWER).on(ANSWER.ICS_ID.eq(ASSESSMENT.ICS_ID), ANSWER.ASSESSMENT_ID.eq(ASSESSMENT.ID))
                .join(STATEMENT).on(STATEMENT.ID.eq(ANSWER.STATEMENT_ID))
                .where(ASSESSMENT.ICS_ID.eq(icsId), ASSESSMENT.TRUST_ID.eq(trustId),
                        ASSESSMENT.STATUS.eq("APPROVED"), ASSESSMENT_CYCLE.NAME.eq(cycleName), ANSWER.SCORE.isNotNull())
                .groupBy(STATEMENT.CHARACTERISTIC_ID)
                .fetchMap(STATEMENT.CHARACTERISTIC_ID, score);
    }

    /** Every median of the cycle (by name, across regions), computed in PostgreSQL over approved assessments. */
    List<Median> medians(String cycleName, long frameworkId) {
        return db.resultQuery("select * from tenancy.benchmark_medians({0}, {1})", cycleName, frameworkId)
                .fetch(r -> new Median(
                        Median.Grouping.valueOf(r.get("group_kind", String.class)),
                        r.get("group_id", Long.class),
                        r.get("trust_type", String.class),
                        r.get("characteristic_id", Long.class),
                        r.get("median", BigDecimal.class),
                        r.get("trusts", Integer.class)));
    }
}
