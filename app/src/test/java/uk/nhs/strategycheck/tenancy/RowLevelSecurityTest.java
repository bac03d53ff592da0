package uk.nhs.strategycheck.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static uk.nhs.strategycheck.TestDatabase.count;
import static uk.nhs.strategycheck.TestDatabase.enterScope;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.TestDatabase;

/**
 * Tenant isolation at SQL level, as the application role, for every table with row level
 * security. Fixture rows for four trusts (two in one ICS, one elsewhere in the region, one
 * in another region) are written as the owner; each scope must see exactly its own.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Autowired
    TestDatabase database;

    private JdbcTemplate owner;
    private long london;
    private long northWest;
    private long seLondon;
    private long swLondon;
    private long greaterManchester;
    private long rj1;
    private long rjz;
    private long rax;
    private long r0a;
    private final Map<String, Long> assessments = new LinkedHashMap<>();
    private final Map<String, Long> assessmentIcs = new LinkedHashMap<>();
    private long fixtureCycleLondon;
    private long spareCycleLondon;
    private long documentCycleLondon;
    private long rj1DocumentAssessment;
    private long northWestUser;
    private final List<Long> invitations = new ArrayList<>();

    /** The scopes under test: demo users' role assignments, and none at all. */
    private final Map<ScopeLevel, long[]> scopes = new LinkedHashMap<>();

    @BeforeAll
    void writeFixture() throws SQLException {
        owner = database.owner();
        london = id("select id from region where ods_code = 'Y56'");
        northWest = id("select id from region where ods_code = 'Y62'");
        seLondon = id("select id from ics where ods_code = 'QKK'");
        swLondon = id("select id from ics where ods_code = 'QWE'");
        greaterManchester = id("select id from ics where ods_code = 'QOP'");
        rj1 = id("select id from trust where ods_code = 'RJ1'");
        rjz = id("select id from trust where ods_code = 'RJZ'");
        rax = id("select id from trust where ods_code = 'RAX'");
        r0a = id("select id from trust where ods_code = 'R0A'");

        fixtureCycleLondon = cycle(london, "2019/20");
        spareCycleLondon = cycle(london, "2018/19");
        documentCycleLondon = cycle(london, "2017/18");
        long fixtureCycleNorthWest = cycle(northWest, "2019/20");
        long statement = id("select min(id) from statement");
        long characteristic = id("select min(id) from characteristic");
        for (var trust : List.of(List.of("RJ1", rj1, seLondon, fixtureCycleLondon),
                List.of("RJZ", rjz, seLondon, fixtureCycleLondon),
                List.of("RAX", rax, swLondon, fixtureCycleLondon),
                List.of("R0A", r0a, greaterManchester, fixtureCycleNorthWest))) {
            String code = (String) trust.get(0);
            long trustId = (Long) trust.get(1);
            long icsId = (Long) trust.get(2);
            long cycleId = (Long) trust.get(3);
            long assessment = owner.queryForObject("""
                    insert into assessment (ics_id, trust_id, cycle_id, framework_id)
                    values (?, ?, ?, (select id from framework where version = 1)) returning id""",
                    Long.class, icsId, trustId, cycleId);
            assessments.put(code, assessment);
            assessmentIcs.put(code, icsId);
            owner.update("insert into answer (ics_id, trust_id, assessment_id, statement_id, score, evidence) "
                    + "values (?, ?, ?, ?, 3, 'fixture')", icsId, trustId, assessment, statement);
            owner.update("insert into improvement_action (ics_id, trust_id, assessment_id, characteristic_id, "
                    + "title, owner_name, due_on) values (?, ?, ?, ?, 'Fixture action', 'Fixture owner', "
                    + "date '2020-01-31')", icsId, trustId, assessment, characteristic);
            owner.update("insert into assessment_transition (ics_id, trust_id, assessment_id, from_status, "
                    + "to_status, user_name) values (?, ?, ?, 'DRAFT', 'SUBMITTED', 'Fixture User')",
                    icsId, trustId, assessment);
            owner.update(insertDocument(icsId, trustId, assessment, "(select id from app_user where email = 'editor@demo.example')"));
            long regionId = trustId == r0a ? northWest : london;
            owner.update("insert into audit_event (region_id, ics_id, trust_id, action, entity_type, entity_id) "
                    + "values (?, ?, ?, 'FIXTURE', 'assessment', ?)", regionId, icsId, trustId, "" + assessment);
        }
        for (long region : List.of(london, northWest)) {
            owner.update("insert into audit_event (region_id, action, entity_type) values (?, 'FIXTURE', 'cycle')",
                    region);
        }
        northWestUser = owner.queryForObject("insert into app_user (email, display_name, home_region_id) "
                + "values ('fixture.north.west@test.example', 'Fixture User', ?) returning id", Long.class, northWest);
        owner.update("insert into role_assignment (user_id, role, region_id, ics_id, trust_id) "
                + "values (?, 'TRUST_VIEWER', ?, ?, ?)", northWestUser, northWest, greaterManchester, r0a);

        // A predecessor link for each kind of scope to see: SW London into SE London, RJ1 into RJZ.
        owner.update("insert into ics_link (predecessor_id, successor_id, kind, effective_on) "
                + "values (?, ?, 'BOUNDARY_CHANGE', date '2019-01-01')", swLondon, seLondon);
        owner.update("insert into trust_link (predecessor_id, successor_id, kind, effective_on) "
                + "values (?, ?, 'MERGER', date '2019-01-01')", rj1, rjz);

        // An RJ1 assessment with no strategy document yet, for a first upload.
        rj1DocumentAssessment = owner.queryForObject("""
                insert into assessment (ics_id, trust_id, cycle_id, framework_id)
                values (?, ?, ?, (select id from framework where version = 1)) returning id""",
                Long.class, seLondon, rj1, documentCycleLondon);

        scopes.put(ScopeLevel.TRUST, assignment("editor@demo.example"));
        scopes.put(ScopeLevel.ICS, assignment("ics.leader@demo.example"));
        scopes.put(ScopeLevel.REGION, assignment("region.admin@demo.example"));
        scopes.put(ScopeLevel.NATIONAL, assignment("national.admin@demo.example"));

        // Used invitations of two London users (the demo editor and ICS leader) and an open one
        // of a North West user.
        for (long invited : List.of(scopes.get(ScopeLevel.TRUST)[0], scopes.get(ScopeLevel.ICS)[0], northWestUser)) {
            invitations.add(owner.queryForObject("""
                    insert into invitation (user_id, token_hash, expires_at, used_at)
                    values (?, encode(sha256(random()::text::bytea), 'hex'), now() + interval '7 days',
                            case when ?::boolean then now() end)
                    returning id""", Long.class, invited, invited != northWestUser));
        }
    }

    @AfterAll
    void removeFixture() {
        owner.update("delete from ics_link where effective_on = date '2019-01-01'");
        owner.update("delete from trust_link where effective_on = date '2019-01-01'");
        invitations.forEach(invitation -> owner.update("delete from invitation where id = ?", invitation));
        owner.update("delete from audit_event where action = 'FIXTURE'");
        owner.update("delete from app_user where id = ?", northWestUser);
        owner.update("delete from assessment where cycle_id in "
                + "(select id from assessment_cycle where name in ('2019/20', '2018/19', '2017/18'))");
        owner.update("delete from assessment_cycle where name in ('2019/20', '2018/19', '2017/18')");
    }

    /** Which rows each scope must see, table by table, as a predicate on the table's columns. */
    private Map<String, Map<ScopeLevel, String>> expectations() {
        String londonIcs = "(select id from ics where region_id = " + london + ")";
        long editor = scopes.get(ScopeLevel.TRUST)[0];
        long leader = scopes.get(ScopeLevel.ICS)[0];
        // An ICS also reads its lineage (the ICSs it succeeded: SW London, by the fixture's link), what
        // they published for trusts that have since moved away (membership on the cycle's closing
        // date), and the trusts that were ever their members.
        String lineage = "(" + seLondon + ", " + swLondon + ")";
        String membersEver = "(select trust_id from trust_membership where ics_id in " + lineage + ")";
        java.util.function.BiFunction<String, String, String> publishedTo = (idColumn, icss) -> "(trust_id, " + idColumn
                + ") in (select a.trust_id, a.id from assessment a join assessment_cycle c on c.id = a.cycle_id "
                + "join trust_membership m on m.trust_id = a.trust_id and m.valid_from <= c.closes_on "
                + "and (m.valid_to is null or m.valid_to > c.closes_on) "
                + "where c.closes_on < current_date and m.ics_id in " + icss + ")";
        String londonMembersEver = "(select trust_id from trust_membership where ics_id in " + londonIcs + ")";
        var tables = new LinkedHashMap<String, Map<ScopeLevel, String>>();
        tables.put("ics", Map.of(
                ScopeLevel.TRUST, "id = " + seLondon,
                ScopeLevel.ICS, "id in " + lineage,
                ScopeLevel.REGION, "region_id = " + london,
                ScopeLevel.NATIONAL, "true"));
        tables.put("trust", Map.of(
                ScopeLevel.TRUST, "id = " + rj1,
                ScopeLevel.ICS, "ics_id = " + seLondon + " or id in " + membersEver,
                ScopeLevel.REGION, "ics_id in " + londonIcs + " or id in " + londonMembersEver,
                ScopeLevel.NATIONAL, "true"));
        for (var table : List.of("assessment", "answer", "improvement_action", "assessment_transition", "strategy_document",
                "characteristic_score")) {
            tables.put(table, Map.of(
                    ScopeLevel.TRUST, "trust_id = " + rj1,
                    ScopeLevel.ICS, "ics_id = " + seLondon + " or "
                            + publishedTo.apply(table.equals("assessment") ? "id" : "assessment_id", lineage),
                    ScopeLevel.REGION, "ics_id in " + londonIcs + " or "
                            + publishedTo.apply(table.equals("assessment") ? "id" : "assessment_id", londonIcs),
                    ScopeLevel.NATIONAL, "true"));
        }
        tables.put("trust_membership", Map.of(
                ScopeLevel.TRUST, "trust_id = " + rj1,
                ScopeLevel.ICS, "trust_id in (select id from trust where ics_id = " + seLondon + ") or trust_id in " + membersEver,
                ScopeLevel.REGION, "trust_id in (select id from trust where ics_id in " + londonIcs + ") or trust_id in "
                        + londonMembersEver,
                ScopeLevel.NATIONAL, "true"));
        tables.put("ics_link", Map.of(
                ScopeLevel.TRUST, "predecessor_id = " + seLondon + " or successor_id = " + seLondon,
                ScopeLevel.ICS, "predecessor_id = " + seLondon + " or successor_id = " + seLondon,
                ScopeLevel.REGION, "predecessor_id in " + londonIcs + " or successor_id in " + londonIcs,
                ScopeLevel.NATIONAL, "true"));
        String trustsOfIcs = "(select id from trust where ics_id = " + seLondon + " or id in " + membersEver + ")";
        String trustsOfLondon = "(select id from trust where ics_id in " + londonIcs + " or id in " + londonMembersEver + ")";
        tables.put("trust_link", Map.of(
                ScopeLevel.TRUST, "predecessor_id = " + rj1 + " or successor_id = " + rj1,
                ScopeLevel.ICS, "predecessor_id in " + trustsOfIcs + " or successor_id in " + trustsOfIcs,
                ScopeLevel.REGION, "predecessor_id in " + trustsOfLondon + " or successor_id in " + trustsOfLondon,
                ScopeLevel.NATIONAL, "true"));
        tables.put("organisation_change", Map.of(
                ScopeLevel.TRUST, "false",
                ScopeLevel.ICS, "false",
                ScopeLevel.REGION, london + " = any (region_ids)",
                ScopeLevel.NATIONAL, "true"));
        tables.put("organisation_change_step", Map.of(
                ScopeLevel.TRUST, "false",
                ScopeLevel.ICS, "false",
                ScopeLevel.REGION, "change_id in (select id from organisation_change where " + london + " = any (region_ids))",
                ScopeLevel.NATIONAL, "true"));
        tables.put("audit_event", Map.of(
                ScopeLevel.TRUST, "trust_id = " + rj1,
                ScopeLevel.ICS, "ics_id = " + seLondon,
                ScopeLevel.REGION, "region_id = " + london,
                ScopeLevel.NATIONAL, "true"));
        tables.put("assessment_cycle", Map.of(
                ScopeLevel.TRUST, "region_id = " + london,
                ScopeLevel.ICS, "region_id = " + london,
                ScopeLevel.REGION, "region_id = " + london,
                ScopeLevel.NATIONAL, "true"));
        tables.put("role_assignment", Map.of(
                ScopeLevel.TRUST, "user_id = " + editor,
                ScopeLevel.ICS, "user_id = " + leader,
                ScopeLevel.REGION, "region_id = " + london,
                ScopeLevel.NATIONAL, "true"));
        tables.put("app_user", Map.of(
                ScopeLevel.TRUST, "id = " + editor,
                ScopeLevel.ICS, "id = " + leader,
                ScopeLevel.REGION, "home_region_id = " + london
                        + " or id in (select user_id from role_assignment where region_id = " + london + ")",
                ScopeLevel.NATIONAL, "true"));
        tables.put("invitation", Map.of(
                ScopeLevel.TRUST, "user_id = " + editor,
                ScopeLevel.ICS, "user_id = " + leader,
                ScopeLevel.REGION, "user_id in (select id from app_user where home_region_id = " + london + ")",
                ScopeLevel.NATIONAL, "true"));
        return tables;
    }

    @Test
    void everyTableWithRowLevelSecurityIsCoveredAndEveryOtherTableIsReferenceData() {
        var secured = owner.queryForList("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
                   and c.relrowsecurity and c.relforcerowsecurity""", String.class);
        assertThat(secured).containsExactlyInAnyOrderElementsOf(expectations().keySet());

        var unsecured = owner.queryForList("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
                   and not c.relrowsecurity""", String.class);
        assertThat(unsecured).containsExactlyInAnyOrder("region", "framework", "characteristic", "statement",
                "scale_point", "databasechangelog", "databasechangeloglock");
    }

    @TestFactory
    Stream<DynamicTest> eachScopeSeesExactlyItsOwnRows() {
        var tests = new ArrayList<DynamicTest>();
        expectations().forEach((table, visibleTo) -> scopes.forEach((level, scope) ->
                tests.add(dynamicTest(table + " as " + level, () -> {
                    String predicate = visibleTo.get(level);
                    long expected = owner.queryForObject(
                            "select count(*) from " + table + " where " + predicate, Long.class);
                    if (!predicate.equals("false")) {
                        assertThat(expected).as("fixture rows for %s in %s", level, table).isPositive();
                    }
                    try (var app = database.asApplication()) {
                        app.setAutoCommit(false);
                        enterScope(app, scope);
                        try (var rows = app.createStatement().executeQuery("select count(*), "
                                + "count(*) filter (where (" + predicate + ") is not true) from " + table)) {
                            rows.next();
                            assertThat(rows.getLong(2)).as("rows of other tenants visible").isZero();
                            assertThat(rows.getLong(1)).as("own rows visible").isEqualTo(expected);
                        }
                        app.rollback();
                    }
                }))));
        expectations().keySet().forEach(table -> tests.add(dynamicTest(table + " without a scope", () -> {
            assertThat(owner.queryForObject("select count(*) from " + table, Long.class)).isPositive();
            try (var app = database.asApplication()) {
                assertThat(count(app, "select count(*) from " + table)).isZero();
            }
        })));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> writingARowForAnotherTenantIsRefused() {
        long statement2 = id("select id from statement where position = 2 order by id limit 1");
        long characteristic = id("select min(id) from characteristic");
        long rj1Assessment = assessments.get("RJ1");
        long rjzAssessment = assessments.get("RJZ");
        long raxAssessment = assessments.get("RAX");
        long framework = id("select id from framework where version = 1");
        long editor = scopes.get(ScopeLevel.TRUST)[0];
        long[] trustScope = scopes.get(ScopeLevel.TRUST);
        long[] icsScope = scopes.get(ScopeLevel.ICS);
        long[] regionScope = scopes.get(ScopeLevel.REGION);
        long[] viewerScope = assignment("viewer@demo.example");

        record Case(String name, long[] scope, String own, String other) {
        }
        var cases = List.of(
                new Case("assessment", trustScope,
                        insertAssessment(seLondon, rj1, spareCycleLondon, framework),
                        insertAssessment(seLondon, rjz, spareCycleLondon, framework)),
                new Case("answer", trustScope,
                        insertAnswer(seLondon, rj1, rj1Assessment, statement2),
                        insertAnswer(seLondon, rjz, rjzAssessment, statement2)),
                new Case("improvement_action", trustScope,
                        insertAction(seLondon, rj1, rj1Assessment, characteristic),
                        insertAction(seLondon, rjz, rjzAssessment, characteristic)),
                new Case("improvement_action by an ICS leader", icsScope,
                        null,
                        insertAction(swLondon, rax, raxAssessment, characteristic)),
                new Case("strategy_document", trustScope,
                        insertDocument(seLondon, rj1, rj1DocumentAssessment, "tenancy.user_id()"),
                        insertDocument(seLondon, rjz, rjzAssessment, "tenancy.user_id()")),
                new Case("strategy_document by an ICS leader", icsScope,
                        null,
                        insertDocument(seLondon, rj1, rj1DocumentAssessment, "tenancy.user_id()")),
                new Case("assessment_transition (only the workflow functions write them)", trustScope,
                        null,
                        insertTransition(seLondon, rj1, rj1Assessment)),
                new Case("audit_event", trustScope,
                        insertAudit(editor, london, seLondon, rj1),
                        insertAudit(editor, london, seLondon, rjz)),
                new Case("audit_event as someone else", trustScope,
                        insertAudit(editor, london, seLondon, rj1),
                        insertAudit(northWestUser, london, seLondon, rj1)),
                new Case("trust", regionScope,
                        insertTrust(seLondon, "ZZ901"),
                        insertTrust(greaterManchester, "ZZ902")),
                new Case("trust by a trust user", trustScope,
                        null,
                        insertTrust(seLondon, "ZZ903")),
                new Case("ics", regionScope,
                        insertIcs(london, "ZZ1"),
                        insertIcs(northWest, "ZZ2")),
                new Case("assessment_cycle", regionScope,
                        insertCycle(london, "2016/17", framework),
                        insertCycle(northWest, "2016/17", framework)),
                new Case("role_assignment", regionScope,
                        insertAssignment(editor, london, swLondon, rax),
                        insertAssignment(northWestUser, northWest, greaterManchester, r0a)),
                new Case("role_assignment for a user of another region, at a trust of the admin's", regionScope,
                        null,
                        insertAssignment(northWestUser, london, swLondon, rax)),
                new Case("role_assignment over the national admin's account", regionScope,
                        null,
                        insertAssignment(scopes.get(ScopeLevel.NATIONAL)[0], london, swLondon, rax)),
                new Case("audit_event for a trust of another ICS", icsScope,
                        insertAudit(icsScope[0], london, seLondon, rjz),
                        insertAudit(icsScope[0], london, seLondon, r0a)),
                new Case("app_user", regionScope,
                        insertUser("new.london@test.example", london),
                        insertUser("new.north.west@test.example", northWest)),
                new Case("invitation", regionScope,
                        insertInvitation(editor, regionScope[0]),
                        insertInvitation(northWestUser, regionScope[0])),
                new Case("invitation by a trust user", trustScope,
                        null,
                        insertInvitation(editor, editor)),
                new Case("answer by a trust viewer (read-only)", viewerScope,
                        null,
                        insertAnswer(seLondon, rj1, rj1Assessment, statement2)),
                new Case("organisation_change", regionScope,
                        insertChange(regionScope[0], london),
                        insertChange(regionScope[0], northWest)),
                new Case("organisation_change by an ICS leader", icsScope,
                        null,
                        insertChange(icsScope[0], london)));

        var tests = new ArrayList<DynamicTest>();
        for (var c : cases) {
            tests.add(dynamicTest(c.name() + ": another tenant's row is refused", () -> {
                try (var app = database.asApplication()) {
                    app.setAutoCommit(false);
                    enterScope(app, c.scope());
                    assertThatThrownBy(() -> app.createStatement().execute(c.other()))
                            .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                                    .isEqualTo(INSUFFICIENT_PRIVILEGE))
                            .message().containsAnyOf("row-level security", "permission denied");
                    app.rollback();
                }
            }));
            if (c.own() != null) {
                // The same write in the scope's own tenant succeeds: the refusal above is the policy's.
                tests.add(dynamicTest(c.name() + ": own tenant's row is accepted", () -> {
                    try (var app = database.asApplication()) {
                        app.setAutoCommit(false);
                        enterScope(app, c.scope());
                        app.createStatement().execute(c.own());
                        app.rollback();
                    }
                }));
            }
        }
        return tests.stream();
    }

    /**
     * Every command on every assessment table, in every kind of scope, on the editor's own trust:
     * only a trust editor or approver writes, and only what the workflow leaves to them
     * (issue 10, finding 2). A refused write is refused by the database, whatever the Java does.
     */
    @TestFactory
    Stream<DynamicTest> onlyTrustEditorsAndApproversWriteTheirTrustsAssessmentData() {
        long assessment = assessments.get("RJ1");
        long statement = id("select min(id) from statement");
        long statement2 = id("select id from statement where position = 2 order by id limit 1");
        long characteristic = id("select min(id) from characteristic");
        long framework = id("select id from framework where version = 1");
        var writers = List.of("editor@demo.example", "approver@demo.example");
        var everyone = List.of("editor@demo.example", "approver@demo.example", "viewer@demo.example",
                "ics.leader@demo.example", "region.admin@demo.example", "national.admin@demo.example");
        record Write(String name, String sql, List<String> allowed) {
        }
        var writes = List.of(
                new Write("insert assessment", insertAssessment(seLondon, rj1, spareCycleLondon, framework), writers),
                new Write("insert an approved assessment",
                        insertAssessment(seLondon, rj1, spareCycleLondon, framework).replace(
                                "(ics_id, trust_id, cycle_id, framework_id) values (",
                                "(status, ics_id, trust_id, cycle_id, framework_id) values ('APPROVED', "), List.of()),
                new Write("update assessment (touch)", "update assessment set updated_at = now() where id = " + assessment, writers),
                new Write("update assessment status", "update assessment set status = 'APPROVED' where id = " + assessment, List.of()),
                new Write("update assessment reopening", "update assessment set reopened_until = date '2031-01-01' where id = " + assessment, List.of()),
                new Write("delete assessment", "delete from assessment where id = " + assessment, List.of()),
                new Write("insert answer", insertAnswer(seLondon, rj1, assessment, statement2), writers),
                new Write("update answer", "update answer set score = 4 where assessment_id = %d and statement_id = %d"
                        .formatted(assessment, statement), writers),
                new Write("delete answer", "delete from answer where assessment_id = " + assessment, List.of()),
                new Write("insert improvement_action", insertAction(seLondon, rj1, assessment, characteristic), writers),
                new Write("update improvement_action", "update improvement_action set title = 'Changed' where assessment_id = " + assessment, writers),
                new Write("delete improvement_action", "delete from improvement_action where assessment_id = " + assessment, List.of()),
                new Write("insert strategy_document", insertDocument(seLondon, rj1, rj1DocumentAssessment, "tenancy.user_id()"), writers),
                new Write("insert strategy_document in someone else's name", insertDocument(seLondon, rj1, rj1DocumentAssessment,
                        "(select id from app_user where email = 'national.admin@demo.example')"), List.of()),
                new Write("insert strategy_document already superseded", insertDocument(seLondon, rj1, rj1DocumentAssessment,
                        "tenancy.user_id()").replace(
                        "(ics_id, ", "(superseded_at, ics_id, ").replace("values (", "values (now(), "), List.of()),
                new Write("update strategy_document (supersede)", "update strategy_document set superseded_at = now() where assessment_id = "
                        + assessment + " and superseded_at is null", writers),
                new Write("update strategy_document file", "update strategy_document set file_name = 'x.pdf' where assessment_id = " + assessment, List.of()),
                new Write("update strategy_document analysis", "update strategy_document set analysis = '{}' where assessment_id = " + assessment, List.of()),
                new Write("delete strategy_document", "delete from strategy_document where assessment_id = " + assessment, List.of()),
                new Write("insert assessment_transition", insertTransition(seLondon, rj1, assessment), List.of()),
                new Write("update assessment_transition", "update assessment_transition set to_status = 'APPROVED' where assessment_id = " + assessment, List.of()),
                new Write("delete assessment_transition", "delete from assessment_transition where assessment_id = " + assessment, List.of()),
                // Scores come from the database at approval only (migration 044): nobody writes them, not even for their own trust.
                new Write("insert characteristic_score", """
                        insert into characteristic_score (ics_id, trust_id, assessment_id, cycle_id, cycle_name, framework_id,
                                                          characteristic_id, score)
                        select ics_id, trust_id, id, cycle_id, cycle_name, framework_id, %d, 5 from assessment where id = %d"""
                        .formatted(characteristic, assessment), List.of()),
                new Write("update characteristic_score", "update characteristic_score set score = 5 where trust_id = " + rj1, List.of()),
                new Write("delete characteristic_score", "delete from characteristic_score where trust_id = " + rj1, List.of()));
        var tests = new ArrayList<DynamicTest>();
        for (var write : writes) {
            for (var email : everyone) {
                boolean allowed = write.allowed().contains(email);
                tests.add(dynamicTest(write.name() + " as " + email + (allowed ? ": done" : ": refused"), () -> {
                    try (var app = database.asApplication()) {
                        app.setAutoCommit(false);
                        enterScope(app, assignment(email));
                        if (allowed) {
                            assertThat(app.createStatement().executeUpdate(write.sql())).isEqualTo(1);
                        } else {
                            // Refused outright, or (update, delete) finds no row it may change.
                            try {
                                assertThat(app.createStatement().executeUpdate(write.sql())).isZero();
                            } catch (SQLException refused) {
                                assertThat(refused.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
                            }
                        }
                        app.rollback();
                    }
                }));
            }
        }
        return tests.stream();
    }

    /**
     * Scope settings made by hand, with SET or set_config, grant nothing: only enter_scope with a
     * token the database issued seals them; a seal is good for its own transaction only; a token
     * that was signed out enters nothing (issue 10, finding 13).
     */
    @Test
    void aScopeTheDatabaseDidNotGrantGrantsNothing() throws SQLException {
        var national = scopes.get(ScopeLevel.NATIONAL);
        try (var app = database.asApplication()) {
            app.setAutoCommit(false);
            var forge = app.createStatement();
            forge.execute("set local app.scope_level = 'NATIONAL'");
            forge.execute("select set_config('app.user_id', '%d', true), set_config('app.role', 'NATIONAL_ADMIN', true), "
                    .formatted(national[0]) + "set_config('app.ics_ids', (select string_agg(id::text, ',') from ics), true), "
                    + "set_config('app.read_only', 'false', true)");
            assertThat(count(app, "select count(*) from trust")).isZero();
            assertThat(count(app, "select count(*) from app_user")).isZero();
            assertThat(count(app, "select count(*) from audit_event")).isZero();
            assertThatThrownBy(() -> forge.execute(insertIcs(london, "ZZ8")))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            app.rollback();

            // A real seal, carried into the next transaction with its settings, is worth nothing there.
            enterScope(app, national);
            assertThat(count(app, "select count(*) from trust")).isPositive();
            var settings = new LinkedHashMap<String, String>();
            for (var name : List.of("app.user_id", "app.role", "app.scope_level", "app.region_id", "app.ics_ids",
                    "app.ics_lineage", "app.trust_id", "app.trust_ids", "app.read_only", "app.scope_seal")) {
                try (var value = app.createStatement().executeQuery("select current_setting('" + name + "', true)")) {
                    value.next();
                    settings.put(name, value.getString(1));
                }
            }
            app.commit();
            try (var replay = app.prepareStatement("select set_config(?, ?, true)")) {
                for (var setting : settings.entrySet()) {
                    replay.setString(1, setting.getKey());
                    replay.setString(2, setting.getValue());
                    replay.executeQuery().close();
                }
            }
            assertThat(count(app, "select count(*) from trust")).isZero();
            app.rollback();

            // A token that was signed out enters no scope.
            String token = owner.queryForObject("select tenancy.issue_scope_token(?)", String.class, national[0]);
            try (var signOut = app.prepareStatement("select tenancy.sign_out(?)")) {
                signOut.setString(1, token);
                signOut.executeQuery().close();
            }
            try (var enter = app.prepareStatement("select tenancy.enter_scope(?, ?)")) {
                enter.setString(1, token);
                enter.setLong(2, national[1]);
                try (var level = enter.executeQuery()) {
                    level.next();
                    assertThat(level.getString(1)).isNull();
                }
            }
            assertThat(count(app, "select count(*) from trust")).isZero();
            app.rollback();
        }
    }

    /** No definer function can be fooled by a temporary object of the caller's (issue 10, finding 11). */
    @Test
    void everySecurityDefinerFunctionSearchesPgTempLast() {
        assertThat(owner.queryForList("""
                select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                 where n.nspname in ('public', 'tenancy') and (p.prosecdef or p.prorettype = 'trigger'::regtype)
                   and not exists (select 1 from unnest(p.proconfig) c where c like 'search_path=%, pg_temp')""",
                String.class)).isEmpty();
    }

    /** Status changes only through the workflow functions, by the role the state machine names. */
    @Test
    void theWorkflowFunctionsCheckTheRoleTheStateAndFourEyes() throws SQLException {
        long assessment = assessments.get("RJ1");
        owner.update("update assessment set status = 'DRAFT' where id = ?", assessment);
        owner.update("update answer set score = 3 where assessment_id = ?", assessment);
        owner.update("delete from assessment_editor where assessment_id = ?", assessment);
        int version = owner.queryForObject("select version from assessment where id = ?", Integer.class, assessment);
        try (var app = database.asApplication()) {
            app.setAutoCommit(false);
            for (var email : List.of("viewer@demo.example", "ics.leader@demo.example", "region.admin@demo.example")) {
                enterScope(app, assignment(email));
                assertThatThrownBy(() -> count(app, "select tenancy.move_assessment(%d, 'SUBMITTED', %d)"
                        .formatted(assessment, version)))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
                app.rollback();
            }
            // An editor submits, and cannot approve.
            enterScope(app, assignment("editor@demo.example"));
            count(app, "select tenancy.move_assessment(%d, 'SUBMITTED', %d)".formatted(assessment, version));
            assertThatThrownBy(() -> count(app, "select tenancy.move_assessment(%d, 'APPROVED', %d)"
                    .formatted(assessment, version + 1)))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            app.rollback();
            // An approver who changed an answer cannot approve; the database recorded the change.
            enterScope(app, assignment("approver@demo.example"));
            app.createStatement().executeUpdate("update answer set score = 2 where assessment_id = " + assessment);
            count(app, "select tenancy.move_assessment(%d, 'SUBMITTED', %d)".formatted(assessment, version));
            assertThatThrownBy(() -> count(app, "select tenancy.move_assessment(%d, 'APPROVED', %d)"
                    .formatted(assessment, version + 1)))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            app.rollback();
        }
        // Submitted by the editor, approved by an approver who changed nothing; a stale version moves nothing.
        try (var app = database.asApplication()) {
            app.setAutoCommit(false);
            enterScope(app, assignment("editor@demo.example"));
            count(app, "select tenancy.move_assessment(%d, 'SUBMITTED', %d)".formatted(assessment, version));
            app.commit();
            enterScope(app, assignment("approver@demo.example"));
            try (var stale = app.createStatement().executeQuery("select tenancy.move_assessment(%d, 'APPROVED', %d)"
                    .formatted(assessment, version))) {
                stale.next();
                assertThat(stale.getObject(1)).isNull();
            }
            count(app, "select tenancy.move_assessment(%d, 'APPROVED', %d)".formatted(assessment, version + 1));
            app.commit();
            // Approved: no trust scope can change the answers or take it back to a draft.
            enterScope(app, assignment("approver@demo.example"));
            assertThatThrownBy(() -> app.createStatement().executeUpdate(
                    "update answer set score = 1 where assessment_id = " + assessment))
                    .isInstanceOf(SQLException.class);
            app.rollback();
            enterScope(app, assignment("approver@demo.example"));
            try (var refused = app.createStatement().executeQuery("select tenancy.move_assessment(%d, 'RETURNED', %d, 'again')"
                    .formatted(assessment, version + 2))) {
                refused.next();
                assertThat(refused.getObject(1)).isNull();
            }
            app.rollback();
            assertThat(owner.queryForObject("select status from assessment where id = ?", String.class, assessment))
                    .isEqualTo("APPROVED");
        } finally {
            owner.update("update assessment set status = 'DRAFT' where id = ?", assessment);
            owner.update("delete from assessment_transition where assessment_id = ? and user_name <> 'Fixture User'", assessment);
        }
        assertThat(owner.queryForObject("select count(*) from assessment_transition where assessment_id = ?",
                Long.class, assessment)).isEqualTo(1);
    }

    @TestFactory
    Stream<DynamicTest> aPartitionQueriedDirectlyIsRefused() {
        return Stream.of("assessment_qkk", "answer_qkk", "improvement_action_qkk", "strategy_document_qkk").map(partition ->
                dynamicTest(partition, () -> {
                    assertThat(owner.queryForObject("select count(*) from " + partition, Long.class)).isPositive();
                    try (var app = database.asApplication()) {
                        app.setAutoCommit(false);
                        enterScope(app, scopes.get(ScopeLevel.ICS));
                        assertThatThrownBy(() -> count(app, "select count(*) from " + partition))
                                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                                        .isEqualTo(INSUFFICIENT_PRIVILEGE));
                        app.rollback();
                    }
                }));
    }

    @Test
    void theScopeDoesNotSurviveIntoTheNextTransactionOnTheSameConnection() throws SQLException {
        try (var app = database.asApplication()) {
            app.setAutoCommit(false);
            enterScope(app, scopes.get(ScopeLevel.ICS));
            assertThat(count(app, "select count(*) from trust")).isEqualTo(owner.queryForObject(
                    "select count(*) from trust where ics_id = ? or id in (select trust_id from trust_membership "
                            + "where ics_id in (?, ?))", Long.class, seLondon, seLondon, swLondon)).isGreaterThan(6);
            app.commit();

            assertThat(count(app, "select count(*) from trust")).isZero();
            assertThat(count(app, "select count(*) from assessment")).isZero();
            app.commit();

            app.setAutoCommit(true);
            assertThat(count(app, "select count(*) from trust")).isZero();
        }
    }

    @Test
    void theAuditLogCannotBeChangedOrDeletedByTheApplication() throws SQLException {
        try (var app = database.asApplication()) {
            app.setAutoCommit(false);
            enterScope(app, scopes.get(ScopeLevel.NATIONAL));
            assertThat(count(app, "select count(*) from audit_event")).isPositive();
            for (var change : List.of("update audit_event set action = 'CHANGED'", "delete from audit_event")) {
                assertThatThrownBy(() -> app.createStatement().execute(change))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                                .isEqualTo(INSUFFICIENT_PRIVILEGE));
                app.rollback();
                enterScope(app, scopes.get(ScopeLevel.NATIONAL));
            }
        }
    }

    @Test
    void theApplicationRoleOwnsNothingAndCannotBypassRowLevelSecurity() throws SQLException {
        try (var app = database.asApplication()) {
            assertThat(count(app, """
                    select count(*) from pg_roles
                     where rolname = current_user and not rolbypassrls and not rolsuper""")).isEqualTo(1);
            assertThat(count(app, """
                    select count(*) from pg_class c join pg_roles r on r.oid = c.relowner
                     where r.rolname = current_user""")).isZero();
        }
    }

    @Test
    void anAssignmentThatIsNotTheUsersEntersNoScope() throws SQLException {
        long editor = scopes.get(ScopeLevel.TRUST)[0];
        long leadersAssignment = scopes.get(ScopeLevel.ICS)[1];
        try (var app = database.asApplication()) {
            app.setAutoCommit(false);
            enterScope(app, new long[] {editor, leadersAssignment});
            assertThat(count(app, "select count(*) from trust")).isZero();
            app.rollback();
        }
    }

    /**
     * Only tenancy.execute_organisation_change moves rows between ICSs, changes a trust's ICS or
     * an organisation's dates, or writes memberships and links: not even a national admin's scope
     * can, whatever SQL it runs.
     */
    @TestFactory
    Stream<DynamicTest> theApplicationCannotMoveTenantRowsOrRewriteTheOrganisationModel() {
        return Stream.of(
                        "update trust set ics_id = ics_id",
                        "update trust set closed_on = current_date",
                        "update ics set closed_on = current_date",
                        "update ics set region_id = region_id",
                        "update assessment set ics_id = ics_id",
                        "update assessment set trust_id = trust_id",
                        "update assessment set cycle_id = cycle_id",
                        "update answer set ics_id = ics_id",
                        "update answer set trust_id = trust_id",
                        "update improvement_action set ics_id = ics_id",
                        "update strategy_document set ics_id = ics_id",
                        "update strategy_document set trust_id = trust_id",
                        "update role_assignment set ends_on = current_date",
                        "insert into trust_membership (trust_id, ics_id, valid_from) values (%d, %d, current_date)"
                                .formatted(rj1, swLondon),
                        "update trust_membership set valid_to = current_date",
                        "delete from trust_membership",
                        "insert into ics_link (predecessor_id, successor_id, kind, effective_on) values (%d, %d, 'MERGER', current_date)"
                                .formatted(seLondon, swLondon),
                        "insert into trust_link (predecessor_id, successor_id, kind, effective_on) values (%d, %d, 'MERGER', current_date)"
                                .formatted(rjz, rj1),
                        "select tenancy.execute_organisation_change(1, null)")
                .map(statement -> dynamicTest(statement, () -> {
                    try (var app = database.asApplication()) {
                        app.setAutoCommit(false);
                        enterScope(app, scopes.get(ScopeLevel.NATIONAL));
                        assertThatThrownBy(() -> app.createStatement().execute(statement))
                                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                                        .isEqualTo(INSUFFICIENT_PRIVILEGE));
                        app.rollback();
                    }
                }));
    }

    /** A trust's scope cannot attach rows to another trust's assessment, even in its own ICS. */
    @TestFactory
    Stream<DynamicTest> childRowsAreTiedToTheirAssessmentsTrust() {
        long rjzAssessment = assessments.get("RJZ");
        long statement = id("select id from statement where position = 3 order by id limit 1");
        long characteristic = id("select min(id) from characteristic");
        return Stream.of(insertAnswer(seLondon, rj1, rjzAssessment, statement),
                        insertAction(seLondon, rj1, rjzAssessment, characteristic))
                .map(statementSql -> dynamicTest(statementSql, () -> {
                    try (var app = database.asApplication()) {
                        app.setAutoCommit(false);
                        enterScope(app, scopes.get(ScopeLevel.TRUST));
                        assertThatThrownBy(() -> app.createStatement().execute(statementSql))
                                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                                        .isEqualTo("23503"));
                        app.rollback();
                    }
                }));
    }

    /**
     * No scope changes its own account, a region admin cannot touch an account with a national
     * role, and nobody writes a password hash or home region, or deletes actions, as the application.
     */
    @Test
    void accountsChangeOnlyAsTheirAdminsMay() throws SQLException {
        long editor = scopes.get(ScopeLevel.TRUST)[0];
        long nationalAdmin = scopes.get(ScopeLevel.NATIONAL)[0];
        try (var app = database.asApplication()) {
            app.setAutoCommit(false);
            enterScope(app, scopes.get(ScopeLevel.TRUST));
            assertThat(app.createStatement().executeUpdate(
                    "update app_user set failed_sign_ins = 0, locked_until = null where id = " + editor)).isZero();
            app.rollback();
            enterScope(app, scopes.get(ScopeLevel.REGION));
            assertThat(app.createStatement().executeUpdate(
                    "update app_user set enabled = false where id = " + nationalAdmin)).isZero();
            assertThat(app.createStatement().executeUpdate(
                    "update app_user set enabled = enabled where id = " + editor)).as("a London user").isEqualTo(1);
            app.rollback();
            for (var statement : List.of("update app_user set password_hash = null",
                    "update app_user set home_region_id = " + london,
                    "delete from improvement_action", "update ics set name = name")) {
                enterScope(app, scopes.get(ScopeLevel.NATIONAL));
                assertThatThrownBy(() -> app.createStatement().execute(statement)).as(statement)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                                .isEqualTo(INSUFFICIENT_PRIVILEGE));
                app.rollback();
            }
        }
    }

    @Test
    void anAppliedChangeCannotBeMarkedOtherwiseByTheApplication() throws SQLException {
        try (var app = database.asApplication()) {
            app.setAutoCommit(false);
            enterScope(app, scopes.get(ScopeLevel.NATIONAL));
            assertThat(count(app, "select count(*) from organisation_change where status = 'APPLIED'")).isPositive();
            assertThat(app.createStatement().executeUpdate(
                    "update organisation_change set status = 'CANCELLED' where status = 'APPLIED'")).isZero();
            app.rollback();
        }
    }

    private static String insertChange(long user, long region) {
        return ("insert into organisation_change (title, effective_on, region_ids, created_by) "
                + "values ('Test', date '2030-04-01', array[%d]::bigint[], %d)").formatted(region, user);
    }

    private static String insertAssessment(long ics, long trust, long cycle, long framework) {
        return "insert into assessment (ics_id, trust_id, cycle_id, framework_id) values (%d, %d, %d, %d)"
                .formatted(ics, trust, cycle, framework);
    }

    private static String insertAnswer(long ics, long trust, long assessment, long statement) {
        return "insert into answer (ics_id, trust_id, assessment_id, statement_id, score) values (%d, %d, %d, %d, 2)"
                .formatted(ics, trust, assessment, statement);
    }

    private static String insertAction(long ics, long trust, long assessment, long characteristic) {
        return ("insert into improvement_action (ics_id, trust_id, assessment_id, characteristic_id, title, "
                + "owner_name, due_on) values (%d, %d, %d, %d, 'Test', 'Test', date '2030-01-01')")
                .formatted(ics, trust, assessment, characteristic);
    }

    private static String insertDocument(long ics, long trust, long assessment, String uploadedBy) {
        return ("insert into strategy_document (ics_id, trust_id, assessment_id, file_name, media_type, size_bytes, sha256, "
                + "content, uploaded_by, uploaded_by_name, analysis) values (%d, %d, %d, 'strategy.pdf', 'application/pdf', 1, "
                + "sha256('x'::bytea), 'x'::bytea, %s, 'Fixture User', '{}'::jsonb)").formatted(ics, trust, assessment, uploadedBy);
    }

    /**
     * A strategy document belongs to its assessment's state: none is stored once the assessment is
     * submitted or approved, and a superseded one stays superseded.
     */
    @Test
    void aStrategyDocumentIsStoredOnlyWhileItsAssessmentIsOpenAndHistoryIsKept() throws SQLException {
        try (var app = database.asApplication()) {
            app.setAutoCommit(false);
            enterScope(app, scopes.get(ScopeLevel.TRUST));
            owner.update("update assessment set status = 'SUBMITTED' where id = ?", rj1DocumentAssessment);
            assertThatThrownBy(() -> app.createStatement().executeUpdate(
                    insertDocument(seLondon, rj1, rj1DocumentAssessment, "tenancy.user_id()")))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            app.rollback();
            owner.update("update assessment set status = 'DRAFT' where id = ?", rj1DocumentAssessment);

            enterScope(app, scopes.get(ScopeLevel.TRUST));
            assertThat(app.createStatement().executeUpdate(insertDocument(seLondon, rj1, rj1DocumentAssessment, "tenancy.user_id()")))
                    .isEqualTo(1);
            assertThat(app.createStatement().executeUpdate("update strategy_document set superseded_at = now() "
                    + "where assessment_id = " + rj1DocumentAssessment)).isEqualTo(1);
            assertThatThrownBy(() -> app.createStatement().executeUpdate("update strategy_document set superseded_at = null "
                    + "where assessment_id = " + rj1DocumentAssessment))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"));
            app.rollback();
        } finally {
            owner.update("update assessment set status = 'DRAFT' where id = ?", rj1DocumentAssessment);
        }
    }

    private static String insertTransition(long ics, long trust, long assessment) {
        return ("insert into assessment_transition (ics_id, trust_id, assessment_id, to_status, user_name) "
                + "values (%d, %d, %d, 'SUBMITTED', 'Test')").formatted(ics, trust, assessment);
    }

    private static String insertAudit(long user, long region, long ics, long trust) {
        return ("insert into audit_event (user_id, region_id, ics_id, trust_id, action, entity_type) "
                + "values (%d, %d, %d, %d, 'TEST', 'test')").formatted(user, region, ics, trust);
    }

    private static String insertTrust(long ics, String odsCode) {
        return ("insert into trust (ics_id, ods_code, name, ods_name, trust_type, organisation_form) "
                + "values (%d, '%s', 'Test Trust', 'TEST TRUST', 'acute', 'NHS trust')").formatted(ics, odsCode);
    }

    private static String insertIcs(long region, String odsCode) {
        return "insert into ics (region_id, ods_code, name, short_name) values (%d, '%s', 'Test ICB', 'Test')"
                .formatted(region, odsCode);
    }

    private static String insertCycle(long region, String name, long framework) {
        return ("insert into assessment_cycle (region_id, framework_id, name, opens_on, closes_on) "
                + "values (%d, %d, '%s', date '2017-10-01', date '2018-03-31')").formatted(region, framework, name);
    }

    private static String insertAssignment(long user, long region, long ics, long trust) {
        return ("insert into role_assignment (user_id, role, region_id, ics_id, trust_id) "
                + "values (%d, 'TRUST_VIEWER', %d, %d, %d)").formatted(user, region, ics, trust);
    }

    private static String insertUser(String email, long homeRegion) {
        return "insert into app_user (email, display_name, home_region_id) values ('%s', 'Test', %d)"
                .formatted(email, homeRegion);
    }

    private static String insertInvitation(long user, long createdBy) {
        return ("insert into invitation (user_id, token_hash, expires_at, created_by) values (%d, "
                + "encode(sha256(random()::text::bytea), 'hex'), now() + interval '7 days', %d)").formatted(user, createdBy);
    }

    private long cycle(long region, String name) {
        return owner.queryForObject("""
                insert into assessment_cycle (region_id, framework_id, name, opens_on, closes_on)
                values (?, (select id from framework where version = 1), ?, date '2019-10-01', date '2020-03-31')
                returning id""", Long.class, region, name);
    }

    /** The demo user's id and their (first) role assignment's id. */
    private long[] assignment(String email) {
        return owner.queryForObject("""
                select u.id, min(ra.id) from app_user u join role_assignment ra on ra.user_id = u.id
                 where u.email = ? group by u.id""",
                (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}, email);
    }

    private long id(String sql) {
        return owner.queryForObject(sql, Long.class);
    }
}
