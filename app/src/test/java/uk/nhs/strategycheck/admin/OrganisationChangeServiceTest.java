package uk.nhs.strategycheck.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.OrganisationFixture;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.assessment.AssessmentService;
import uk.nhs.strategycheck.benchmark.BenchmarkService;
import uk.nhs.strategycheck.benchmark.Footprint;
import uk.nhs.strategycheck.benchmark.Heatmap;
import uk.nhs.strategycheck.reports.ReportService;
import uk.nhs.strategycheck.tenancy.ScopeLevel;

/**
 * Organisation changes end to end against the real database: ICSs merged and split, a trust
 * acquired, a closure planned ahead, a cross-region move mid-cycle, change files. The test
 * builds its own ICSs and trusts (ODS codes ZX...), with approved 2025/26 assessments, in
 * London and the South East, and removes them afterwards.
 */
@IntegrationTest
class OrganisationChangeServiceTest {

    private static final String DOMAIN = "@change.test";

    @Autowired
    OrganisationChangeService changes;
    @Autowired
    BenchmarkService benchmarks;
    @Autowired
    AssessmentService assessments;
    @Autowired
    ReportService reports;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;

    private JdbcTemplate owner;
    private OrganisationFixture fixture;
    private final LocalDate today = LocalDate.now(uk.nhs.strategycheck.shared.Dates.ENGLAND);

    @BeforeEach
    void setUp() throws SQLException {
        owner = database.owner();
        fixture = new OrganisationFixture(owner, "ZX", DOMAIN);
        fixture.remove();
    }

    @AfterEach
    void tearDown() {
        signIn.out();
        fixture.remove();
    }

    @Test
    void mergingTwoIcssChangesNothingBeforeItsDayThenMovesEverythingAndKeepsWhatWasPublished() throws SQLException {
        long north = fixture.ics("ZXA", "Y56");
        long south = fixture.ics("ZXB", "Y56");
        long a1 = fixture.trust("ZXA1", north, "acute");
        long a2 = fixture.trust("ZXA2", north, "community");
        long b1 = fixture.trust("ZXB1", south, "acute");
        long a1Assessment = fixture.approved(a1, "2025/26", "Y56", 0);
        fixture.approved(a2, "2025/26", "Y56", 2);
        fixture.approved(b1, "2025/26", "Y56", 4);
        owner.update("""
                insert into strategy_document (ics_id, trust_id, assessment_id, file_name, media_type, size_bytes, sha256,
                                               content, analysis, uploaded_by, uploaded_by_name)
                select ?, ?, ?, 'strategy.pdf', 'application/pdf', 1, sha256('x'::bytea), 'x'::bytea, '{}'::jsonb, id, 'Test'
                  from app_user where email = 'editor@demo.example'""", north, a1, a1Assessment);
        fixture.user("north.leader", "ICS_LEADER", north, null);
        fixture.user("south.leader", "ICS_LEADER", south, null);
        var mediansBefore = medians(false);
        assertThat(mediansBefore).anyMatch(m -> m.get("group_kind").equals("ICS") && m.get("group_id").equals(north));

        signIn.as("region.admin@demo.example");
        var planned = changes.plan(new ChangeDraft(ChangeKind.MERGE_ICSS, today.plusDays(1), List.of("ZXA", "ZXB"),
                null, "ZXC", "NHS Test Merged Integrated Care Board", "Test Merged", null, null, null, null));
        assertThat(planned.steps()).extracting(ChangeStep::describe).contains("Open ICS ZXC, NHS Test Merged "
                + "Integrated Care Board in region Y56", "Move trust ZXA1 to ZXC", "Close ICS ZXB (successor ZXC)");

        var preview = changes.preview(planned.id());
        assertThat(preview.trusts()).extracting(ChangePreview.AffectedTrust::odsCode)
                .containsExactlyInAnyOrder("ZXA1", "ZXA2", "ZXB1");
        assertThat(preview.assessments()).hasSize(3).allMatch(a -> a.cycleName().equals("2025/26"));
        assertThat(preview.roles()).extracting(ChangePreview.AffectedRole::email)
                .containsExactlyInAnyOrder("north.leader" + DOMAIN, "south.leader" + DOMAIN);
        assertThat(preview.problem()).as("the database accepts it (tried and undone)").isEmpty();
        assertThat(count("select count(*) from ics where ods_code = 'ZXC'")).as("the check left nothing").isZero();

        // Before its day nothing changes.
        assertThatThrownBy(() -> changes.apply(planned.id())).isInstanceOf(AdminProblem.class)
                .hasMessageContaining("It can be applied on that day or later");
        assertThat(count("select count(*) from trust where ics_id in (" + north + ", " + south + ")")).isEqualTo(3);

        // The day comes. A failure halfway (after the trusts have moved) leaves every partition as it was.
        owner.update("update organisation_change set effective_on = current_date where id = ?", planned.id());
        var partitionsBefore = partitionCounts();
        owner.update("insert into organisation_change_step (change_id, position, action, ods_code) "
                + "values (?, 99, 'CLOSE_ICS', 'QKK')", planned.id());
        assertThatThrownBy(() -> changes.apply(planned.id())).isInstanceOf(AdminProblem.class)
                .hasMessageContaining("Close ICS QKK: it still has");
        assertThat(partitionCounts()).isEqualTo(partitionsBefore);
        assertThat(count("select count(*) from ics where ods_code = 'ZXC'")).isZero();
        owner.update("delete from organisation_change_step where change_id = ? and position = 99", planned.id());

        var applied = changes.apply(planned.id());
        assertThat(applied.status()).isEqualTo(ChangeStatus.APPLIED);
        long merged = id("select id from ics where ods_code = 'ZXC'");
        assertThat(count("select count(*) from trust where ics_id = " + merged)).isEqualTo(3);
        assertThat(count("select count(*) from assessment where ics_id = " + merged)).isEqualTo(3);
        assertThat(count("select count(*) from answer where ics_id = " + merged)).isEqualTo(3 * 28);
        assertThat(count("select count(*) from strategy_document where ics_id = " + merged + " and assessment_id = "
                + a1Assessment)).as("the strategy document follows its assessment").isEqualTo(1);
        assertThat(count("select count(*) from assessment where ics_id in (" + north + ", " + south + ")")).isZero();
        assertThat(count("select count(*) from ics where id in (" + north + ", " + south + ") and closed_on = current_date"))
                .isEqualTo(2);

        // Published medians never change; restated ones group the trusts under the new ICS.
        assertThat(medians(false)).containsExactlyInAnyOrderElementsOf(mediansBefore);
        assertThat(medians(true)).anyMatch(m -> m.get("group_kind").equals("ICS") && m.get("group_id").equals(merged)
                && m.get("trusts").equals(3));

        // Both old ICSs and the new one see the moves in their audit logs; a moved trust keeps its own.
        fixture.user("a1.viewer", "TRUST_VIEWER", merged, a1);
        owner.update("insert into audit_event (trust_id, ics_id, region_id, action, entity_type) "
                + "select ?, ?, region_id, 'BEFORE_THE_MOVE', 'assessment' from ics where id = ?", a1, north, north);
        long[] viewer = owner.queryForObject("select u.id, ra.id from app_user u join role_assignment ra on ra.user_id = u.id "
                + "where u.email = ?", (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}, "a1.viewer" + DOMAIN);
        try (var app = database.asApplication()) {
            app.setAutoCommit(false);
            TestDatabase.enterScope(app, viewer);
            assertThat(TestDatabase.count(app, "select count(*) from audit_event where action in "
                    + "('BEFORE_THE_MOVE', 'TRUST_MOVED_OUT', 'TRUST_MOVED_IN')")).isEqualTo(3);
            app.rollback();
        }
        assertThat(count("select count(*) from audit_event where action = 'TRUST_MOVED_OUT' and ics_id = " + north)).isEqualTo(2);
        assertThat(count("select count(*) from audit_event where action = 'TRUST_MOVED_IN' and ics_id = " + merged)).isEqualTo(3);

        // The old leaders' roles ended with their ICSs; one is given the same role at the successor.
        var ended = changes.endedRoles(planned.id());
        assertThat(ended).extracting(OrganisationChangeService.EndedRole::email)
                .containsExactlyInAnyOrder("north.leader" + DOMAIN, "south.leader" + DOMAIN);
        var successor = ended.get(0).successors().get(0);
        assertThat(successor.odsCode()).isEqualTo("ZXC");
        var northLeader = ended.stream().filter(r -> r.email().startsWith("north")).findFirst().orElseThrow();
        changes.giveRoleAtSuccessor(planned.id(), northLeader.userId(), successor);

        signIn.as("south.leader" + DOMAIN);
        assertThatThrownBy(() -> benchmarks.heatmap(Optional.of("2025/26"))).isInstanceOf(AccessDeniedException.class);

        signIn.as("north.leader" + DOMAIN);
        var published = benchmarks.heatmap(Optional.of("2025/26")).orElseThrow();
        assertThat(published.footprint()).isEqualTo(Footprint.AS_PUBLISHED);
        assertThat(published.footprintNote()).startsWith("As published:");
        assertThat(published.trusts()).extracting(r -> r.trust().odsCode()).containsExactlyInAnyOrder("ZXA1", "ZXA2", "ZXB1");
        assertThat(published.trusts()).allMatch(r -> !r.scores().isEmpty());
        assertThat(published.trusts()).extracting(r -> r.publishedIn().orElse(""))
                .containsExactlyInAnyOrder("Test ZXA", "Test ZXA", "Test ZXB");
        assertThat(published.predecessorMedians()).extracting(Heatmap.NamedMedian::label)
                .containsExactly("Test ZXA ICS median (as published)", "Test ZXB ICS median (as published)");
        var restated = benchmarks.heatmap(Optional.of("2025/26"), Optional.of(Footprint.RESTATED)).orElseThrow();
        assertThat(restated.footprintNote()).startsWith("Today's integrated care systems");
        assertThat(restated.icsMedian()).isNotEmpty();
    }

    @Test
    void splittingAnIcsSendsEachTrustWhereTheAdminSaysAndLinksBothSuccessors() throws SQLException {
        long split = fixture.ics("ZXA", "Y56");
        fixture.ics("ZXB", "Y56");
        fixture.ics("ZXC", "Y56");
        fixture.trust("ZXA1", split, "acute");
        fixture.trust("ZXA2", split, "mental health");
        signIn.as("region.admin@demo.example");

        assertThatThrownBy(() -> changes.plan(new ChangeDraft(ChangeKind.SPLIT_ICS, today, List.of("ZXA"), null, null,
                null, null, null, null, null, Map.of("ZXA1", "ZXB"))))
                .isInstanceOfSatisfying(AdminProblem.Invalid.class, e -> assertThat(e.errors()).containsExactly(
                        new AdminProblem.FieldError("splitTo:ZXA2", "Choose where Test ZXA2 NHS Trust goes.")));
        var change = changes.plan(new ChangeDraft(ChangeKind.SPLIT_ICS, today, List.of("ZXA"), null, null, null, null,
                null, null, null, Map.of("ZXA1", "ZXB", "ZXA2", "ZXC")));
        changes.apply(change.id());

        assertThat(owner.queryForList("select t.ods_code || '>' || i.ods_code from trust t join ics i on i.id = t.ics_id "
                + "where t.ods_code like 'ZXA%' order by 1", String.class)).containsExactly("ZXA1>ZXB", "ZXA2>ZXC");
        assertThat(owner.queryForList("select s.ods_code || ':' || l.kind from ics_link l join ics s on s.id = l.successor_id "
                + "where l.predecessor_id = ? order by 1", String.class, split)).containsExactly("ZXB:SPLIT", "ZXC:SPLIT");
    }

    @Test
    void anAcquiringTrustShowsItsPredecessorsScoresBesideItsOwnAndTheClosedTrustIsReadOnly() throws SQLException {
        long ics = fixture.ics("ZXA", "Y56");
        long acquirer = fixture.trust("ZXA1", ics, "acute");
        long acquired = fixture.trust("ZXA2", ics, "acute");
        fixture.approved(acquirer, "2025/26", "Y56", 1);
        fixture.approved(acquired, "2025/26", "Y56", 3);
        fixture.user("acquirer.viewer", "TRUST_VIEWER", ics, acquirer);
        fixture.user("acquired.editor", "TRUST_EDITOR", ics, acquired);
        fixture.user("acquired.viewer", "TRUST_VIEWER", ics, acquired);

        signIn.as("region.admin@demo.example");
        var change = changes.plan(new ChangeDraft(ChangeKind.ACQUIRE_TRUST, today, null, List.of("ZXA2"), "ZXA1",
                "Test Acquiring NHS Foundation Trust", null, null, null, null, null));
        changes.apply(change.id());
        assertThat(owner.queryForObject("select name from trust where id = ?", String.class, acquirer))
                .isEqualTo("Test Acquiring NHS Foundation Trust");

        signIn.as("acquirer.viewer" + DOMAIN);
        var profile = benchmarks.ownProfile(Optional.of("2025/26")).orElseThrow();
        assertThat(profile.approved()).isTrue();
        assertThat(profile.predecessors()).singleElement().satisfies(p -> {
            assertThat(p.odsCode()).isEqualTo("ZXA2");
            assertThat(p.kind()).isEqualTo("ACQUISITION");
            assertThat(p.scores()).hasSize(7).isNotEqualTo(profile.rows().stream()
                    .collect(java.util.stream.Collectors.toMap(r -> r.characteristic().id(), r -> r.score().orElseThrow())));
        });

        // The closed trust: its editor cannot start this cycle's assessment; its viewer still reads its report.
        signIn.as("acquired.editor" + DOMAIN);
        assertThat(assessments.open()).isEmpty();
        assertThat(count("select count(*) from assessment where trust_id = " + acquired + " and cycle_name = '2026/27'")).isZero();
        signIn.as("acquired.viewer" + DOMAIN);
        assertThat(benchmarks.ownProfile(Optional.of("2025/26")).orElseThrow().approved()).isTrue();
        assertThat(new String(reports.trustReport("ZXA2", "2025/26"), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aClosureRecordedForAFutureDayIsAppliedOnThatDayAndThenNobodyCanStartAnAssessment() throws SQLException {
        long ics = fixture.ics("ZXA", "Y56");
        long closing = fixture.trust("ZXA1", ics, "community");
        fixture.user("closing.editor", "TRUST_EDITOR", ics, closing);

        signIn.as("region.admin@demo.example");
        var change = changes.plan(new ChangeDraft(ChangeKind.CLOSE_TRUST, today.plusDays(30), null, List.of("ZXA1"),
                null, null, null, null, null, null, null));
        signIn.out();
        assertThat(changes.applyDueChanges()).isZero();
        assertThat(count("select count(*) from trust where id = " + closing + " and closed_on is null")).isEqualTo(1);

        owner.update("update organisation_change set effective_on = current_date where id = ?", change.id());
        assertThat(changes.applyDueChanges()).isEqualTo(1);
        assertThat(count("select count(*) from trust where id = " + closing + " and closed_on = current_date")).isEqualTo(1);

        signIn.as("closing.editor" + DOMAIN);
        assertThat(assessments.open()).as("a closed trust's editor cannot start an assessment").isEmpty();
        // Nor can the application role, whatever SQL it runs: the trust's scope is read-only.
        long[] scope = owner.queryForObject("select u.id, ra.id from app_user u join role_assignment ra on ra.user_id = u.id "
                + "where u.email = ?", (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}, "closing.editor" + DOMAIN);
        try (var app = database.asApplication()) {
            app.setAutoCommit(false);
            TestDatabase.enterScope(app, scope);
            assertThatThrownBy(() -> app.createStatement().execute("""
                    insert into assessment (ics_id, trust_id, cycle_id, framework_id)
                    select %d, %d, c.id, c.framework_id from assessment_cycle c
                     where c.name = '2026/27' and c.region_id = (select id from region where ods_code = 'Y56')"""
                    .formatted(ics, closing))).hasMessageContaining("row-level security");
            app.rollback();
        }
    }

    @Test
    void aCrossRegionMoveCarriesTheOpenAssessmentToTheNewRegionsCycleAndNeverMakesTwo() throws SQLException {
        long london = fixture.ics("ZXA", "Y56");
        fixture.ics("ZXS", "Y59");
        long mover = fixture.trust("ZXA1", london, "acute");
        fixture.approved(mover, "2025/26", "Y56", 0);
        long draft = fixture.assessment(mover, "2026/27", "Y56", "DRAFT");

        signIn.as("region.admin@demo.example");
        assertThatThrownBy(() -> changes.plan(new ChangeDraft(ChangeKind.MOVE_TRUST, today, null, List.of("ZXA1"), "ZXS",
                null, null, null, null, null, null))).isInstanceOf(AdminProblem.class)
                .hasMessageContaining("There is no ICS ZXS you manage");

        signIn.as("national.admin@demo.example");
        var change = changes.plan(new ChangeDraft(ChangeKind.MOVE_TRUST, today, null, List.of("ZXA1"), "ZXS",
                null, null, null, null, null, null));
        changes.apply(change.id());

        assertThat(owner.queryForList("select c.name || '@' || r.ods_code from assessment a "
                + "join assessment_cycle c on c.id = a.cycle_id join region r on r.id = c.region_id "
                + "where a.trust_id = ? order by 1", String.class, mover))
                .as("the closed cycle stays London's; the open one joins the South East's")
                .containsExactly("2025/26@Y56", "2026/27@Y59");
        assertThat(count("select count(*) from assessment where id = " + draft + " and trust_id = " + mover)).isEqualTo(1);
        assertThatThrownBy(() -> fixture.assessment(mover, "2026/27", "Y59", "DRAFT"))
                .as("one assessment per trust per cycle name").hasMessageContaining("duplicate key value");
        assertThatThrownBy(() -> fixture.assessment(mover, "2026/27", "Y56", "DRAFT"))
                .hasMessageContaining("(ics_id, trust_id, cycle_name)");
    }

    @Test
    void theFreezeGuardHoldsWhateverTheStatementOrder() throws SQLException {
        long ics = fixture.ics("ZXA", "Y56");
        long other = fixture.ics("ZXB", "Y56");
        long trust = fixture.trust("ZXA1", ics, "acute");
        long assessment = fixture.approved(trust, "2025/26", "Y56", 0);
        try (var connection = database.asOwner()) {
            connection.setAutoCommit(false);
            var statements = connection.createStatement();
            // Move the parent first, then touch its answers: still frozen.
            statements.execute("set constraints all deferred");
            statements.execute("update assessment set ics_id = %d where id = %d".formatted(other, assessment));
            assertThatThrownBy(() -> statements.execute("update answer set score = 1 where assessment_id = " + assessment))
                    .hasMessageContaining("answers of a approved assessment cannot be changed");
            connection.rollback();
            statements.execute("set constraints all deferred");
            assertThatThrownBy(() -> statements.execute("update answer set ics_id = %d, score = 1 where assessment_id = %d"
                    .formatted(other, assessment))).hasMessageContaining("cannot be changed");
            connection.rollback();
            assertThatThrownBy(() -> statements.execute("delete from answer where assessment_id = " + assessment))
                    .hasMessageContaining("cannot be changed");
            connection.rollback();
        }
    }

    @Test
    void theNhsChangesOf2026AreAlreadyInTheServiceSoLoadingTheFileAgainChangesNothing() throws Exception {
        signIn.as("national.admin@demo.example");
        var file = Files.readAllBytes(Path.of("../migrations/src/main/resources/db/data/changes-2026.csv"));
        var rows = changes.previewFile(file);
        assertThat(rows).hasSize(78).allSatisfy(row -> {
            assertThat(row.errors()).isEmpty();
            assertThat(row.alreadyApplied()).as(row.description()).isTrue();
        });
        assertThatThrownBy(() -> changes.importFile(file)).hasMessageContaining("already in the service");
        assertThat(count("select count(*) from ics where closed_on is null")).isEqualTo(36);
        assertThat(count("select count(*) from trust where closed_on is null and ods_code not like 'Z%'")).isEqualTo(202);
    }

    @Test
    void aChangeFileIsPreviewedLineByLineAndImportedAllOrNothing() throws SQLException {
        long ics = fixture.ics("ZXA", "Y56");
        fixture.trust("ZXA1", ics, "acute");
        signIn.as("region.admin@demo.example");
        var header = "effective_on,change,ods_code,name,short_name,from_ics,to_ics,region,successor\n";
        var good = header + today + ",ICS_OPENED,ZXN,NHS Test New Integrated Care Board,Test New,,,Y56,\n"
                + today + ",TRUST_MOVED,ZXA1,Test Trust,,ZXA,ZXN,Y56,\n"
                + today.plusDays(10) + ",TRUST_RENAMED,ZXA1,Test Renamed NHS Trust,,ZXN,ZXN,Y56,\n";
        var bad = good + "2026-13-01,TRUST_MOVED,ZXA1,,,ZXA,ZXQ,Y56,\n" + today + ",TRUST_MERGED,ZXA1,,,,,Y56,\n";

        var badRows = changes.previewFile(bad.getBytes(StandardCharsets.UTF_8));
        assertThat(badRows).hasSize(5);
        assertThat(badRows.get(3).errors()).containsExactly("The date \"2026-13-01\" must be written as 2026-04-01.");
        assertThat(badRows.get(4).errors()).singleElement().asString().startsWith("The change \"TRUST_MERGED\"");
        assertThatThrownBy(() -> changes.importFile(bad.getBytes(StandardCharsets.UTF_8)))
                .hasMessage("2 lines have problems, so nothing was imported.");
        assertThat(count("select count(*) from ics where ods_code = 'ZXN'")).isZero();

        var recorded = changes.importFile(good.getBytes(StandardCharsets.UTF_8));
        assertThat(recorded).extracting(OrganisationChange::status).containsExactly(ChangeStatus.APPLIED, ChangeStatus.PLANNED);
        assertThat(owner.queryForObject("select i.ods_code from trust t join ics i on i.id = t.ics_id where t.ods_code = 'ZXA1'",
                String.class)).isEqualTo("ZXN");
        assertThat(changes.previewFile(good.getBytes(StandardCharsets.UTF_8)).subList(0, 2))
                .allMatch(ChangeFileRow::alreadyApplied);
    }

    @Test
    void aRegionAdminCannotRecordAChangeForAnotherRegionAndOnlyAdminsSeeChanges() {
        signIn.as("region.admin@demo.example");
        assertThatThrownBy(() -> changes.plan(new ChangeDraft(ChangeKind.MOVE_TRUST, today, null, List.of("R0A"), "QKK",
                null, null, null, null, null, null))).hasMessageContaining("There is no trust R0A you manage");
        assertThat(changes.changes(null)).allMatch(c -> !c.steps().isEmpty());
        signIn.as("editor@demo.example");
        assertThatThrownBy(() -> changes.changes(null)).isInstanceOf(AccessDeniedException.class);
        signIn.as("ics.leader@demo.example");
        assertThatThrownBy(() -> changes.preview(1)).isInstanceOf(AccessDeniedException.class);
    }

    /** Every median of 2025/26, as a national admin reads them (every group, whatever its size). */
    private List<Map<String, Object>> medians(boolean restated) throws SQLException {
        try (var connection = database.asOwner()) {
            connection.setAutoCommit(false);
            var national = owner.queryForObject("select u.id, ra.id from app_user u join role_assignment ra "
                    + "on ra.user_id = u.id where u.email = 'national.admin@demo.example'",
                    (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)});
            TestDatabase.enterScope(connection, national);
            var rows = new org.springframework.jdbc.core.JdbcTemplate(
                    new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true))
                    .queryForList("select * from tenancy.benchmark_medians('2025/26', "
                            + "(select id from framework where version = 1), ?)", restated);
            connection.rollback();
            return rows;
        }
    }

    /** Rows in every partition of the test ICSs, and where each test trust is. */
    private List<Map<String, Object>> partitionCounts() {
        return owner.queryForList("""
                select i.ods_code,
                       (select count(*) from assessment a where a.ics_id = i.id) as assessments,
                       (select count(*) from answer a where a.ics_id = i.id) as answers,
                       (select count(*) from trust t where t.ics_id = i.id) as trusts,
                       (select count(*) from trust_membership m where m.ics_id = i.id) as memberships
                  from ics i where i.ods_code like 'ZX%' order by i.ods_code""");
    }

    private long count(String sql) {
        return owner.queryForObject(sql, Long.class);
    }

    private long id(String sql) {
        return owner.queryForObject(sql, Long.class);
    }
}
