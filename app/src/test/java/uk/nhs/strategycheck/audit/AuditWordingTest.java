package uk.nhs.strategycheck.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every action the service records has words of its own, and any other code still reads as words. */
class AuditWordingTest {

    /**
     * An audit.record or recordFor call, or the assessment workflow's move (which records the
     * code it is given), up to the end of its statement.
     */
    private static final Pattern RECORD_CALL = Pattern.compile("(?:\\.record(?:For)?|\\bmove)\\(([^;]*);", Pattern.DOTALL);
    /** An action code handed on as a call's last argument, as the assessment workflow does. */
    private static final Pattern LAST_ARGUMENT = Pattern.compile(",\\s*\"([A-Z]+(?:_[A-Z]+)+)\"\\)\\s*;");
    private static final Pattern JAVA_CODE = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
    /** The database's own audit rows: inserts into audit_event and organisation changes' tenancy.change_audit. */
    private static final Pattern SQL_AUDIT = Pattern.compile("(?:insert into audit_event|tenancy\\.change_audit\\()([^;]*);",
            Pattern.DOTALL);
    private static final Pattern SQL_CODE = Pattern.compile("'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'");

    private final AuditWording wording = new AuditWording(new ObjectMapper());

    @Test
    void everyActionCodeInTheCodeAndTheMigrationsHasItsOwnWords() throws IOException {
        var codes = new TreeSet<String>();
        for (var file : files(Path.of("src/main/java"), ".java")) {
            var text = Files.readString(file);
            RECORD_CALL.matcher(text).results().forEach(call -> JAVA_CODE.matcher(call.group(1)).results()
                    .forEach(code -> codes.add(code.group(1))));
            LAST_ARGUMENT.matcher(text).results().forEach(code -> codes.add(code.group(1)));
        }
        for (var file : files(Path.of("../migrations/src/main/resources/db/changelog"), "")) {
            SQL_AUDIT.matcher(Files.readString(file)).results().forEach(statement -> SQL_CODE.matcher(statement.group(1))
                    .results().forEach(code -> codes.add(code.group(1))));
        }

        assertThat(codes).as("codes found").contains("USER_DISABLED", "ASSESSMENT_APPROVED", "SIGNED_IN", "TRUST_MOVED_IN")
                .hasSizeGreaterThan(40);
        assertThat(codes).as("codes with no words in AuditWording.ACTIONS").allSatisfy(code ->
                assertThat(AuditWording.ACTIONS).containsKey(code));
        assertThat(AuditWording.action("USER_DISABLED")).isEqualTo("Disabled a user");
        assertThat(AuditWording.action("ASSESSMENT_APPROVED")).isEqualTo("Approved an assessment");
    }

    @Test
    void aCodeWithNoWordsYetIsTurnedIntoWords() {
        assertThat(AuditWording.action("SUBMISSION_EMAIL_SENT")).isEqualTo("Submission email sent");
        assertThat(AuditWording.action("ICS_BOARD_PACK_SHARED")).isEqualTo("ICS board pack shared");
        assertThat(AuditWording.role("ICS_LEADER")).isEqualTo("ICS leader");
        assertThat(AuditWording.role("AUDITOR")).isEqualTo("Auditor");
    }

    @Test
    void changesAreShownFieldByFieldInWords() {
        assertThat(wording.changes("{\"status\": \"DRAFT\"}", "{\"status\": \"SUBMITTED\"}"))
                .containsExactly("Status: Draft → Submitted");
        assertThat(wording.changes("{\"score\": 3, \"evidence\": \"Board minutes\", \"links\": [], \"version\": 1}",
                "{\"score\": 4, \"evidence\": \"Board minutes\", \"links\": [\"https://a.example/x\"], \"version\": 2}"))
                .containsExactly("Score: 3 → 4", "Links: none → https://a.example/x");
        assertThat(wording.changes(null, "{\"opensOn\": \"2027-10-01\", \"closesOn\": \"2028-03-31\", \"locked\": false}"))
                .containsExactly("Opens on: 1 October 2027", "Closes on: 31 March 2028", "Locked: No");
        assertThat(wording.changes("{\"user\": \"jo@example.org\", \"role\": \"TRUST_APPROVER\"}", null))
                .containsExactly("User: jo@example.org", "Role: Trust approver");
        assertThat(wording.changes("{\"status\": \"APPROVED\"}", "{\"reopenedUntil\": \"2027-04-30\", \"reason\": \"Typo\"}"))
                .containsExactly("Reopened until: 30 April 2027", "Reason: Typo", "Status was: Approved");
        assertThat(wording.changes(null, "{\"someNewField\": \"A_VALUE\", \"bytes\": 2516582}"))
                .containsExactly("Some new field: A value", "Size: 2.4 MB");
    }

    @Test
    void whatAnEventConcernsIsNamedFromWhatItRecordedWhenTheDatabaseNoLongerHasIt() {
        assertThat(wording.subject("app_user", "9", null, "{\"email\": \"jane@example.org\", \"status\": \"ACTIVE\"}", null))
                .isEqualTo("User jane@example.org");
        assertThat(wording.subject("app_user", "9", null, null, null)).isEqualTo("A user account (number 9)");
        assertThat(wording.subject("role_assignment", "12", null, null, "{\"user\": \"jo@example.org\"}"))
                .isEqualTo("Role of jo@example.org");
        assertThat(wording.subject("trust", null, null, null, "{\"count\": 2}")).isEqualTo("Trusts");
        assertThat(wording.subject("gadget_thing", "4", null, null, null)).isEqualTo("Gadget thing (number 4)");
        assertThat(wording.subject("assessment", "4", "Assessment of X, 2026/27", null, null))
                .isEqualTo("Assessment of X, 2026/27");
    }

    private static Iterable<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).filter(path -> path.toString().endsWith(suffix)).toList();
        }
    }
}
