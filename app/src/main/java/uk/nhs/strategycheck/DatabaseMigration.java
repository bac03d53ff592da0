package uk.nhs.strategycheck;

import java.io.PrintStream;
import java.sql.DriverManager;
import java.util.Map;
import java.util.function.Function;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.changelog.ChangeLogParameters;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Migrates the database to the application's changelog and exits, with no Spring context and no
 * web server: Kubernetes runs it once per release as a Job (infra/kubernetes), while the replicas
 * start with DSC_MIGRATE_ON_START=false. It reads the environment variables application.yml reads,
 * with the same defaults, and runs as the owner role, as Spring Boot's migration does; its Liquibase
 * contexts come from SPRING_LIQUIBASE_CONTEXTS, "prod" (as the prod profile's) unless set.
 *
 * <p>Run from the production jar:
 * {@code java -Dloader.main=uk.nhs.strategycheck.DatabaseMigration -cp app.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher}
 */
public final class DatabaseMigration {

    // application.yml's classpath:db/changelog/db.changelog-master.yaml, found by the class loader; its
    // changesets are recorded under the same file names as when Spring Boot runs them.
    private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    private DatabaseMigration() {
    }

    public static void main(String[] args) {
        System.exit(run(System::getenv, System.out, System.err));
    }

    /** Migrates the database and says how it went; returns the exit code: 0 when migrated, 1 when not. */
    static int run(Function<String, String> settings, PrintStream out, PrintStream err) {
        try {
            migrate(settings);
            out.println("Database migrated");
            return 0;
        } catch (Exception e) {
            err.println("Database migration failed: " + oneLine(e));
            return 1;
        }
    }

    /** Migrates the database the settings name; the settings are looked up as environment variables. */
    private static void migrate(Function<String, String> settings) throws Exception {
        String url = "jdbc:postgresql://" + setting(settings, "DSC_DB_HOST", "127.0.0.1") + ":"
                + setting(settings, "DSC_DB_PORT", "5432") + "/" + setting(settings, "DSC_DB_NAME", "dsc");
        String owner = setting(settings, "DSC_DB_OWNER", "dsc_owner");
        String ownerPassword = setting(settings, "DSC_DB_OWNER_PASSWORD", "dsc_owner");
        String applicationRole = setting(settings, "DSC_DB_APP_USER", "dsc_app");
        String contexts = setting(settings, "SPRING_LIQUIBASE_CONTEXTS", "prod");

        try (var connection = DriverManager.getConnection(url, owner, ownerPassword)) {
            var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            var parameters = new ChangeLogParameters(database);
            parameters.set("app_role", applicationRole);
            // Liquibase's usage reporting would call out of the cluster, which its network policy forbids.
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(DatabaseMigration.class.getClassLoader()),
                    AnalyticsArgs.ENABLED.getKey(), false);
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .addArgumentValue(UpdateCommandStep.CONTEXTS_ARG, contexts)
                    .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters)
                    .execute());
        }
    }

    private static String setting(Function<String, String> settings, String name, String otherwise) {
        String value = settings.apply(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static String oneLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(failure.getMessage());
        String rootMessage = String.valueOf(root.getMessage());
        if (!message.contains(rootMessage)) {
            message += " (" + rootMessage + ")";
        }
        return message.replaceAll("\\s+", " ").trim();
    }
}
