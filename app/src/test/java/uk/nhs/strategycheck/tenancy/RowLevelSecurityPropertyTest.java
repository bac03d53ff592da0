package uk.nhs.strategycheck.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.TestDatabase;

/**
 * Random scopes try random writes, as the application role with arbitrary SQL, sometimes with
 * scope settings forged by hand on top: no write the role may not make ever succeeds (issue 10).
 * The model below is what each role may write; row level security and the privileges must agree.
 */
class RowLevelSecurityPropertyTest {

    enum Table { ASSESSMENT, ANSWER, IMPROVEMENT_ACTION, ASSESSMENT_TRANSITION, TRUST, ICS }

    enum Command { INSERT, UPDATE, UPDATE_STATUS, DELETE }

    record Trust(long id, long icsId, long regionId) {
    }

    record Scope(String email, String role, long userId, long assignmentId, Long regionId, Long icsId, Long trustId) {
    }

    private static TestDatabase database;
    private static JdbcTemplate owner;
    private static final Map<String, Trust> TRUSTS = new HashMap<>();
    private static final Map<String, Scope> SCOPES = new HashMap<>();

    /** Starts (or reuses) the integration tests' Spring context, which migrates the test database. */
    @IntegrationTest
    static class Context {
    }

    @BeforeContainer
    static void connect() throws Exception {
        var contexts = new TestContextManager(Context.class);
        database = contexts.getTestContext().getApplicationContext().getBean(TestDatabase.class);
        owner = database.owner();
        for (var code : List.of("RJ1", "RJZ", "RAX", "R0A")) {
            TRUSTS.put(code, owner.queryForObject("select t.id, t.ics_id, i.region_id from trust t join ics i on i.id = t.ics_id "
                    + "where t.ods_code = ?", (rs, row) -> new Trust(rs.getLong(1), rs.getLong(2), rs.getLong(3)), code));
        }
        for (var email : List.of("editor@demo.example", "approver@demo.example", "viewer@demo.example",
                "ics.leader@demo.example", "region.admin@demo.example", "national.admin@demo.example",
                "multi.viewer@demo.example")) {
            SCOPES.put(email, owner.queryForObject("""
                    select u.id, ra.id, ra.role, ra.region_id, ra.ics_id, ra.trust_id
                      from app_user u join role_assignment ra on ra.user_id = u.id
                     where u.email = ? order by ra.id limit 1""",
                    (rs, row) -> new Scope(email, rs.getString(3), rs.getLong(1), rs.getLong(2),
                            (Long) rs.getObject(4), (Long) rs.getObject(5), (Long) rs.getObject(6)), email));
        }
    }

    @Provide
    Arbitrary<String> emails() {
        return Arbitraries.of(List.of("editor@demo.example", "approver@demo.example", "viewer@demo.example",
                "ics.leader@demo.example", "region.admin@demo.example", "national.admin@demo.example",
                "multi.viewer@demo.example"));
    }

    @Provide
    Arbitrary<String> trusts() {
        return Arbitraries.of("RJ1", "RJZ", "RAX", "R0A");
    }

    @Property(tries = 400)
    void noWriteOutsideWhatTheRoleMayDoEverSucceeds(@ForAll("emails") String email, @ForAll Table table,
                                                     @ForAll Command command, @ForAll("trusts") String targetCode,
                                                     @ForAll boolean forged) throws SQLException {
        var scope = SCOPES.get(email);
        var target = TRUSTS.get(targetCode);
        var sql = statement(table, command, target);
        boolean succeeded;
        try (var app = database.asApplication()) {
            app.setAutoCommit(false);
            TestDatabase.enterScope(app, new long[] {scope.userId(), scope.assignmentId()});
            if (forged) {
                forge(app, target);
            }
            try {
                succeeded = app.createStatement().executeUpdate(sql) > 0;
            } catch (SQLException refused) {
                succeeded = false;
            } finally {
                app.rollback();
            }
        }
        if (succeeded) {
            assertThat(!forged && allowed(scope, table, command, target))
                    .as("%s in %s's scope%s: %s", command, email, forged ? " (forged)" : "", sql).isTrue();
        }
    }

    /** What the model lets the scope write. */
    private static boolean allowed(Scope scope, Table table, Command command, Trust target) {
        boolean writer = scope.role().equals("TRUST_EDITOR") || scope.role().equals("TRUST_APPROVER");
        return switch (table) {
            // An assessment's status moves only through the workflow functions; an answer's score and an
            // action's status are the trust's own to change.
            case ASSESSMENT -> writer && (command == Command.INSERT || command == Command.UPDATE)
                    && target.id() == scope.trustId();
            case ANSWER, IMPROVEMENT_ACTION -> writer && command != Command.DELETE && target.id() == scope.trustId();
            case ASSESSMENT_TRANSITION -> false;
            case TRUST -> command != Command.DELETE
                    && (scope.role().equals("NATIONAL_ADMIN")
                        || (scope.role().equals("REGION_ADMIN") && target.regionId() == scope.regionId()));
            case ICS -> command == Command.INSERT
                    && (scope.role().equals("NATIONAL_ADMIN")
                        || (scope.role().equals("REGION_ADMIN") && target.regionId() == scope.regionId()));
        };
    }

    /** A write aimed at the target trust (or its ICS or region). */
    private static String statement(Table table, Command command, Trust target) {
        long trust = target.id();
        return switch (table) {
            case ASSESSMENT -> switch (command) {
                case INSERT -> ("insert into assessment (ics_id, trust_id, cycle_id, framework_id) "
                        + "select %d, %d, c.id, c.framework_id from assessment_cycle c where c.region_id = %d "
                        + "and not exists (select 1 from assessment a where a.trust_id = %d and a.cycle_id = c.id) limit 1")
                        .formatted(target.icsId(), trust, target.regionId(), trust);
                case UPDATE -> "update assessment set updated_at = now() where trust_id = " + trust;
                case UPDATE_STATUS -> "update assessment set status = 'APPROVED' where trust_id = " + trust;
                case DELETE -> "delete from assessment where trust_id = " + trust;
            };
            case ANSWER -> switch (command) {
                case INSERT -> ("insert into answer (ics_id, trust_id, assessment_id, statement_id, score) "
                        + "select %d, %d, a.id, s.id, 2 from assessment a join statement s on true "
                        + "where a.trust_id = %d and a.status in ('DRAFT', 'RETURNED') "
                        + "and not exists (select 1 from answer n where n.assessment_id = a.id and n.statement_id = s.id) limit 1")
                        .formatted(target.icsId(), trust, trust);
                case UPDATE, UPDATE_STATUS -> "update answer set score = 1 where trust_id = " + trust;
                case DELETE -> "delete from answer where trust_id = " + trust;
            };
            case IMPROVEMENT_ACTION -> switch (command) {
                case INSERT -> ("insert into improvement_action (ics_id, trust_id, assessment_id, characteristic_id, title, "
                        + "owner_name, due_on) select %d, %d, a.id, (select min(id) from characteristic), 'Property', "
                        + "'Property', date '2031-01-01' from assessment a where a.trust_id = %d limit 1")
                        .formatted(target.icsId(), trust, trust);
                case UPDATE -> "update improvement_action set title = 'Changed' where trust_id = " + trust;
                case UPDATE_STATUS -> "update improvement_action set status = 'DONE' where trust_id = " + trust;
                case DELETE -> "delete from improvement_action where trust_id = " + trust;
            };
            case ASSESSMENT_TRANSITION -> switch (command) {
                case INSERT -> ("insert into assessment_transition (ics_id, trust_id, assessment_id, to_status, user_name) "
                        + "select %d, %d, a.id, 'APPROVED', 'Property' from assessment a where a.trust_id = %d limit 1")
                        .formatted(target.icsId(), trust, trust);
                case UPDATE, UPDATE_STATUS -> "update assessment_transition set to_status = 'APPROVED' where trust_id = " + trust;
                case DELETE -> "delete from assessment_transition where trust_id = " + trust;
            };
            case TRUST -> switch (command) {
                case INSERT -> ("insert into trust (ics_id, ods_code, name, ods_name, trust_type, organisation_form) "
                        + "values (%d, 'ZP%03d', 'Property Trust', 'PROPERTY TRUST', 'acute', 'NHS trust')")
                        .formatted(target.icsId(), trust % 1000);
                case UPDATE, UPDATE_STATUS -> "update trust set name = name || ' ' where id = " + trust;
                case DELETE -> "delete from trust where id = " + trust;
            };
            case ICS -> switch (command) {
                case INSERT -> "insert into ics (region_id, ods_code, name, short_name) values (%d, 'ZP%d', 'Property ICB', 'Property')"
                        .formatted(target.regionId(), trust % 100);
                case UPDATE, UPDATE_STATUS -> "update ics set name = name || ' ' where id = " + target.icsId();
                case DELETE -> "delete from ics where id = " + target.icsId();
            };
        };
    }

    /** Hand-made settings claiming the widest scope over the target: they must grant nothing. */
    private static void forge(Connection app, Trust target) throws SQLException {
        app.createStatement().execute(("select set_config('app.scope_level', 'NATIONAL', true), "
                + "set_config('app.role', 'NATIONAL_ADMIN', true), set_config('app.region_id', '%d', true), "
                + "set_config('app.ics_ids', (select string_agg(id::text, ',') from ics), true), "
                + "set_config('app.trust_id', '%d', true), set_config('app.trust_ids', '%d', true), "
                + "set_config('app.read_only', 'false', true)").formatted(target.regionId(), target.id(), target.id()));
    }
}
