package uk.nhs.strategycheck.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(entries.get(0).after()).isEqualTo("{\"n\": 1}");

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
        assertThat(csv).startsWith("\uFEFFWhen,User,E-mail,Role,Organisation,Action,Entity,Entity id,Before,After\r\n");
        assertThat(csv).contains("Nia North,r0a.editor@test.example,TRUST_EDITOR,Manchester University NHS Foundation Trust (R0A),"
                + "AUDIT_READ_TEST,test,2,,\"{\"\"n\"\": 2}\"");
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
