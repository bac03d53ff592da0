package uk.nhs.strategycheck.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.CannotCreateTransactionException;
import uk.nhs.strategycheck.DatabaseProxy;
import uk.nhs.strategycheck.OperationsTest;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestDatabase;

/**
 * An autosave while the database cannot be reached (as during a failover, through the proxy the
 * operations tests can cut) is never reported saved and goes through once the database is back;
 * a save tried again after its commit's acknowledgement was lost is saved, not a conflict. Uses
 * its own trust, Dorset County Hospital (RBD), and its own editor.
 */
@OperationsTest
class AutosaveRecoveryTest {

    private static final String EDITOR = "rbd.editor@test.example";
    private static final String TRUST = "RBD";

    @Autowired
    AssessmentService assessments;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void freshAssessment() throws SQLException {
        database.trustUser(EDITOR, "Dorset Editor", "TRUST_EDITOR", TRUST);
        database.removeAssessments(TRUST);
        signIn.as(EDITOR);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void aSaveThatCannotReachTheDatabaseIsNotSavedAndGoesThroughOnceItIsBack() throws Exception {
        var page = assessments.open().orElseThrow();
        long statement = firstStatement(page);
        var first = assessments.saveAnswer(page.assessmentId(), statement, new AnswerDraft(3, "Before the outage", List.of()), 0);
        double retriesBefore = meters.counter("dsc.autosave.retries").count();

        var proxy = DatabaseProxy.running();
        proxy.stop();
        try {
            assertThatThrownBy(() -> assessments.saveAnswer(page.assessmentId(), statement,
                    new AnswerDraft(4, "During the outage", List.of()), first.version()))
                    .isInstanceOf(AssessmentProblem.NotSavedYet.class)
                    .hasMessageStartingWith("Not saved yet");
        } finally {
            proxy.start();
        }
        assertThat(meters.counter("dsc.autosave.retries").count() - retriesBefore).as("tried again within the save")
                .isGreaterThanOrEqualTo(1);
        assertThat(storedOnceReachable(statement).evidence()).as("nothing was saved").isEqualTo("Before the outage");

        var saved = assessments.saveAnswer(page.assessmentId(), statement, new AnswerDraft(4, "During the outage", List.of()),
                first.version());

        assertThat(saved.version()).isEqualTo(first.version() + 1);
        assertThat(stored(statement)).extracting(Answer::score, Answer::evidence).containsExactly(4, "During the outage");
    }

    @Test
    void aSaveTriedAgainAfterItsCommitWasLostIsSavedNotAConflict() {
        var page = assessments.open().orElseThrow();
        long statement = firstStatement(page);
        var draft = new AnswerDraft(2, "Saved, but the acknowledgement never came", List.of("https://www.england.nhs.uk"));
        var committed = assessments.saveAnswer(page.assessmentId(), statement, draft, 0);

        // The same save again over the version it was first made over, as a retry after an ambiguous commit is.
        var again = assessments.saveAnswer(page.assessmentId(), statement, draft, 0);

        assertThat(again.version()).as("nothing written twice").isEqualTo(committed.version());
        assertThat(again.evidence()).isEqualTo(draft.evidence());
        assertThatThrownBy(() -> assessments.saveAnswer(page.assessmentId(), statement,
                new AnswerDraft(5, "Something else over the old version", List.of()), 0))
                .as("a different answer over an old version is still someone else's change")
                .isInstanceOf(AssessmentProblem.AnswerConflict.class);
    }

    private static long firstStatement(AssessmentPage page) {
        return page.framework().characteristics().get(0).statements().get(0).id();
    }

    /**
     * The stored answer, as soon as the database can be reached again: the pool's first new
     * connection after the outage may still be refused while the proxy comes back.
     */
    private Answer storedOnceReachable(long statement) throws InterruptedException {
        var until = Instant.now().plusSeconds(15);
        while (true) {
            try {
                return stored(statement);
            } catch (CannotCreateTransactionException notYet) {
                if (Instant.now().isAfter(until)) {
                    throw notYet;
                }
                Thread.sleep(250);
            }
        }
    }

    private Answer stored(long statement) {
        return assessments.open().orElseThrow().answers().get(statement);
    }
}
