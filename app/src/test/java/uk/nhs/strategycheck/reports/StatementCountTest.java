package uk.nhs.strategycheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.benchmark.BenchmarkService;

/**
 * The board pack, the heatmap and a trust report send PostgreSQL the same number of statements
 * whatever the number of trusts in the ICS (issue 15): South East London's leader (6 trusts in
 * 2025/26) and the leader of the ICS with the most trusts; the comparison of ICSs or regions the
 * same for London's region admin and England's national admin; England's board pack a few for every trust. Counted on the way to the driver by a
 * jOOQ listener on the application's own DSLContext, on this thread only (the service's other
 * threads run their own queries meanwhile).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementCountTest {

    private static final String CYCLE = "2025/26";
    private static final String LEADER_OF_LARGEST = "counting.leader@test.example";

    @Autowired
    ReportService reports;
    @Autowired
    BenchmarkService benchmarks;
    @Autowired
    DSLContext db;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;

    private JdbcTemplate owner;
    private String largestIcs;
    private ExecuteListenerProvider[] installed;
    private final AtomicInteger statements = new AtomicInteger();

    @BeforeAll
    void leaderOfTheLargestIcs() {
        owner = database.owner();
        largestIcs = owner.queryForObject("""
                select i.ods_code from trust_membership m join ics i on i.id = m.ics_id
                 where m.valid_from <= date '2026-03-31' and (m.valid_to is null or m.valid_to > date '2026-03-31')
                 group by i.ods_code order by count(*) desc, i.ods_code limit 1""", String.class);
        owner.update("""
                insert into app_user (email, display_name, password_hash, home_region_id)
                select ?, 'Counting Leader', ?, i.region_id from ics i where i.ods_code = ?""",
                LEADER_OF_LARGEST, TestDatabase.DEMO_PASSWORD_HASH, largestIcs);
        owner.update("""
                insert into role_assignment (user_id, role, region_id, ics_id)
                select u.id, 'ICS_LEADER', i.region_id, i.id from app_user u, ics i where u.email = ? and i.ods_code = ?""",
                LEADER_OF_LARGEST, largestIcs);
        installed = db.configuration().executeListenerProviders();
        var providers = new ArrayList<>(List.of(installed));
        Thread test = Thread.currentThread();
        providers.add(new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                if (Thread.currentThread() == test) {
                    statements.incrementAndGet();
                }
            }
        }));
        db.configuration().set(providers.toArray(ExecuteListenerProvider[]::new));
    }

    @AfterAll
    void removeTheLeader() {
        db.configuration().set(installed);
        owner.update("delete from audit_event where user_id = (select id from app_user where email = ?)", LEADER_OF_LARGEST);
        owner.update("delete from role_assignment where user_id = (select id from app_user where email = ?)", LEADER_OF_LARGEST);
        owner.update("delete from app_user where email = ?", LEADER_OF_LARGEST);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void theBoardPackRunsAFixedNumberOfStatements() {
        signIn.as("ics.leader@demo.example");
        int fewTrusts = members();
        int few = counted(() -> reports.boardPack("QKK", CYCLE));
        signIn.as(LEADER_OF_LARGEST);
        int manyTrusts = members();
        int many = counted(() -> reports.boardPack(largestIcs, CYCLE));

        assertThat(manyTrusts).as("trusts in %s against South East London's", largestIcs).isGreaterThan(2 * fewTrusts);
        // The cycles, members, scores, characteristics and medians read once for the heatmap, the
        // submissions and the profiles together (19 statements when each read its own).
        assertThat(few).isPositive().isLessThanOrEqualTo(11);
        assertThat(many).as("statements for %d trusts against %d trusts", manyTrusts, fewTrusts).isEqualTo(few);
    }

    @Test
    void theHeatmapRunsAFixedNumberOfStatements() {
        signIn.as("ics.leader@demo.example");
        int few = counted(() -> benchmarks.heatmap(Optional.of(CYCLE)).orElseThrow());
        signIn.as(LEADER_OF_LARGEST);
        int many = counted(() -> benchmarks.heatmap(Optional.of(CYCLE)).orElseThrow());

        assertThat(few).isPositive();
        assertThat(many).isEqualTo(few);
    }

    @Test
    void aTrustReportRunsAFixedNumberOfStatements() {
        signIn.as("ics.leader@demo.example");
        int few = counted(() -> reports.trustReport(firstMember(), CYCLE));
        signIn.as(LEADER_OF_LARGEST);
        int many = counted(() -> reports.trustReport(firstMember(), CYCLE));

        assertThat(few).isPositive();
        assertThat(many).isEqualTo(few);
    }

    @Test
    void theComparisonOfIcssOrRegionsRunsAFixedNumberOfStatements() {
        signIn.as("region.admin@demo.example");
        var london = counted(() -> benchmarks.areaComparison(Optional.of(CYCLE)).orElseThrow());
        int londonTrusts = benchmarks.areaComparison(Optional.of(CYCLE)).orElseThrow().areas().stream()
                .mapToInt(area -> area.trusts()).sum();
        signIn.as("national.admin@demo.example");
        var england = counted(() -> benchmarks.areaComparison(Optional.of(CYCLE)).orElseThrow());
        int englandTrusts = benchmarks.areaComparison(Optional.of(CYCLE)).orElseThrow().areas().stream()
                .mapToInt(area -> area.trusts()).sum();

        assertThat(englandTrusts).isGreaterThan(4 * londonTrusts);
        assertThat(london).isPositive();
        assertThat(england).isEqualTo(london);
    }

    @Test
    void theNationalPackRunsAFewStatementsForEveryTrustOfEngland() {
        signIn.as("national.admin@demo.example");
        int trusts = benchmarks.england(CYCLE, Optional.empty()).trusts().size();
        int statements = counted(() -> reports.nationalPack(CYCLE, Optional.empty()));

        // A query per trust, per ICS or per region would send at least 40 more.
        assertThat(trusts).isGreaterThan(200);
        assertThat(statements).isPositive().isLessThanOrEqualTo(8);
    }

    /** The signed-in leader's member trusts in the cycle, as the board pack lists them. */
    private int members() {
        return benchmarks.submissions(Optional.of(CYCLE)).orElseThrow().trusts().size();
    }

    /** An approved member trust of the signed-in leader's ICS. */
    private String firstMember() {
        return benchmarks.heatmap(Optional.of(CYCLE)).orElseThrow().trusts().stream()
                .filter(row -> !row.scores().isEmpty()).findFirst().orElseThrow().trust().odsCode();
    }

    /** How many statements the work sends to PostgreSQL, once warm (the first run fills caches, if any). */
    private int counted(Supplier<?> work) {
        assertThat(work.get()).isNotNull();
        statements.set(0);
        work.get();
        return statements.get();
    }
}
