package uk.nhs.strategycheck.reports;

import static uk.nhs.strategycheck.db.Tables.ANSWER;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT_CYCLE;
import static uk.nhs.strategycheck.db.Tables.CHARACTERISTIC;
import static uk.nhs.strategycheck.db.Tables.IMPROVEMENT_ACTION;
import static uk.nhs.strategycheck.db.Tables.SCALE_POINT;
import static uk.nhs.strategycheck.db.Tables.STATEMENT;
import static uk.nhs.strategycheck.db.Tables.TRUST;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
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

    /** The assessment's actions, due soonest first. */
    List<ActionItem> actions(AssessmentRef assessment) {
        return db.select(CHARACTERISTIC.NAME, IMPROVEMENT_ACTION.TITLE, IMPROVEMENT_ACTION.OWNER_NAME,
                        IMPROVEMENT_ACTION.DUE_ON, IMPROVEMENT_ACTION.STATUS)
                .from(IMPROVEMENT_ACTION)
                .join(CHARACTERISTIC).on(CHARACTERISTIC.ID.eq(IMPROVEMENT_ACTION.CHARACTERISTIC_ID))
                .where(IMPROVEMENT_ACTION.ICS_ID.eq(assessment.icsId()),
                        IMPROVEMENT_ACTION.ASSESSMENT_ID.eq(assessment.id()))
                .orderBy(IMPROVEMENT_ACTION.DUE_ON, IMPROVEMENT_ACTION.ID)
                .fetch(r -> new ActionItem(r.value1(), r.value2(), r.value3(), r.value4(), ACTION_STATUS.get(r.value5())));
    }

    /**
     * Each trust's open actions in its assessment of the named cycle, the {@code limit} due soonest,
     * by trust id: one query for any number of trusts (in the ICSs named, those they are in now).
     */
    Map<Long, List<ActionItem>> openActions(Collection<Long> trustIds, Collection<Long> icsIds,
                                            String cycleName, int limit) {
        var rank = DSL.rowNumber().over(DSL.partitionBy(IMPROVEMENT_ACTION.TRUST_ID)
                .orderBy(IMPROVEMENT_ACTION.DUE_ON, IMPROVEMENT_ACTION.ID)).as("rank");
        var ranked = db.select(IMPROVEMENT_ACTION.TRUST_ID, CHARACTERISTIC.NAME, IMPROVEMENT_ACTION.TITLE,
                        IMPROVEMENT_ACTION.OWNER_NAME, IMPROVEMENT_ACTION.DUE_ON, IMPROVEMENT_ACTION.STATUS, rank)
                .from(IMPROVEMENT_ACTION)
                .join(CHARACTERISTIC).on(CHARACTERISTIC.ID.eq(IMPROVEMENT_ACTION.CHARACTERISTIC_ID))
                .join(ASSESSMENT).on(ASSESSMENT.ICS_ID.eq(IMPROVEMENT_ACTION.ICS_ID),
                        ASSESSMENT.ID.eq(IMPROVEMENT_ACTION.ASSESSMENT_ID))
                .where(IMPROVEMENT_ACTION.ICS_ID.in(icsIds), ASSESSMENT.ICS_ID.in(icsIds),
                        IMPROVEMENT_ACTION.TRUST_ID.in(trustIds), ASSESSMENT.CYCLE_NAME.eq(cycleName),
                        IMPROVEMENT_ACTION.STATUS.ne("DONE"))
                .asTable("ranked");
        var result = new HashMap<Long, List<ActionItem>>();
        db.selectFrom(ranked)
                .where(ranked.field(rank).le(limit))
                .orderBy(ranked.field(IMPROVEMENT_ACTION.TRUST_ID), ranked.field(rank))
                .forEach(r -> result.computeIfAbsent(r.get(IMPROVEMENT_ACTION.TRUST_ID), id -> new ArrayList<>())
                        .add(new ActionItem(r.get(CHARACTERISTIC.NAME), r.get(IMPROVEMENT_ACTION.TITLE),
                                r.get(IMPROVEMENT_ACTION.OWNER_NAME), r.get(IMPROVEMENT_ACTION.DUE_ON),
                                ACTION_STATUS.get(r.get(IMPROVEMENT_ACTION.STATUS)))));
        return result;
    }

    Optional<Long> trustId(String odsCode) {
        return db.select(TRUST.ID).from(TRUST).where(TRUST.ODS_CODE.eq(odsCode)).fetchOptional(TRUST.ID);
    }
}
