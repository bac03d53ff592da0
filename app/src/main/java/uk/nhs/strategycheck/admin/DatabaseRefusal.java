package uk.nhs.strategycheck.admin;

import java.sql.SQLException;
import java.util.Optional;

/** The message of a change the database refused for a reason an admin can act on (SQLSTATE DSC01). */
final class DatabaseRefusal {

    private DatabaseRefusal() {
    }

    static Optional<String> of(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "DSC01".equals(sql.getSQLState())) {
                var message = sql.getMessage().replaceFirst("^ERROR: ", "");
                int where = message.indexOf("\n");
                return Optional.of(where < 0 ? message : message.substring(0, where));
            }
        }
        return Optional.empty();
    }
}
