package uk.nhs.strategycheck.tenancy;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Enters the signed-in user's active scope at the start of every transaction. The database
 * function sets it transaction-locally, so it ends with the transaction and never reaches
 * the next borrower of the pooled connection. Without a scope nothing is set, and row level
 * security shows zero rows.
 *
 * <p>With a read replica ({@link ReplicaRoutingDataSource}), a read-only transaction is begun on
 * it and a read-write one on the primary; the scope is entered the same way on either.
 */
public class TenantScopedTransactionManager extends JdbcTransactionManager {

    private final transient CurrentScopeSource scopes;
    private final transient ReplicaRoutingDataSource routing;
    private final transient MeterRegistry meters;

    public TenantScopedTransactionManager(DataSource dataSource, CurrentScopeSource scopes) {
        this(dataSource, scopes, null);
    }

    /** Routes by read-only when the data source is a replica router; otherwise counts read-only work as on the primary. */
    TenantScopedTransactionManager(DataSource dataSource, CurrentScopeSource scopes, MeterRegistry meters) {
        super(dataSource);
        this.scopes = scopes;
        this.routing = dataSource instanceof ReplicaRoutingDataSource router ? router : null;
        this.meters = meters;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        if (routing != null) {
            // The connection is fetched inside doBegin; Spring marks the transaction read-only only after it.
            routing.begin(definition.isReadOnly(), scopes.current(), () -> super.doBegin(transaction, definition));
            return;
        }
        super.doBegin(transaction, definition);
        if (definition.isReadOnly() && meters != null) {
            meters.counter("dsc.reads", "target", "primary", "reason", "no_replica").increment();
        }
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

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        super.doCommit(status);
        if (routing != null && !status.isReadOnly()) {
            var scope = scopes.current();
            if (scope.isPresent()) {
                var connection = ((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder().getConnection();
                routing.committed(scope.get(), connection);
            }
        }
    }
}
