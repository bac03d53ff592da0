package uk.nhs.strategycheck.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestClock;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.shared.Dates;

/**
 * The assessment workflow against PostgreSQL, as the application role: what may change
 * when, optimistic locking, and the audit trail. Uses its own trust, Lewisham and
 * Greenwich (RJ2), and its own users.
 */
@IntegrationTest
class AssessmentServiceTest {

    private static final String EDITOR = "rj2.editor@test.example";
    private static final String APPROVER = "rj2.approver@test.example";
    private static final String VIEWER = "rj2.viewer@test.example";
    private static final String DECLARATION = "I confirm I have reviewed all 28 answers and their evidence.";

    @Autowired
    AssessmentService assessments;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;
    @Autowired
    TestClock clock;

    private JdbcTemplate owner;

    @BeforeEach
    void freshAssessment() throws SQLException {
        database.trustUser(EDITOR, "Erin Editor", "TRUST_EDITOR", "RJ2");
        database.trustUser(APPROVER, "Ade Approver", "TRUST_APPROVER", "RJ2");
        database.trustUser(VIEWER, "Vic Viewer", "TRUST_VIEWER", "RJ2");
        database.removeAssessments("RJ2");
        owner = database.owner();
    }

    @AfterEach
    void signOutAndResetTheClock() {
        signIn.out();
        clock.reset();
    }

    @Test
    void anEditorOpeningAnOpenCycleStartsTheAssessmentWithAnEmptyAnswerPerStatement() {
        signIn.as(EDITOR);

        var page = assessments.open().orElseThrow();

        assertThat(page.status()).isEqualTo(AssessmentStatus.DRAFT);
        assertThat(page.cycle().name()).isEqualTo("2026/27");
        assertThat(page.answers()).hasSize(28);
        assertThat(page.answeredCount()).isZero();
        assertThat(count("select count(*) from answer where assessment_id = ?", page.assessmentId())).isEqualTo(28);
        assertThat(auditActions(page.assessmentId(), "assessment")).containsExactly("ASSESSMENT_STARTED");
        assertThat(assessments.open().orElseThrow().assessmentId()).as("opened again, the same one")
                .isEqualTo(page.assessmentId());
    }

    @Test
    void aViewerNeitherStartsNorChangesAnAssessment() {
        signIn.as(VIEWER);
        assertThat(assessments.open()).isEmpty();

        signIn.as(EDITOR);
        var page = assessments.open().orElseThrow();
        signIn.as(VIEWER);
        var viewed = assessments.open().orElseThrow();
        assertThat(viewed.can().editAnswers()).isFalse();
        assertThat(viewed.can().readOnlyReason()).contains("view-only");
        long statement = firstStatement(page);
        assertThatThrownBy(() -> assessments.saveAnswer(page.assessmentId(), statement, new AnswerDraft(3, "", List.of()), 0))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anIncompleteAssessmentCannotBeSubmittedAndTheMissingStatementsAreListed() {
        signIn.as(EDITOR);
        var page = assessments.open().orElseThrow();
        var statements = statementIds(page);
        for (long statement : statements.subList(0, 27)) {
            assessments.saveAnswer(page.assessmentId(), statement, new AnswerDraft(3, "Evidence", List.of()), 0);
        }

        assertThatThrownBy(() -> assessments.submit(page.assessmentId(), page.version()))
                .isInstanceOfSatisfying(AssessmentProblem.Incomplete.class, incomplete -> assertThat(incomplete.missing())
                        .extracting(AssessmentProblem.MissingScore::describe).containsExactly("Lived in culture, practices and processes, S4: Teams measure their services "
                                + "and improve them continuously (for example retrospectives, service performance data)."));
        assertThat(status(page.assessmentId())).isEqualTo("DRAFT");
    }

    @Test
    void aSubmittedAssessmentIsFrozenAndApprovalKeepsItSo() {
        signIn.as(EDITOR);
        var page = answerEverything();
        assessments.submit(page.assessmentId(), page.version());
        assertThat(status(page.assessmentId())).isEqualTo("SUBMITTED");
        long statement = firstStatement(page);
        assertThatThrownBy(() -> assessments.saveAnswer(page.assessmentId(), statement,
                new AnswerDraft(5, "Changed after submission", List.of()), 1))
                .isInstanceOf(AssessmentProblem.class).hasMessageContaining("submitted for sign-off");

        signIn.as(EDITOR);
        assertThatThrownBy(() -> assessments.approve(page.assessmentId(), page.version() + 1, DECLARATION))
                .as("only an approver approves").isInstanceOf(AccessDeniedException.class);

        signIn.as(APPROVER);
        assessments.approve(page.assessmentId(), page.version() + 1, DECLARATION);
        assertThat(status(page.assessmentId())).isEqualTo("APPROVED");
        assertThatThrownBy(() -> assessments.saveAnswer(page.assessmentId(), statement,
                new AnswerDraft(5, "Changed after approval", List.of()), 1))
                .isInstanceOf(AssessmentProblem.class).hasMessageContaining("approved");
        assertThat(owner.queryForObject("select score from answer where assessment_id = ? and statement_id = ?",
                Integer.class, page.assessmentId(), statement)).isEqualTo(3);

        var history = assessments.open().orElseThrow().history();
        assertThat(history).extracting(Transition::to, Transition::userName).containsExactly(
                tuple(AssessmentStatus.SUBMITTED, "Erin Editor"),
                tuple(AssessmentStatus.APPROVED, "Ade Approver"));
    }

    @Test
    void theDatabaseRefusesToChangeAnApprovedAssessmentsAnswersWhateverTheApplicationDoes() {
        signIn.as(EDITOR);
        var page = answerEverything();
        assessments.submit(page.assessmentId(), page.version());
        signIn.as(APPROVER);
        assessments.approve(page.assessmentId(), page.version() + 1, DECLARATION);

        assertThatThrownBy(() -> owner.update("update answer set score = 1 where assessment_id = ?", page.assessmentId()))
                .hasMessageContaining("answers of a approved assessment cannot be changed");
    }

    @Test
    void aReturnedAssessmentNeedsAReasonAndIsEditableAgain() {
        signIn.as(EDITOR);
        var page = answerEverything();
        assessments.submit(page.assessmentId(), page.version());

        signIn.as(APPROVER);
        assertThatThrownBy(() -> assessments.returnForChanges(page.assessmentId(), page.version() + 1, "  "))
                .isInstanceOf(AssessmentProblem.Invalid.class).hasMessageContaining("Enter what needs to change");
        assessments.returnForChanges(page.assessmentId(), page.version() + 1, "Evidence for CLARITY S1 is thin.");
        assertThat(status(page.assessmentId())).isEqualTo("RETURNED");

        signIn.as(EDITOR);
        var returned = assessments.open().orElseThrow();
        assertThat(returned.can().editAnswers()).isTrue();
        assertThat(returned.history().get(1).reason()).isEqualTo("Evidence for CLARITY S1 is thin.");
        long statement = firstStatement(page);
        var saved = assessments.saveAnswer(page.assessmentId(), statement,
                new AnswerDraft(4, "Board paper of 12 November 2026", List.of()), returned.answers().get(statement).version());
        assertThat(saved.score()).isEqualTo(4);
        assessments.submit(page.assessmentId(), returned.version());
        assertThat(status(page.assessmentId())).isEqualTo("SUBMITTED");
    }

    @Test
    void afterTheCycleClosesNothingCanBeChanged() {
        signIn.as(EDITOR);
        var page = assessments.open().orElseThrow();
        long statement = firstStatement(page);

        clock.set(ZonedDateTime.of(2027, 4, 1, 9, 0, 0, 0, Dates.ENGLAND).toInstant());

        var closed = assessments.open().orElseThrow();
        assertThat(closed.assessmentId()).isEqualTo(page.assessmentId());
        assertThat(closed.cycleOpen()).isFalse();
        assertThat(closed.can().editAnswers()).isFalse();
        assertThat(closed.can().readOnlyReason()).isEqualTo(
                "The 2026/27 cycle closed on 31 March 2027, so this assessment can no longer be changed.");
        assertThatThrownBy(() -> assessments.saveAnswer(page.assessmentId(), statement, new AnswerDraft(2, "", List.of()), 0))
                .isInstanceOf(AssessmentProblem.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> assessments.addAction(page.assessmentId(), new ActionDraft(
                page.framework().characteristics().get(0).id(), "Late", "Someone", LocalDate.of(2027, 6, 1),
                ActionStatus.NOT_STARTED)))
                .isInstanceOf(AssessmentProblem.class).hasMessageContaining("closed");
    }

    @Test
    void theSecondOfTwoConcurrentSavesIsRefusedWithTheFirstPersonsAnswer() throws SQLException {
        database.trustUser("rj2.second.editor@test.example", "Sol Second", "TRUST_EDITOR", "RJ2");
        signIn.as(EDITOR);
        var page = assessments.open().orElseThrow();
        long statement = firstStatement(page);
        int loadedVersion = page.answers().get(statement).version();

        assessments.saveAnswer(page.assessmentId(), statement, new AnswerDraft(4, "Erin's evidence", List.of()), loadedVersion);

        signIn.as("rj2.second.editor@test.example");
        assertThatThrownBy(() -> assessments.saveAnswer(page.assessmentId(), statement,
                new AnswerDraft(2, "Sol's evidence", List.of()), loadedVersion))
                .isInstanceOfSatisfying(AssessmentProblem.AnswerConflict.class, conflict -> {
                    assertThat(conflict.theirs().score()).isEqualTo(4);
                    assertThat(conflict.theirs().evidence()).isEqualTo("Erin's evidence");
                    assertThat(conflict.theirs().updatedByName()).isEqualTo("Erin Editor");
                    assertThat(conflict.getMessage()).isEqualTo("Erin Editor changed this answer while you were editing it.");
                });
        assertThat(owner.queryForObject("select evidence from answer where assessment_id = ? and statement_id = ?",
                String.class, page.assessmentId(), statement)).isEqualTo("Erin's evidence");

        // Having seen Erin's answer, Sol keeps his own: saved over the version he was shown.
        assessments.saveAnswer(page.assessmentId(), statement, new AnswerDraft(2, "Sol's evidence", List.of()),
                loadedVersion + 1);
        assertThat(owner.queryForObject("select evidence from answer where assessment_id = ? and statement_id = ?",
                String.class, page.assessmentId(), statement)).isEqualTo("Sol's evidence");
    }

    @Test
    void everyChangeIsAuditedWithBeforeAndAfterWhoAndTheTenant() {
        var authentication = signIn.as(EDITOR);
        var page = assessments.open().orElseThrow();
        long statement = firstStatement(page);
        assessments.saveAnswer(page.assessmentId(), statement,
                new AnswerDraft(3, "Strategy approved at public board", List.of("https://board.example.nhs.uk/papers")), 0);
        var action = assessments.addAction(page.assessmentId(), new ActionDraft(page.framework().characteristics().get(0).id(),
                "Present outcomes dashboard to board", "Chief Executive", LocalDate.of(2027, 1, 31), ActionStatus.NOT_STARTED));
        assessments.updateAction(page.assessmentId(), action.id(), new ActionDraft(action.characteristicId(), action.title(),
                action.ownerName(), action.dueOn(), ActionStatus.IN_PROGRESS), action.version());

        var answerEvent = owner.queryForMap("""
                select e.user_id, e.user_email, e.user_name, e.role, e.region_id, e.ics_id, e.trust_id,
                       e.before ->> 'score' as before_score, e.after ->> 'score' as after_score,
                       e.after ->> 'evidence' as after_evidence, e.after -> 'links' ->> 0 as after_link, e.occurred_at
                  from audit_event e where e.action = 'ANSWER_CHANGED' and e.entity_id = ?""",
                page.assessmentId() + "/" + statement);
        var trust = owner.queryForMap("""
                select t.id as trust_id, t.ics_id, i.region_id from trust t join ics i on i.id = t.ics_id
                 where t.ods_code = 'RJ2'""");
        assertThat(answerEvent).containsEntry("user_email", EDITOR).containsEntry("user_name", "Erin Editor")
                .containsEntry("role", "TRUST_EDITOR")
                .containsEntry("trust_id", trust.get("trust_id")).containsEntry("ics_id", trust.get("ics_id"))
                .containsEntry("region_id", trust.get("region_id"))
                .containsEntry("before_score", null).containsEntry("after_score", "3")
                .containsEntry("after_evidence", "Strategy approved at public board")
                .containsEntry("after_link", "https://board.example.nhs.uk/papers");
        assertThat(answerEvent.get("user_id")).isEqualTo(((uk.nhs.strategycheck.security.SignedInUser)
                authentication.getPrincipal()).id());
        assertThat(answerEvent.get("occurred_at")).isNotNull();

        var actionEvents = owner.queryForList("""
                select action, before ->> 'status' as before_status, after ->> 'status' as after_status
                  from audit_event where entity_type = 'improvement_action' and entity_id = ? order by id""",
                String.valueOf(action.id()));
        assertThat(actionEvents).extracting(e -> e.get("action"), e -> e.get("before_status"), e -> e.get("after_status"))
                .containsExactly(tuple("ACTION_ADDED", null, "NOT_STARTED"),
                        tuple("ACTION_CHANGED", "NOT_STARTED", "IN_PROGRESS"));
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndNothingIsSaved() {
        signIn.as(EDITOR);
        var page = assessments.open().orElseThrow();
        long statement = firstStatement(page);

        assertThatThrownBy(() -> assessments.saveAnswer(page.assessmentId(), statement,
                new AnswerDraft(3, "x".repeat(4001), List.of()), 0))
                .isInstanceOfSatisfying(AssessmentProblem.Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("evidence"))
                .hasMessage("The evidence note is 4001 characters long. Shorten it to 4000 characters or fewer.");
        assertThatThrownBy(() -> assessments.saveAnswer(page.assessmentId(), statement,
                new AnswerDraft(3, "", List.of("intranet/strategy.pdf")), 0))
                .isInstanceOfSatisfying(AssessmentProblem.Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("links"))
                .hasMessageContaining("\"intranet/strategy.pdf\" is not a web address");
        assertThatThrownBy(() -> assessments.saveAnswer(page.assessmentId(), statement, new AnswerDraft(6, "", List.of()), 0))
                .isInstanceOf(AssessmentProblem.Invalid.class);
        assertThatThrownBy(() -> assessments.addAction(page.assessmentId(), new ActionDraft(
                page.framework().characteristics().get(0).id(), " ", "Owner", LocalDate.of(2027, 1, 1), ActionStatus.DONE)))
                .isInstanceOfSatisfying(AssessmentProblem.Invalid.class, invalid -> assertThat(invalid.field()).isEqualTo("title"));
        assertThat(count("select count(*) from answer where assessment_id = ? and version > 0", page.assessmentId())).isZero();
        assertThat(count("select count(*) from improvement_action where assessment_id = ?", page.assessmentId())).isZero();
    }

    @Test
    void anApproverWhoChangedAnAnswerCannotSignTheAssessmentOffAndAnotherApproverCan() throws SQLException {
        database.trustUser("rj2.approver2@test.example", "Bea Approver", "TRUST_APPROVER", "RJ2");
        signIn.as(EDITOR);
        var page = answerEverything();
        signIn.as(APPROVER);
        assessments.saveAnswer(page.assessmentId(), firstStatement(page), new AnswerDraft(4, "Board minutes", List.of()), 1);
        signIn.as(EDITOR);
        assessments.submit(page.assessmentId(), page.version());

        signIn.as(APPROVER);
        var review = assessments.open().orElseThrow();
        assertThat(review.can().approve()).isFalse();
        assertThat(review.can().readOnlyReason()).isEqualTo(
                "You changed answers in this assessment, so another approver must sign it off.");
        assertThatThrownBy(() -> assessments.approve(page.assessmentId(), page.version() + 1, DECLARATION))
                .isInstanceOf(AssessmentProblem.class).hasMessageContaining("another approver must sign it off");
        assertThat(status(page.assessmentId())).isEqualTo("SUBMITTED");

        signIn.as("rj2.approver2@test.example");
        assertThat(assessments.open().orElseThrow().can().approve()).isTrue();
        assessments.approve(page.assessmentId(), page.version() + 1, DECLARATION);
        assertThat(status(page.assessmentId())).isEqualTo("APPROVED");
    }

    private AssessmentPage answerEverything() {
        var page = assessments.open().orElseThrow();
        for (long statement : statementIds(page)) {
            assessments.saveAnswer(page.assessmentId(), statement, new AnswerDraft(3, "Evidence", List.of()), 0);
        }
        return assessments.open().orElseThrow();
    }

    private static List<Long> statementIds(AssessmentPage page) {
        return page.framework().characteristics().stream()
                .flatMap(c -> c.statements().stream()).map(Framework.Statement::id).toList();
    }

    private static long firstStatement(AssessmentPage page) {
        return statementIds(page).get(0);
    }

    private String status(long assessmentId) {
        return owner.queryForObject("select status from assessment where id = ?", String.class, assessmentId);
    }

    private long count(String sql, Object... arguments) {
        return owner.queryForObject(sql, Long.class, arguments);
    }

    private List<String> auditActions(long entityId, String entityType) {
        return owner.queryForList("select action from audit_event where entity_type = ? and entity_id = ? order by id",
                String.class, entityType, String.valueOf(entityId));
    }
}
