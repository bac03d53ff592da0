package uk.nhs.strategycheck.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import uk.nhs.strategycheck.OperationsTest;
import uk.nhs.strategycheck.OperationsTestSupport;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.assessment.AnswerDraft;
import uk.nhs.strategycheck.assessment.AssessmentService;
import uk.nhs.strategycheck.browser.BrowserTest;
import uk.nhs.strategycheck.shared.MailerWithoutSmtp;
import uk.nhs.strategycheck.shared.ServiceAddress;

/**
 * The production log: one JSON object per line (Elastic Common Schema), each line written while
 * handling a request carrying its request id and, once signed in, the user's id and scope level;
 * and never an e-mail address or what a trust wrote as evidence. Uses its own trust, Newcastle
 * upon Tyne Hospitals (RTD), and its own users.
 */
@OperationsTest
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogTest {

    private static final String EDITOR = "rtd.editor@test.example";
    private static final String VIEWER = "rtd.viewer@test.example";
    private static final String TRUST = "RTD";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    AssessmentService assessments;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;
    @Autowired
    ServiceAddress address;
    @Autowired
    ConfigurableEnvironment environment;
    @LocalServerPort
    int port;

    /**
     * Logging is set up once in a JVM, by the first Spring context to start there, which may be
     * another test's, with plain lines: sets it up again as this context's configuration (the prod
     * profile's) says, levels included, as Spring Boot does when the service starts.
     */
    @BeforeEach
    void loggingAsInProduction() {
        var logging = LoggingSystem.get(getClass().getClassLoader());
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, null);
        Binder.get(environment).bind("logging.level", Bindable.mapOf(String.class, LogLevel.class)).orElse(Map.of())
                .forEach((logger, level) -> logging.setLogLevel("root".equalsIgnoreCase(logger) ? null : logger, level));
    }

    @BeforeEach
    void freshAssessment() throws SQLException {
        database.trustUser(EDITOR, "Tyne Editor", "TRUST_EDITOR", TRUST);
        database.trustUser(VIEWER, "Tyne Viewer", "TRUST_VIEWER", TRUST);
        database.removeAssessments(TRUST);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void logLinesAreJsonWithTheRequestAndUserAndNeverEvidenceOrAnEmailAddress(CapturedOutput output) throws Exception {
        // What was written before logging was set up as in production (the context starting) is not looked at.
        int start = output.getOut().length();

        // A sign-in from another site is refused and logged (SignInRequestFilter), as the caller's request.
        var refusedId = "refused-" + UUID.randomUUID();
        var refused = Http.postForm(port, "/login", form(VIEWER, BrowserTest.DEMO_PASSWORD),
                "Origin", "http://evil.example", "X-Request-Id", refusedId);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("X-Request-Id")).hasValue(refusedId);

        // A request id that is not a plain token is not taken up, nor written anywhere: a new one replaces it.
        var forged = Http.get(port, "/login", "X-Request-Id", "forged\"}, {\"user\": 1");
        assertThat(forged.headers().firstValue("X-Request-Id")).get().asString()
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        // Signed in, a request's log lines say who made it and in which scope, by id.
        var signedIn = Http.postForm(port, "/login", form(VIEWER, BrowserTest.DEMO_PASSWORD), "Origin", address.origin());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        var session = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        var signedInId = "signed-in-" + UUID.randomUUID();
        var page = Http.get(port, OperationsTestSupport.LOGGING_PAGE, "Cookie", session, "X-Request-Id", signedInId);
        assertThat(page.statusCode()).isEqualTo(200);
        long viewerId = database.owner().queryForObject("select id from app_user where email = ?", Long.class, VIEWER);

        // Evidence saved (autosave's service call), and an e-mail not sent for want of an SMTP server.
        var evidence = "Evidence-marker-" + UUID.randomUUID();
        signIn.as(EDITOR);
        var assessment = assessments.open().orElseThrow();
        long statement = assessment.framework().characteristics().get(0).statements().get(0).id();
        assessments.saveAnswer(assessment.assessmentId(), statement, new AnswerDraft(4, evidence, List.of()), 0);
        MailerWithoutSmtp.send(List.of(EDITOR, "approver@demo.example"), "An assessment is waiting for your approval",
                "Hello,\n\n" + evidence);

        var lines = output.getOut().substring(start).lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        var entries = lines.stream().map(StructuredLogTest::json).toList();
        assertThat(entries).allSatisfy(entry -> assertThat(entry.at("/ecs/version").isMissingNode()).isFalse());

        assertThat(entries).filteredOn(entry -> refusedId.equals(field(entry, "request.id")))
                .anySatisfy(entry -> assertThat(entry.at("/message").asText()).startsWith("Sign-in refused"));
        assertThat(entries).filteredOn(entry -> signedInId.equals(field(entry, "request.id")))
                .anySatisfy(entry -> {
                    assertThat(field(entry, "user.id")).isEqualTo(Long.toString(viewerId));
                    assertThat(field(entry, "scope.level")).isEqualTo("TRUST");
                });
        assertThat(entries).anySatisfy(entry -> assertThat(entry.at("/message").asText())
                .isEqualTo("No SMTP server configured: e-mail \"An assessment is waiting for your approval\" not sent "
                        + "(recipients: 2)"));
        assertThat(output.getAll()).doesNotContain(evidence).doesNotContain("@demo.example").doesNotContain("@test.example")
                .doesNotContain("Tyne Viewer").doesNotContain("forged");
    }

    private static String form(String email, String password) {
        return "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    /** A log line as JSON; fails the test, quoting the line, if it is not. */
    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception notJson) {
            throw new AssertionError("Not a JSON log line: " + line, notJson);
        }
    }

    /** A dotted ECS field, nested ({"user":{"id":...}}) as Spring Boot writes it, or flat. */
    private static String field(JsonNode entry, String dotted) {
        var nested = entry.at("/" + dotted.replace('.', '/'));
        return nested.isValueNode() ? nested.asText() : entry.path(dotted).asText(null);
    }
}
