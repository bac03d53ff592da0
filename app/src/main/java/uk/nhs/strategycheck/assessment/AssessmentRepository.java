package uk.nhs.strategycheck.assessment;

import static uk.nhs.strategycheck.db.Tables.ANSWER;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT_CYCLE;
import static uk.nhs.strategycheck.db.Tables.ASSESSMENT_TRANSITION;
import static uk.nhs.strategycheck.db.Tables.CHARACTERISTIC;
import static uk.nhs.strategycheck.db.Tables.FRAMEWORK;
import static uk.nhs.strategycheck.db.Tables.IMPROVEMENT_ACTION;
import static uk.nhs.strategycheck.db.Tables.SCALE_POINT;
import static uk.nhs.strategycheck.db.Tables.STATEMENT;
import static uk.nhs.strategycheck.db.Tables.STRATEGY_DOCUMENT;
import static uk.nhs.strategycheck.db.Tables.TRUST;
import static org.jooq.impl.DSL.field;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import uk.nhs.strategycheck.db.tables.records.AnswerRecord;
import uk.nhs.strategycheck.db.tables.records.ImprovementActionRecord;
import uk.nhs.strategycheck.tenancy.CycleSummary;

/**
 * Assessments, answers, actions and their history. Every query names the ICS (the partition
 * key, so the planner prunes at plan time) and the trust; row level security stands behind.
 */
@Repository
class AssessmentRepository {

    record Cycle(CycleSummary summary, long frameworkId) {
    }

    /** An assessment; reopenedUntil is set when an admin reopened it after its cycle closed. */
    record AssessmentRow(long id, long icsId, long trustId, long cycleId, long frameworkId,
                         AssessmentStatus status, int version, LocalDate reopenedUntil) {
    }

    /** Someone the service e-mails about the assessment. */
    record Contact(String email, String name) {
    }

    private final DSLContext db;

    AssessmentRepository(DSLContext db) {
        this.db = db;
    }

    Optional<String> findTrustName(long trustId) {
        return db.select(TRUST.NAME).from(TRUST).where(TRUST.ID.eq(trustId)).fetchOptional(TRUST.NAME);
    }

    /**
     * The current holders of a role at the trust, with their addresses. Colleagues' accounts are
     * hidden by row level security, so a database function returns just these, and only to the
     * trust's own editors and approvers (migration 042).
     */
    List<Contact> findContacts(long trustId, uk.nhs.strategycheck.tenancy.Role role) {
        return db.resultQuery("select email, display_name from tenancy.trust_contacts({0}, {1})", trustId, role.name())
                .fetch(r -> new Contact(r.get("email", String.class), r.get("display_name", String.class)));
    }

    /** Whether the signed-in user changed an answer of the assessment (recorded by the database). */
    boolean changedAnswersIn(long assessmentId) {
        return db.select(field("tenancy.changed_answers_in({0})", Boolean.class, assessmentId)).fetchSingle().value1();
    }

    /** What the analyser found in the assessment's current strategy document, as JSON. */
    Optional<String> findStrategyDocumentAnalysis(long icsId, long assessmentId) {
        return db.select(STRATEGY_DOCUMENT.ANALYSIS).from(STRATEGY_DOCUMENT)
                .where(STRATEGY_DOCUMENT.ICS_ID.eq(icsId), STRATEGY_DOCUMENT.ASSESSMENT_ID.eq(assessmentId),
                        STRATEGY_DOCUMENT.SUPERSEDED_AT.isNull())
                .fetchOptional(r -> r.value1().data());
    }

    /** The first day the trust is closed, if it has closed or a closure has been applied. */
    Optional<LocalDate> findTrustClosedOn(long trustId) {
        return db.select(TRUST.CLOSED_ON).from(TRUST).where(TRUST.ID.eq(trustId)).fetchOptional(TRUST.CLOSED_ON);
    }

    Framework loadFramework(long frameworkId) {
        var version = db.select(FRAMEWORK.VERSION).from(FRAMEWORK).where(FRAMEWORK.ID.eq(frameworkId))
                .fetchSingle(FRAMEWORK.VERSION);
        Map<Long, List<Framework.Statement>> statements = db.select(STATEMENT.CHARACTERISTIC_ID, STATEMENT.ID,
                        STATEMENT.CODE, STATEMENT.TEXT)
                .from(STATEMENT).join(CHARACTERISTIC).on(CHARACTERISTIC.ID.eq(STATEMENT.CHARACTERISTIC_ID))
                .where(CHARACTERISTIC.FRAMEWORK_ID.eq(frameworkId))
                .orderBy(STATEMENT.POSITION)
                .fetchGroups(STATEMENT.CHARACTERISTIC_ID,
                        r -> new Framework.Statement(r.get(STATEMENT.ID), r.get(STATEMENT.CODE), r.get(STATEMENT.TEXT)));
        var characteristics = db.selectFrom(CHARACTERISTIC)
                .where(CHARACTERISTIC.FRAMEWORK_ID.eq(frameworkId))
                .orderBy(CHARACTERISTIC.POSITION)
                .fetch(c -> new Framework.Characteristic(c.getId(), c.getPosition(), c.getCode(), c.getName(),
                        c.getGoodSign(), c.getBadSignLabel(), c.getBadSign(), statements.getOrDefault(c.getId(), List.of())));
        var scale = db.selectFrom(SCALE_POINT).where(SCALE_POINT.FRAMEWORK_ID.eq(frameworkId))
                .orderBy(SCALE_POINT.SCORE)
                .fetch(p -> new Framework.ScalePoint(p.getScore(), p.getLabel(), p.getMeaning()));
        return new Framework(frameworkId, version, characteristics, scale);
    }

    /** The region's cycle open on the day; failing that, the one that opened most recently before it. */
    Optional<Cycle> findCurrentCycle(long regionId, LocalDate day) {
        return db.selectFrom(ASSESSMENT_CYCLE)
                .where(ASSESSMENT_CYCLE.REGION_ID.eq(regionId))
                .and(ASSESSMENT_CYCLE.OPENS_ON.le(day))
                .orderBy(ASSESSMENT_CYCLE.CLOSES_ON.ge(day).desc(), ASSESSMENT_CYCLE.OPENS_ON.desc())
                .limit(1)
                .fetchOptional(c -> new Cycle(new CycleSummary(c.getId(), c.getName(), c.getOpensOn(), c.getClosesOn()),
                        c.getFrameworkId()));
    }

    Optional<Cycle> findCycle(long cycleId) {
        return db.selectFrom(ASSESSMENT_CYCLE).where(ASSESSMENT_CYCLE.ID.eq(cycleId))
                .fetchOptional(c -> new Cycle(new CycleSummary(c.getId(), c.getName(), c.getOpensOn(), c.getClosesOn()),
                        c.getFrameworkId()));
    }

    /** The region's last cycle to close before the given day. */
    Optional<CycleSummary> findPreviousCycle(long regionId, LocalDate before) {
        return db.selectFrom(ASSESSMENT_CYCLE)
                .where(ASSESSMENT_CYCLE.REGION_ID.eq(regionId))
                .and(ASSESSMENT_CYCLE.CLOSES_ON.lt(before))
                .orderBy(ASSESSMENT_CYCLE.CLOSES_ON.desc())
                .limit(1)
                .fetchOptional(c -> new CycleSummary(c.getId(), c.getName(), c.getOpensOn(), c.getClosesOn()));
    }

    Optional<AssessmentRow> findAssessmentInCycle(long icsId, long trustId, long cycleId) {
        return db.selectFrom(ASSESSMENT)
                .where(ASSESSMENT.ICS_ID.eq(icsId), ASSESSMENT.TRUST_ID.eq(trustId), ASSESSMENT.CYCLE_ID.eq(cycleId))
                .fetchOptional(AssessmentRepository::toRow);
    }

    Optional<AssessmentRow> findAssessment(long icsId, long trustId, long assessmentId) {
        return db.selectFrom(ASSESSMENT)
                .where(ASSESSMENT.ICS_ID.eq(icsId), ASSESSMENT.TRUST_ID.eq(trustId), ASSESSMENT.ID.eq(assessmentId))
                .fetchOptional(AssessmentRepository::toRow);
    }

    private static AssessmentRow toRow(uk.nhs.strategycheck.db.tables.records.AssessmentRecord a) {
        return new AssessmentRow(a.getId(), a.getIcsId(), a.getTrustId(), a.getCycleId(), a.getFrameworkId(),
                AssessmentStatus.valueOf(a.getStatus()), a.getVersion(), a.getReopenedUntil());
    }

    /**
     * Starts the trust's assessment in the cycle with an empty answer for every statement.
     * Two editors opening it at once get the same one.
     */
    AssessmentRow createAssessment(long icsId, long trustId, long cycleId, Framework framework) {
        var created = db.insertInto(ASSESSMENT)
                .set(ASSESSMENT.ICS_ID, icsId)
                .set(ASSESSMENT.TRUST_ID, trustId)
                .set(ASSESSMENT.CYCLE_ID, cycleId)
                .set(ASSESSMENT.FRAMEWORK_ID, framework.id())
                .onConflictDoNothing()
                .returning(ASSESSMENT.ID)
                .fetchOptional();
        if (created.isPresent()) {
            var insert = db.insertInto(ANSWER, ANSWER.ICS_ID, ANSWER.TRUST_ID, ANSWER.ASSESSMENT_ID, ANSWER.STATEMENT_ID);
            for (var characteristic : framework.characteristics()) {
                for (var statement : characteristic.statements()) {
                    insert = insert.values(icsId, trustId, created.get().getId(), statement.id());
                }
            }
            insert.execute();
        }
        return findAssessmentInCycle(icsId, trustId, cycleId).orElseThrow();
    }

    Map<Long, Answer> findAnswers(long icsId, long assessmentId) {
        return db.selectFrom(ANSWER)
                .where(ANSWER.ICS_ID.eq(icsId), ANSWER.ASSESSMENT_ID.eq(assessmentId))
                .fetch(AssessmentRepository::toAnswer)
                .stream()
                .collect(Collectors.toMap(Answer::statementId, a -> a, (a, b) -> a, LinkedHashMap::new));
    }

    Optional<Answer> findAnswer(long icsId, long assessmentId, long statementId) {
        return db.selectFrom(ANSWER)
                .where(ANSWER.ICS_ID.eq(icsId), ANSWER.ASSESSMENT_ID.eq(assessmentId), ANSWER.STATEMENT_ID.eq(statementId))
                .fetchOptional(AssessmentRepository::toAnswer);
    }

    /** Saves the answer if nobody has changed it since the given version; empty otherwise. */
    Optional<Answer> updateAnswer(long icsId, long assessmentId, long statementId, AnswerDraft draft,
                                  int expectedVersion, long userId, String userName) {
        return db.update(ANSWER)
                .set(ANSWER.SCORE, draft.score())
                .set(ANSWER.EVIDENCE, draft.evidence())
                .set(ANSWER.EVIDENCE_LINKS, draft.links().toArray(String[]::new))
                .set(ANSWER.UPDATED_AT, OffsetDateTime.now())
                .set(ANSWER.UPDATED_BY, userId)
                .set(ANSWER.UPDATED_BY_NAME, userName)
                .set(ANSWER.VERSION, ANSWER.VERSION.plus(1))
                .where(ANSWER.ICS_ID.eq(icsId), ANSWER.ASSESSMENT_ID.eq(assessmentId),
                        ANSWER.STATEMENT_ID.eq(statementId), ANSWER.VERSION.eq(expectedVersion))
                .returning()
                .fetchOptional()
                .map(AssessmentRepository::toAnswer);
    }

    void touchAssessment(long icsId, long assessmentId) {
        db.update(ASSESSMENT).set(ASSESSMENT.UPDATED_AT, OffsetDateTime.now())
                .where(ASSESSMENT.ICS_ID.eq(icsId), ASSESSMENT.ID.eq(assessmentId))
                .execute();
    }

    private static Answer toAnswer(AnswerRecord a) {
        return new Answer(a.getStatementId(), a.getScore(), a.getEvidence(),
                a.getEvidenceLinks() == null ? List.of() : Arrays.asList(a.getEvidenceLinks()),
                a.getVersion(), a.getUpdatedAt() == null ? null : a.getUpdatedAt().toInstant(), a.getUpdatedByName());
    }

    /**
     * Moves the assessment to another status through the database's workflow function, which
     * checks the role and the state machine and records the transition. False when somebody
     * else moved or changed it since it was read.
     */
    boolean moveAssessment(long assessmentId, AssessmentStatus to, int expectedVersion, String reason) {
        return db.select(field("tenancy.move_assessment({0}, {1}, {2}, {3})", Integer.class,
                        assessmentId, to.name(), expectedVersion, reason))
                .fetchSingle().value1() != null;
    }

    List<Transition> findTransitions(long icsId, long assessmentId) {
        return db.selectFrom(ASSESSMENT_TRANSITION)
                .where(ASSESSMENT_TRANSITION.ICS_ID.eq(icsId), ASSESSMENT_TRANSITION.ASSESSMENT_ID.eq(assessmentId))
                .orderBy(ASSESSMENT_TRANSITION.OCCURRED_AT, ASSESSMENT_TRANSITION.ID)
                .fetch(t -> new Transition(t.getFromStatus() == null ? null : AssessmentStatus.valueOf(t.getFromStatus()),
                        AssessmentStatus.valueOf(t.getToStatus()), t.getReason(), t.getUserName(),
                        t.getOccurredAt().toInstant()));
    }

    /** Statement scores of the trust's approved assessment in the cycle, if it has one. */
    Map<Long, Integer> findApprovedScores(long icsId, long trustId, long cycleId) {
        return db.select(ANSWER.STATEMENT_ID, ANSWER.SCORE)
                .from(ANSWER).join(ASSESSMENT)
                .on(ASSESSMENT.ICS_ID.eq(ANSWER.ICS_ID), ASSESSMENT.ID.eq(ANSWER.ASSESSMENT_ID))
                .where(ASSESSMENT.ICS_ID.eq(icsId), ASSESSMENT.TRUST_ID.eq(trustId), ASSESSMENT.CYCLE_ID.eq(cycleId),
                        ASSESSMENT.STATUS.eq(AssessmentStatus.APPROVED.name()), ANSWER.SCORE.isNotNull())
                .fetchMap(ANSWER.STATEMENT_ID, ANSWER.SCORE);
    }

    List<ImprovementAction> findActions(long icsId, long assessmentId) {
        return db.selectFrom(IMPROVEMENT_ACTION)
                .where(IMPROVEMENT_ACTION.ICS_ID.eq(icsId), IMPROVEMENT_ACTION.ASSESSMENT_ID.eq(assessmentId))
                .orderBy(IMPROVEMENT_ACTION.DUE_ON, IMPROVEMENT_ACTION.ID)
                .fetch(AssessmentRepository::toAction);
    }

    Optional<ImprovementAction> findAction(long icsId, long assessmentId, long actionId) {
        return db.selectFrom(IMPROVEMENT_ACTION)
                .where(IMPROVEMENT_ACTION.ICS_ID.eq(icsId), IMPROVEMENT_ACTION.ASSESSMENT_ID.eq(assessmentId),
                        IMPROVEMENT_ACTION.ID.eq(actionId))
                .fetchOptional(AssessmentRepository::toAction);
    }

    ImprovementAction insertAction(AssessmentRow assessment, ActionDraft draft, String userName) {
        return toAction(db.insertInto(IMPROVEMENT_ACTION)
                .set(IMPROVEMENT_ACTION.ICS_ID, assessment.icsId())
                .set(IMPROVEMENT_ACTION.TRUST_ID, assessment.trustId())
                .set(IMPROVEMENT_ACTION.ASSESSMENT_ID, assessment.id())
                .set(IMPROVEMENT_ACTION.CHARACTERISTIC_ID, draft.characteristicId())
                .set(IMPROVEMENT_ACTION.TITLE, draft.title())
                .set(IMPROVEMENT_ACTION.OWNER_NAME, draft.ownerName())
                .set(IMPROVEMENT_ACTION.DUE_ON, draft.dueOn())
                .set(IMPROVEMENT_ACTION.STATUS, draft.status().name())
                .set(IMPROVEMENT_ACTION.UPDATED_BY_NAME, userName)
                .returning()
                .fetchSingle());
    }

    /** Saves the action if nobody has changed it since the given version; empty otherwise. */
    Optional<ImprovementAction> updateAction(long icsId, long assessmentId, long actionId, ActionDraft draft,
                                             int expectedVersion, String userName) {
        return db.update(IMPROVEMENT_ACTION)
                .set(IMPROVEMENT_ACTION.TITLE, draft.title())
                .set(IMPROVEMENT_ACTION.OWNER_NAME, draft.ownerName())
                .set(IMPROVEMENT_ACTION.DUE_ON, draft.dueOn())
                .set(IMPROVEMENT_ACTION.STATUS, draft.status().name())
                .set(IMPROVEMENT_ACTION.UPDATED_AT, OffsetDateTime.now())
                .set(IMPROVEMENT_ACTION.UPDATED_BY_NAME, userName)
                .set(IMPROVEMENT_ACTION.VERSION, IMPROVEMENT_ACTION.VERSION.plus(1))
                .where(IMPROVEMENT_ACTION.ICS_ID.eq(icsId), IMPROVEMENT_ACTION.ASSESSMENT_ID.eq(assessmentId),
                        IMPROVEMENT_ACTION.ID.eq(actionId), IMPROVEMENT_ACTION.VERSION.eq(expectedVersion))
                .returning()
                .fetchOptional()
                .map(AssessmentRepository::toAction);
    }

    private static ImprovementAction toAction(ImprovementActionRecord a) {
        return new ImprovementAction(a.getId(), a.getCharacteristicId(), a.getTitle(), a.getOwnerName(), a.getDueOn(),
                ActionStatus.valueOf(a.getStatus()), a.getVersion());
    }
}
