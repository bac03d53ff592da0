package uk.nhs.strategycheck.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Enters the signed-in user's active scope at the start of every transaction. The database
 * function sets it transaction-locally, so it ends with the transaction and never reaches
 * the next borrower of the pooled connection. Without a scope nothing is set, and row level
 * security shows zero rows.
 */
public class TenantScopedTransactionManager extends JdbcTransactionManager {

    private final transient CurrentScopeSource scopes;

    public TenantScopedTransactionManager(DataSource dataSource, CurrentScopeSource scopes) {
        super(dataSource);
        this.scopes = scopes;
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        var scope = scopes.current();
        if (scope.isEmpty()) {
            return;
        }
        try (PreparedStatement enter = connection.prepareStatement("select tenancy.enter_scope(?, ?)")) {
            enter.setString(1, scope.get().scopeToken());
            enter.setLong(2, scope.get().assignment().id());
            enter.execute();
        }
    }
}
