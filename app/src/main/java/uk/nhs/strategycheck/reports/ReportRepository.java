package uk.nhs.strategycheck.reports;

import static uk.nhs.strategycheck.db.Tables.ANSWER;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT_CYCLE;
import static uk.nhs.strategycheck.db.Tables.CHARACTERISTIC;
import static uk.nhs.strategycheck.db.Tables.IMPROVEMENT_ACTION;
import static uk.nhs.strategycheck.db.Tables.SCALE_POINT;
import static uk.nhs.strategycheck.db.Tables.STATEMENT;
import static uk.nhs.strategycheck.db.Tables.TRUST;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import uk.nhs.strategycheck.reporting.ActionItem;
import uk.nhs.strategycheck.reporting.EvidenceItem;

/** What reports need beyond the benchmark: assessment status, evidence and actions. */
@Repository
class ReportRepository {

    private static final Map<String, String> ACTION_STATUS = Map.of(
            "NOT_STARTED", "Not started", "IN_PROGRESS", "In progress", "DONE", "Done");

    private final DSLContext db;

    ReportRepository(DSLContext db) {
        this.db = db;
    }

    record AssessmentRef(long id, long icsId, String status) {
    }

    /** The trust's assessment of the named cycle, if it has one. */
    Optional<AssessmentRef> assessment(long icsId, long trustId, String cycleName) {
        return db.select(ASSESSMENT.ID, ASSESSMENT.ICS_ID, ASSESSMENT.STATUS)
                .from(ASSESSMENT).join(ASSESSMENT_CYCLE).on(ASSESSMENT_CYCLE.ID.eq(ASSESSMENT.CYCLE_ID))
                .where(ASSESSMENT.ICS_ID.eq(icsId), ASSESSMENT.TRUST_ID.eq(trustId), ASSESSMENT_CYCLE.NAME.eq(cycleName))
                .fetchOptional(r -> new AssessmentRef(r.value1(), r.value2(), r.value3()));
    }

    /** Every statement's score and evidence, in framework order. */
    List<EvidenceItem> evidence(AssessmentRef assessment) {
        return db.select(CHARACTERISTIC.POSITION, CHARACTERISTIC.NAME, STATEMENT.CODE, STATEMENT.TEXT, ANSWER.SCORE,
                        SCALE_POINT.LABEL, ANSWER.EVIDENCE)
                .from(ANSWER)
                .join(STATEMENT).on(STATEMENT.ID.eq(ANSWER.STATEMENT_ID))
                .join(CHARACTERISTIC).on(CHARACTERISTIC.ID.eq(STATEMENT.CHARACTERISTIC_ID))
                .leftJoin(SCALE_POINT).on(SCALE_POINT.FRAMEWORK_ID.eq(CHARACTERISTIC.FRAMEWORK_ID),
                        SCALE_POINT.SCORE.eq(ANSWER.SCORE))
                .where(ANSWER.ICS_ID.eq(assessment.icsId()), ANSWER.ASSESSMENT_ID.eq(assessment.id()))
                .orderBy(CHARACTERISTIC.POSITION, STATEMENT.POSITION)
                .fetch(r -> new EvidenceItem(r.value1() + ". " + r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7()));
    }

    /** The assessment's actions; with a limit, the open ones due soonest. */
    List<ActionItem> actions(AssessmentRef assessment, Integer limit) {
        var query = db.select(CHARACTERISTIC.NAME, IMPROVEMENT_ACTION.TITLE, IMPROVEMENT_ACTION.OWNER_NAME,
                        IMPROVEMENT_ACTION.DUE_ON, IMPROVEMENT_ACTION.STATUS)
                .from(IMPROVEMENT_ACTION)
                .join(CHARACTERISTIC).on(CHARACTERISTIC.ID.eq(IMPROVEMENT_ACTION.CHARACTERISTIC_ID))
                .where(IMPROVEMENT_ACTION.ICS_ID.eq(assessment.icsId()),
                        IMPROVEMENT_ACTION.ASSESSMENT_ID.eq(assessment.id()))
                .and(limit == null ? org.jooq.impl.DSL.noCondition() : IMPROVEMENT_ACTION.STATUS.ne("DONE"))
                .orderBy(IMPROVEMENT_ACTION.DUE_ON, IMPROVEMENT_ACTION.ID);
        return (limit == null ? query.fetch() : query.limit(limit).fetch())
                .map(r -> new ActionItem(r.value1(), r.value2(), r.value3(), r.value4(), ACTION_STATUS.get(r.value5())));
    }

    Optional<Long> trustId(String odsCode) {
        return db.select(TRUST.ID).from(TRUST).where(TRUST.ODS_CODE.eq(odsCode)).fetchOptional(TRUST.ID);
    }
}
