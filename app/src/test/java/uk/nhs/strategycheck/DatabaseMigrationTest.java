package uk.nhs.strategycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migration the Kubernetes Job runs once per release, against a database of its own that it
 * creates and drops (named after the tests' database, so parallel runs with other names never meet).
 */
class DatabaseMigrationTest {

    private static final String HOST = setting("DSC_DB_HOST", "127.0.0.1");
    private static final String PORT = setting("DSC_DB_PORT", "5432");
    private static final String OWNER = setting("DSC_DB_OWNER", "dsc_owner");
    private static final String APP_ROLE = setting("DSC_DB_APP_USER", "dsc_app");
    private static final String DATABASE = setting("DSC_TEST_DB_NAME", "dsc_test") + "_migration";

    private static int firstExit;
    private static String firstOutput;

    @BeforeAll
    static void createTheDatabaseAndMigrateIt() throws SQLException {
        try (var superuser = asSuperuser(); var statement = superuser.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE + " owner " + OWNER + " encoding 'UTF8' template template0");
            statement.execute("grant connect on database " + DATABASE + " to " + APP_ROLE);
        }
        var out = new ByteArrayOutputStream();
        firstExit = migrate(DATABASE, out, new ByteArrayOutputStream());
        firstOutput = out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void dropTheDatabase() throws SQLException {
        try (var superuser = asSuperuser(); var statement = superuser.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    void migratesAnEmptyDatabaseAsTheOwnerWithTheProductionContext() throws SQLException {
        assertThat(firstExit).isZero();
        assertThat(firstOutput).contains("Database migrated");
        try (var database = asSuperuser(DATABASE)) {
            assertThat(TestDatabase.count(database, "select count(*) from databasechangelog")).isPositive();
            assertThat(TestDatabase.count(database, "select count(*) from pg_tables where schemaname = 'public'"))
                    .isGreaterThan(10);
            assertThat(TestDatabase.count(database,
                    "select count(*) from pg_tables where schemaname = 'public' and tableowner <> '" + OWNER + "'"))
                    .isZero();
            // The prod context leaves the demo data set out.
            assertThat(TestDatabase.count(database, "select count(*) from databasechangelog where contexts like '%demo%'"))
                    .isZero();
            assertThat(TestDatabase.count(database, "select count(*) from pg_extension where extname = 'pgcrypto'"))
                    .isOne();
        }
    }

    @Test
    void grantsTheApplicationRoleNamedInTheSettings() throws SQLException {
        try (var database = asSuperuser(DATABASE)) {
            assertThat(TestDatabase.count(database,
                    "select count(*) from pg_tables where schemaname = 'public' and tablename = 'assessment'"
                            + " and has_table_privilege('" + APP_ROLE + "', 'public.assessment', 'select')"))
                    .isOne();
        }
    }

    @Test
    void aSecondRunChangesNothing() throws SQLException {
        String before;
        try (var database = asSuperuser(DATABASE)) {
            before = changelog(database);
        }
        assertThat(migrate(DATABASE, new ByteArrayOutputStream(), new ByteArrayOutputStream())).isZero();
        try (var database = asSuperuser(DATABASE)) {
            assertThat(changelog(database)).isEqualTo(before);
        }
    }

    @Test
    void aDatabaseItCannotReachIsOneLineAndExitCodeOne() {
        var err = new ByteArrayOutputStream();
        int exit = migrate(DATABASE + "_missing", new ByteArrayOutputStream(), err);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(1);
        assertThat(message).startsWith("Database migration failed: ").contains(DATABASE + "_missing");
        assertThat(message.strip().lines()).hasSize(1);
    }

    private static int migrate(String database, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        Map<String, String> settings = new HashMap<>(System.getenv());
        settings.put("DSC_DB_NAME", database);
        settings.remove("SPRING_LIQUIBASE_CONTEXTS");
        return DatabaseMigration.run(settings::get, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Every changeset recorded, with when it ran: a run that changes anything changes this. */
    private static String changelog(Connection database) throws SQLException {
        try (var rows = database.createStatement().executeQuery(
                "select string_agg(id || ' ' || dateexecuted, ',' order by orderexecuted) from databasechangelog")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Connection asSuperuser() throws SQLException {
        return asSuperuser("postgres");
    }

    private static Connection asSuperuser(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database,
                setting("DSC_DB_SUPERUSER", "postgres"), setting("DSC_DB_SUPERUSER_PASSWORD", ""));
    }

    private static String setting(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
