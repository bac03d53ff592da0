package uk.nhs.strategycheck.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.OrganisationFixture;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestDatabase;

/** Admins read the audit log of their own area only, filtered, paged and as CSV. */
@IntegrationTest
class AuditLogReadTest {

    @Autowired
    AuditLog auditLog;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;
    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void writeOneEventInLondonAndOneInTheNorthWest() throws SQLException {
        database.trustUser("r0a.editor@test.example", "Nia North", "TRUST_EDITOR", "R0A");
        signIn.as("editor@demo.example");
        transactions.executeWithoutResult(status -> auditLog.record("AUDIT_READ_TEST", "test", 1, null, Map.of("n", 1)));
        signIn.as("r0a.editor@test.example");
        transactions.executeWithoutResult(status -> auditLog.record("AUDIT_READ_TEST", "test", 2, null, Map.of("n", 2)));
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void aRegionAdminReadsTheirRegionsEntriesOnly() {
        signIn.as("region.admin@demo.example");

        var entries = auditLog.search(new AuditFilter(null, null, "AUDIT_READ_TEST", null, null), 0, 100);

        assertThat(entries).isNotEmpty().allSatisfy(entry -> assertThat(entry.userEmail()).isEqualTo("editor@demo.example"));
        assertThat(entries.get(0).organisation()).isEqualTo("Guy's and St Thomas' NHS Foundation Trust (RJ1)");
        assertThat(entries.get(0).after()).as("kept as stored, for the CSV").isEqualTo("{\"n\": 1}");
        assertThat(entries.get(0).action()).isEqualTo("Audit read test");
        assertThat(entries.get(0).changes()).containsExactly("N: 1");

        signIn.as("national.admin@demo.example");
        assertThat(auditLog.search(new AuditFilter(null, null, "AUDIT_READ_TEST", null, null), 0, 100))
                .extracting(AuditEntry::userEmail).contains("editor@demo.example", "r0a.editor@test.example");
    }

    @Test
    void filtersNarrowTheEntriesAndTheCsvHoldsThem() {
        signIn.as("national.admin@demo.example");
        var today = LocalDate.now();

        assertThat(auditLog.count(new AuditFilter("R0A", null, "AUDIT_READ_TEST", today, today))).isPositive();
        assertThat(auditLog.search(new AuditFilter("Manchester", "nia", "AUDIT_READ_TEST", null, null), 0, 10))
                .isNotEmpty().allSatisfy(entry -> assertThat(entry.userName()).isEqualTo("Nia North"));
        assertThat(auditLog.count(new AuditFilter(null, null, "AUDIT_READ_TEST", today.plusDays(1), null))).isZero();
        assertThat(auditLog.search(AuditFilter.everything(), 0, 2)).hasSize(2);

        var csv = new String(auditLog.csv(new AuditFilter(null, "nia", "AUDIT_READ_TEST", null, null)),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFWhen,User,Email,Role,Organisation,Action,What,Changes,Action code,Entity type,"
                + "Entity id,Before (JSON),After (JSON)\r\n");
        assertThat(csv).contains("Nia North,r0a.editor@test.example,Trust editor,Manchester University NHS Foundation Trust (R0A),"
                + "Audit read test,Test (number 2),N: 2,AUDIT_READ_TEST,test,2,,\"{\"\"n\"\": 2}\"");
    }

    @Test
    void entriesSayInWordsWhatWasDoneToWhatAndEachChange() {
        var fixture = new OrganisationFixture(database.owner(), "ZHL", "@audit-words.test");
        fixture.remove();
        try {
            long ics = fixture.ics("ZHLA", "Y56");
            long trust = fixture.trust("ZHL1", ics, "acute");
            long assessment = fixture.assessment(trust, "2026/27", "Y56", "DRAFT");
            long statement = database.owner().queryForObject(
                    "select s.id from statement s join characteristic c on c.id = s.characteristic_id "
                            + "join framework f on f.id = c.framework_id where f.version = 1 and c.position = 1 and s.position = 1",
                    Long.class);
            var editor = fixture.user("erin", "TRUST_EDITOR", ics, trust);
            var colleague = fixture.user("colin", "TRUST_EDITOR", ics, trust);
            long colleagueId = database.owner().queryForObject("select id from app_user where email = ?", Long.class, colleague);
            signIn.as(editor);
            transactions.executeWithoutResult(status -> {
                auditLog.record("ANSWER_CHANGED", "answer", assessment + "/" + statement,
                        Map.of("score", 3, "evidence", "Board minutes"), Map.of("score", 4, "evidence", "Board minutes"));
                auditLog.record("ASSESSMENT_SUBMITTED", "assessment", assessment, Map.of("status", "DRAFT"),
                        Map.of("status", "SUBMITTED"));
            });
            signIn.as("region.admin@demo.example");
            transactions.executeWithoutResult(status -> auditLog.record("USER_DISABLED", "app_user", colleagueId,
                    Map.of("email", colleague, "status", "ACTIVE"), Map.of("email", colleague, "status", "DISABLED")));

            var byEditor = auditLog.search(new AuditFilter("ZHL1", "erin", null, null, null), 0, 10);
            assertThat(byEditor).extracting(AuditEntry::action, AuditEntry::subject, AuditEntry::changes).containsExactly(
                    tuple("Submitted an assessment for approval", "Assessment of Test ZHL1 NHS Trust, 2026/27",
                            List.of("Status: Draft → Submitted")),
                    tuple("Changed an answer", "Answer to Led by the executive, framed as outcomes, S1 (2026/27)",
                            List.of("Score: 3 → 4")));
            assertThat(byEditor).allSatisfy(entry -> assertThat(entry.role()).isEqualTo("Trust editor"));

            var disabled = auditLog.search(new AuditFilter(null, "Ruth Evans", "USER_DISABLED", null, null), 0, 1);
            assertThat(disabled).extracting(AuditEntry::action, AuditEntry::subject, AuditEntry::changes)
                    .containsExactly(tuple("Disabled a user", "User colin@audit-words.test", List.of("Status: Active → Disabled")));
            assertThat(auditLog.actions()).contains(new AuditAction("USER_DISABLED", "Disabled a user"));

            var csv = new String(auditLog.csv(new AuditFilter("ZHL1", "erin", "ASSESSMENT_SUBMITTED", null, null)),
                    StandardCharsets.UTF_8);
            assertThat(csv).contains("Submitted an assessment for approval,\"Assessment of Test ZHL1 NHS Trust, 2026/27\","
                    + "Status: Draft → Submitted,ASSESSMENT_SUBMITTED,assessment," + assessment + ",");
        } finally {
            signIn.out();
            fixture.remove();
        }
    }

    @Test
    void trustAndIcsUsersCannotReadTheLog() {
        for (var email : List.of("editor@demo.example", "ics.leader@demo.example")) {
            signIn.as(email);
            assertThatThrownBy(() -> auditLog.search(AuditFilter.everything(), 0, 10))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
