package uk.nhs.strategycheck;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/** Plain connections to the test database as the owner role and as the application role. */
@Component
public class TestDatabase {

    private final Environment environment;

    TestDatabase(Environment environment) {
        this.environment = environment;
    }

    public Connection asApplication() throws SQLException {
        return DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getRequiredProperty("spring.datasource.password"));
    }

    public Connection asOwner() throws SQLException {
        return DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.liquibase.user"),
                environment.getRequiredProperty("spring.liquibase.password"));
    }

    /** The owner bypasses row level security: it sees what is really there. */
    public JdbcTemplate owner() throws SQLException {
        return new JdbcTemplate(new SingleConnectionDataSource(asOwner(), true));
    }
}
