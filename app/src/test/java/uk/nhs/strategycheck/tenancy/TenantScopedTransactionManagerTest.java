package uk.nhs.strategycheck.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.TestDatabase;

/**
 * The transaction manager enters the active scope in every transaction, and a transaction
 * without a scope on the very same connection sees nothing.
 */
@IntegrationTest
class TenantScopedTransactionManagerTest {

    @Autowired
    TestDatabase database;

    @Test
    void eachTransactionSeesOnlyItsOwnScopeOnASharedConnection() throws SQLException {
        var editor = database.owner().queryForObject("""
                select u.id, ra.id, ra.trust_id from app_user u join role_assignment ra on ra.user_id = u.id
                 where u.email = 'editor@demo.example'""",
                (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
        var active = new AtomicReference<Optional<CurrentScope>>(Optional.of(new CurrentScope(editor[0], "editor@demo.example", "Priya Shah",
                new ScopeAssignment(editor[1], Role.TRUST_EDITOR, null, null, null, null, null, null, null, null),
                TestDatabase.scopeToken(editor[0]))));

        // One physical connection, as a pool would hand the same one to the next request.
        var connection = new SingleConnectionDataSource(database.asApplication(), true);
        var transactions = new TransactionTemplate(new TenantScopedTransactionManager(connection, active::get));
        var sql = new JdbcTemplate(connection);

        var seenWithScope = transactions.execute(status -> sql.queryForList("select id from trust", Long.class));
        assertThat(seenWithScope).containsExactly(editor[2]);

        active.set(Optional.empty());
        var seenWithout = transactions.execute(status -> sql.queryForObject("select count(*) from trust", Long.class));
        assertThat(seenWithout).isZero();
        assertThat(sql.queryForObject("select count(*) from trust", Long.class)).isZero();
        connection.destroy();
    }
}
