package uk.nhs.strategycheck.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import uk.nhs.strategycheck.OperationsTest;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.assessment.AnswerDraft;
import uk.nhs.strategycheck.assessment.AssessmentProblem;
import uk.nhs.strategycheck.assessment.AssessmentService;
import uk.nhs.strategycheck.reports.ReportService;
import uk.nhs.strategycheck.strategydocument.DocumentProblem;
import uk.nhs.strategycheck.strategydocument.StrategyDocumentService;
import uk.nhs.strategycheck.strategydocument.analysis.AnalysisProgress;
import uk.nhs.strategycheck.strategydocument.analysis.StrategyFixtures;

/**
 * The service's own metrics, as Prometheus scrapes them from the management port, after the real
 * services have done what they count. Uses its own trust, Newcastle upon Tyne Hospitals (RTD), and
 * its own editor.
 */
@OperationsTest
class ServiceMetricsTest {

    private static final String EDITOR = "rtd.editor@test.example";
    private static final String TRUST = "RTD";

    @Autowired
    AssessmentService assessments;
    @Autowired
    ReportService reports;
    @Autowired
    StrategyDocumentService documents;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;
    @LocalManagementPort
    int managementPort;
    @LocalServerPort
    int port;

    @BeforeEach
    void freshAssessment() throws SQLException {
        database.trustUser(EDITOR, "Tyne Editor", "TRUST_EDITOR", TRUST);
        database.removeAssessments(TRUST);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void autosavesAreCountedByOutcome() throws Exception {
        var before = scrape();
        signIn.as(EDITOR);
        var page = assessments.open().orElseThrow();
        long statement = page.framework().characteristics().get(0).statements().get(0).id();

        assessments.saveAnswer(page.assessmentId(), statement, new AnswerDraft(3, "Evidence", List.of()), 0);
        assertThatThrownBy(() -> assessments.saveAnswer(page.assessmentId(), statement,
                new AnswerDraft(4, "Someone else's evidence", List.of()), 0))
                .isInstanceOf(AssessmentProblem.AnswerConflict.class);
        assertThatThrownBy(() -> assessments.saveAnswer(page.assessmentId(), statement,
                new AnswerDraft(3, "Evidence", List.of("not a web address")), 1))
                .isInstanceOf(AssessmentProblem.Invalid.class);

        var after = scrape();
        for (var outcome : List.of("saved", "conflict", "refused")) {
            assertThat(increase(before, after, "dsc_autosaves_total", "outcome=\"" + outcome + "\"")).as(outcome)
                    .isEqualTo(1.0);
        }
    }

    @Test
    void reportsPreparedAreTimedByKindAndOutcome() throws Exception {
        var before = scrape();
        signIn.as("viewer@demo.example");

        assertThat(reports.trustReport("RJ1", "2025/26")).isNotEmpty();
        assertThatThrownBy(() -> reports.boardPack("QKK", "2025/26")).isInstanceOf(AccessDeniedException.class);

        var after = scrape();
        assertThat(increase(before, after, "dsc_reports_prepared_seconds_count", "kind=\"trust_report\"",
                "outcome=\"success\"")).isEqualTo(1.0);
        assertThat(increase(before, after, "dsc_reports_prepared_seconds_sum", "kind=\"trust_report\"",
                "outcome=\"success\"")).as("the time it took").isPositive();
        assertThat(increase(before, after, "dsc_reports_prepared_seconds_count", "kind=\"board_pack\"",
                "outcome=\"failure\"")).isEqualTo(1.0);
    }

    @Test
    void strategyAnalysesAreTimedByOutcome() throws Exception {
        var before = scrape();
        signIn.as(EDITOR);
        var strategy = "lakeside-short-strategy.txt";

        documents.analyse(strategy, StrategyFixtures.bytes(StrategyFixtures.document(strategy)), AnalysisProgress.NONE);
        assertThatThrownBy(() -> documents.analyse("empty.pdf", new byte[0], AnalysisProgress.NONE))
                .isInstanceOf(DocumentProblem.class);

        var after = scrape();
        assertThat(increase(before, after, "dsc_strategy_analyses_seconds_count", "outcome=\"analysed\"")).isEqualTo(1.0);
        assertThat(increase(before, after, "dsc_strategy_analyses_seconds_sum", "outcome=\"analysed\"")).isPositive();
        assertThat(increase(before, after, "dsc_strategy_analyses_seconds_count", "outcome=\"refused\"")).isEqualTo(1.0);
    }

    @Test
    void openVaadinSessionsAreGauged() throws Exception {
        double before = Http.metric(scrape(), "dsc_vaadin_sessions");

        // A browser's first visit: the sign-in page, with no session cookie yet.
        assertThat(Http.get(port, "/login").statusCode()).isEqualTo(200);

        assertThat(Http.metric(scrape(), "dsc_vaadin_sessions")).isGreaterThanOrEqualTo(before + 1);
    }

    private String scrape() throws Exception {
        var response = Http.get(managementPort, "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double increase(String before, String after, String name, String... labels) {
        return Http.metric(after, name, labels) - Http.metric(before, name, labels);
    }
}
