package uk.nhs.strategycheck.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.CallbackExecuteListener;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.TestDatabase;

/**
 * A benchmark, not a test: what row level security costs the ICS heatmap and the medians,
 * at the demo volume and at ten times it. It prints figures and asserts nothing about them;
 * it only checks that each query returns the same rows with row level security as without,
 * and the same at both volumes.
 *
 * <p>Each query runs through the real repository method on a plain connection: as the
 * application role in a transaction that first enters the user's scope with
 * {@code tenancy.enter_scope} (row level security on), and as the owner, which bypasses it
 * (off). The two alternate, so both see the same load on the machine. Then, as the owner,
 * it adds 18 cycles to every region (2007/08 to 2024/25; 20 with the demo's two) with an
 * approved, fully scored assessment of every trust in each, measures again, prints the
 * heatmap's plans, and removes what it added.
 *
 * <p>Excluded from {@code ./mvnw verify}; run it with
 * {@code ./mvnw -pl app test -Dgroups=benchmark -DexcludedGroups=none} (README, Benchmarks).
 * {@code -Dbenchmark.warmup} and {@code -Dbenchmark.iterations} change the 30 warm-up and
 * 200 measured runs of each query.
 */
@IntegrationTest
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityBenchmark {

    private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 30);
    private static final int ITERATIONS = Integer.getInteger("benchmark.iterations", 200);
    private static final int FIRST_YEAR = 2007;
    private static final int LAST_YEAR = 2024;
    /**
     * The demo's closed cycle, the one the heatmap opens on: the same rows at both volumes,
     * so only the history around it grows.
     */
    private static final String CYCLE = "2025/26";
    private static final java.util.regex.Pattern PARTITION =
            java.util.regex.Pattern.compile(" on ((?:assessment|answer)_(?!cycle)[a-z0-9]+)");

    @Autowired
    TestDatabase database;

    private JdbcTemplate owner;
    private String[] generatedCycles;
    private long frameworkId;
    private long seLondon;
    private long largestIcs;
    private String largestIcsCode;
    private long[] icsLeader;
    private long[] nationalAdmin;
    private final List<String> table = new ArrayList<>();

    @BeforeAll
    void findTheScopes() throws SQLException {
        owner = database.owner();
        generatedCycles = new String[LAST_YEAR - FIRST_YEAR + 1];
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            generatedCycles[year - FIRST_YEAR] = "%d/%02d".formatted(year, (year + 1) % 100);
        }
        removeGenerated();
        frameworkId = owner.queryForObject("select id from framework where version = 1", Long.class);
        seLondon = owner.queryForObject("select id from ics where ods_code = 'QKK'", Long.class);
        var largest = owner.queryForMap("""
                select i.id, i.ods_code from ics i join trust t on t.ics_id = i.id
                 group by i.id, i.ods_code order by count(*) desc, i.ods_code limit 1""");
        largestIcs = (Long) largest.get("id");
        largestIcsCode = (String) largest.get("ods_code");
        icsLeader = assignment("ics.leader@demo.example");
        nationalAdmin = assignment("national.admin@demo.example");
    }

    @AfterAll
    void removeGeneratedData() {
        removeGenerated();
        print("Cleaned up, back to", counts());
    }

    @Test
    void heatmapAndMediansAtDemoAndTenTimesDemoVolume() throws Exception {
        table.add("%-6s %-50s %5s %8s %8s %9s %9s %9s %9s".formatted("volume", "query", "rows", "on p50", "on p95",
                "off p50", "off p95", "ratio p50", "ratio p95"));
        try (var app = database.asApplication(); var own = database.asOwner()) {
            app.setAutoCommit(false);
            own.setAutoCommit(false);
            print("Demo volume", counts());
            warmUpTheJvm(app, own);
            var atDemoVolume = measure("1x", app, own);
            growToTenTimesTheDemoVolume();
            var atTenTimes = measure("10x", app, own);
            assertThat(atTenTimes).as("the cycle's heatmaps and medians do not depend on the other cycles")
                    .isEqualTo(atDemoVolume);
            scopeCost(app);

            System.out.println();
            planCounts(app, "application role");
            planCounts(own, "owner");
            explainHeatmap(app);
        }
        System.out.println();
        System.out.printf("Row level security benchmark: %d warm-up and %d measured runs of each query, cycle %s, "
                + "milliseconds.%nRLS on = application role in the user's scope (tenancy.enter_scope, not timed); "
                + "off = owner role (BYPASSRLS). Ratio = on / off.%n", WARM_UP, ITERATIONS, CYCLE);
        table.forEach(System.out::println);
        System.out.println();
    }

    /** Compiles jOOQ's and the driver's paths before anything is timed, so the first figures are not the JVM's. */
    private void warmUpTheJvm(Connection app, Connection own) throws Exception {
        var appRepository = new BenchmarkRepository(DSL.using(app, SQLDialect.POSTGRES));
        var ownerRepository = new BenchmarkRepository(DSL.using(own, SQLDialect.POSTGRES));
        for (int i = 0; i < 10 * WARM_UP; i++) {
            inScope(app, icsLeader, () -> appRepository.approvedScoresOfIcs(seLondon, CYCLE));
            inTransaction(own, () -> ownerRepository.approvedScoresOfIcs(seLondon, CYCLE));
        }
    }

    /** The three queries at the current volume; returns their results. */
    private List<Object> measure(String volume, Connection app, Connection own) throws Exception {
        var appRepository = new BenchmarkRepository(DSL.using(app, SQLDialect.POSTGRES));
        var ownerRepository = new BenchmarkRepository(DSL.using(own, SQLDialect.POSTGRES));
        var leaderHeatmap = compare(volume, "heatmap, ICS leader, QKK (ICS scope)", app, own, icsLeader,
                () -> appRepository.approvedScoresOfIcs(seLondon, CYCLE),
                () -> ownerRepository.approvedScoresOfIcs(seLondon, CYCLE), RowLevelSecurityBenchmark::cells);
        var nationalHeatmap = compare(volume, "heatmap, national admin, " + largestIcsCode + " (42-ICS scope)",
                app, own, nationalAdmin,
                () -> appRepository.approvedScoresOfIcs(largestIcs, CYCLE),
                () -> ownerRepository.approvedScoresOfIcs(largestIcs, CYCLE), RowLevelSecurityBenchmark::cells);
        var all = java.util.EnumSet.allOf(Median.Grouping.class);
        var medians = compare(volume, "medians, every group (security definer)", app, own, icsLeader,
                () -> sorted(appRepository.medians(CYCLE, frameworkId, Footprint.AS_PUBLISHED, all, null)),
                // The function is security definer (no row level security inside) and answers a scope only.
                () -> {
                    uk.nhs.strategycheck.TestDatabase.enterScope(own, icsLeader);
                    return sorted(ownerRepository.medians(CYCLE, frameworkId, Footprint.AS_PUBLISHED, all, null));
                }, List::size);
        // What a trust's profile asks for: its ICS's, England's and its peer group's.
        var profile = java.util.EnumSet.of(Median.Grouping.ICS, Median.Grouping.NATIONAL, Median.Grouping.PEER);
        var profileMedians = compare(volume, "medians, one trust's profile (ICS, England, peers)", app, own, icsLeader,
                () -> sorted(appRepository.medians(CYCLE, frameworkId, Footprint.AS_PUBLISHED, profile, List.of(seLondon))),
                () -> {
                    uk.nhs.strategycheck.TestDatabase.enterScope(own, icsLeader);
                    return sorted(ownerRepository.medians(CYCLE, frameworkId, Footprint.AS_PUBLISHED, profile,
                            List.of(seLondon)));
                }, List::size);
        // The trusts whose rows are in QKK's partitions today with an approved assessment in the cycle
        // (Oxleas moved to Kent and Medway in April 2026, with its rows), by seven characteristics.
        assertThat(cells(leaderHeatmap)).as("QKK's trusts by seven characteristics").isEqualTo(7 * owner.queryForObject("""
                select count(distinct a.trust_id) from assessment a join assessment_cycle c on c.id = a.cycle_id
                 where a.ics_id = ? and c.name = ? and a.status = 'APPROVED'""", Integer.class, seLondon, CYCLE));
        assertThat(nationalHeatmap).isNotEmpty();
        assertThat(medians).isNotEmpty();
        assertThat(profileMedians).isNotEmpty();
        return List.of(leaderHeatmap, nationalHeatmap, medians, profileMedians);
    }

    /**
     * As the owner: 18 more cycles in every region (2007/08 to 2024/25; 20 with the demo's
     * two) and an approved assessment of every trust in each, all 28 statements scored.
     */
    private void growToTenTimesTheDemoVolume() {
        long started = System.nanoTime();
        owner.update("""
                insert into assessment_cycle (region_id, framework_id, name, opens_on, closes_on)
                select r.id, f.id, y || '/' || lpad(((y + 1) % 100)::text, 2, '0'),
                       make_date(y, 10, 1), make_date(y + 1, 3, 31)
                  from region r cross join framework f cross join generate_series(?, ?) y
                 where f.version = 1
                 order by r.ods_code, y""", FIRST_YEAR, LAST_YEAR);
        // Approved from the start: the frozen-answer trigger guards updates, not inserts.
        owner.update("""
                insert into assessment (ics_id, trust_id, cycle_id, framework_id, status, created_at, updated_at)
                select t.ics_id, t.id, c.id, c.framework_id, 'APPROVED', c.opens_on, c.closes_on
                  from trust t join ics i on i.id = t.ics_id
                  join assessment_cycle c on c.region_id = i.region_id
                 where c.name = any (?)
                 order by t.ics_id, c.opens_on, t.id""", (Object) generatedCycles);
        owner.update("""
                insert into answer (ics_id, trust_id, assessment_id, statement_id, score, evidence, updated_at)
                select a.ics_id, a.trust_id, a.id, s.id, 1 + mod(abs(hashtext(a.id || ':' || s.id)), 5),
                       'Benchmark evidence', a.updated_at
                  from assessment a
                  join assessment_cycle c on c.id = a.cycle_id
                  join characteristic ch on ch.framework_id = a.framework_id
                  join statement s on s.characteristic_id = ch.id
                 where c.name = any (?)
                 order by a.ics_id, a.id, s.id""", (Object) generatedCycles);
        // Fresh statistics, as autovacuum would give them soon after.
        owner.execute("analyze assessment_cycle, assessment, answer, characteristic_score");
        print("10x demo volume (generated in %.1f s)".formatted((System.nanoTime() - started) / 1e9), counts());
    }

    private static int cells(Map<Long, Map<Long, BigDecimal>> heatmap) {
        return heatmap.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * Runs the query WARM_UP + ITERATIONS times as the application role in the scope (each in
     * a transaction of its own, as the application does) and as the owner, alternately, and
     * adds a line to the table. Only the query is timed, not entering the scope.
     */
    private <T> T compare(String volume, String name, Connection app, Connection own, long[] scope,
                          Callable<T> withRls, Callable<T> withoutRls, java.util.function.ToIntFunction<T> rows)
            throws Exception {
        T on = inScope(app, scope, withRls);
        T off = inTransaction(own, withoutRls);
        assertThat(on).as("%s: the same rows with row level security as without", name).isEqualTo(off);

        var rlsOn = new double[ITERATIONS];
        var rlsOff = new double[ITERATIONS];
        for (int i = 0; i < WARM_UP + ITERATIONS; i++) {
            // Alternate which goes first, so neither always follows the other.
            double a;
            double b;
            if (i % 2 == 0) {
                a = timedInScope(app, scope, withRls);
                b = timedInTransaction(own, withoutRls);
            } else {
                b = timedInTransaction(own, withoutRls);
                a = timedInScope(app, scope, withRls);
            }
            if (i >= WARM_UP) {
                rlsOn[i - WARM_UP] = a;
                rlsOff[i - WARM_UP] = b;
            }
        }
        row(volume, name, rows.applyAsInt(on), rlsOn, rlsOff);
        return on;
    }

    /** What entering a scope costs each transaction, on top of the query. */
    private void scopeCost(Connection app) throws SQLException {
        var leader = new double[ITERATIONS];
        var national = new double[ITERATIONS];
        for (int i = 0; i < WARM_UP + ITERATIONS; i++) {
            double a = timedEnterScope(app, icsLeader);
            double b = timedEnterScope(app, nationalAdmin);
            if (i >= WARM_UP) {
                leader[i - WARM_UP] = a;
                national[i - WARM_UP] = b;
            }
        }
        table.add("%-6s %-50s %5s %8s %8s".formatted("10x", "enter_scope alone, ICS leader (per transaction)", "",
                ms(percentile(leader, 50)), ms(percentile(leader, 95))));
        table.add("%-6s %-50s %5s %8s %8s".formatted("10x", "enter_scope alone, national admin", "",
                ms(percentile(national, 50)), ms(percentile(national, 95))));
    }

    private double timedEnterScope(Connection app, long[] scope) throws SQLException {
        long start = System.nanoTime();
        enterScope(app, scope);
        double elapsed = (System.nanoTime() - start) / 1e6;
        app.commit();
        return elapsed;
    }

    private <T> double timedInScope(Connection app, long[] scope, Callable<T> query) throws Exception {
        try {
            enterScope(app, scope);
            long start = System.nanoTime();
            query.call();
            return (System.nanoTime() - start) / 1e6;
        } finally {
            app.commit();
        }
    }

    private <T> double timedInTransaction(Connection connection, Callable<T> query) throws Exception {
        try {
            long start = System.nanoTime();
            query.call();
            return (System.nanoTime() - start) / 1e6;
        } finally {
            connection.commit();
        }
    }

    private <T> T inScope(Connection app, long[] scope, Callable<T> query) throws Exception {
        try {
            enterScope(app, scope);
            return query.call();
        } finally {
            app.commit();
        }
    }

    private <T> T inTransaction(Connection connection, Callable<T> query) throws Exception {
        try {
            return query.call();
        } finally {
            connection.commit();
        }
    }

    private static void enterScope(Connection app, long[] scope) throws SQLException {
        if (TestDatabase.enterScope(app, scope) == null) {
            throw new IllegalStateException("no such scope: " + Arrays.toString(scope));
        }
    }

    /**
     * Whether the server ran the heatmap with a generic or custom plans: pgjdbc prepares a
     * statement on the server from its fifth use, as it does in the application.
     */
    private void planCounts(Connection connection, String role) throws SQLException {
        try (var statement = connection.createStatement();
             var plans = statement.executeQuery("""
                     select generic_plans, custom_plans, left(regexp_replace(statement, '\\s+', ' ', 'g'), 70)
                       from pg_prepared_statements order by statement""")) {
            while (plans.next()) {
                System.out.printf("Server-side prepared as %s: %d generic, %d custom plans: %s...%n", role,
                        plans.getLong(1), plans.getLong(2), plans.getString(3));
            }
        }
        connection.commit();
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of exactly the SQL jOOQ renders for the heatmap, as the ICS
     * leader: once planned for its parameter values (a custom plan, what the first runs of a
     * statement get) and once as a generic plan (what a prepared statement may settle on).
     */
    private void explainHeatmap(Connection app) throws Exception {
        var rendered = new AtomicReference<Query>();
        var capturing = DSL.using(new DefaultConfiguration().set(app).set(SQLDialect.POSTGRES)
                .set(new CallbackExecuteListener().onRenderEnd(ctx -> rendered.compareAndSet(null, ctx.query()))));
        inScope(app, icsLeader, () -> new BenchmarkRepository(capturing).approvedScoresOfIcs(seLondon, CYCLE));
        Query query = rendered.get();
        String sql = DSL.using(SQLDialect.POSTGRES).render(query);
        // PREPARE wants $1, $2...; the heatmap's SQL has no question mark but its bind markers.
        var prepared = new StringBuilder();
        int marker = 0;
        for (char c : sql.toCharArray()) {
            prepared.append(c == '?' ? "$" + ++marker : String.valueOf(c));
        }
        var values = query.getBindValues();
        var arguments = new ArrayList<String>();
        for (Object value : values) {
            arguments.add(DSL.using(SQLDialect.POSTGRES).renderInlined(DSL.inline(value)));
        }
        System.out.println();
        System.out.println("Heatmap SQL as jOOQ renders it: " + sql);
        System.out.println("Bind values: " + values);
        try (var statement = app.createStatement()) {
            enterScope(app, icsLeader);
            statement.execute("prepare heatmap as " + prepared);
            for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                statement.execute("set local plan_cache_mode = " + mode);
                System.out.printf("%nEXPLAIN (ANALYZE, BUFFERS), RLS on, ICS leader, %s:%n", mode);
                var plan = new ArrayList<String>();
                try (var lines = statement.executeQuery(
                        "explain (analyze, buffers) execute heatmap(" + String.join(", ", arguments) + ")")) {
                    while (lines.next()) {
                        plan.add(lines.getString(1));
                    }
                }
                plan.forEach(System.out::println);
                var scanned = plan.stream().map(PARTITION::matcher).filter(java.util.regex.Matcher::find)
                        .map(m -> m.group(1)).distinct().toList();
                var removed = plan.stream().filter(l -> l.contains("Subplans Removed")).map(String::strip).toList();
                System.out.printf("Partitions scanned: %s; %s%n", scanned,
                        removed.isEmpty() ? "pruned at planning (no Append left)" : "pruned at run time: " + removed);
            }
            statement.execute("deallocate heatmap");
        } finally {
            app.rollback();
        }
    }

    private static List<Median> sorted(List<Median> medians) {
        return medians.stream().sorted(Comparator.comparing((Median m) -> m.grouping().name())
                .thenComparing(m -> m.groupId() == null ? -1 : m.groupId())
                .thenComparing(m -> m.trustType() == null ? "" : m.trustType())
                .thenComparing(Median::characteristicId)).toList();
    }

    private void row(String volume, String name, int rows, double[] on, double[] off) {
        double onP50 = percentile(on, 50);
        double onP95 = percentile(on, 95);
        double offP50 = percentile(off, 50);
        double offP95 = percentile(off, 95);
        table.add("%-6s %-50s %5d %8s %8s %9s %9s %9s %9s".formatted(volume, name, rows, ms(onP50), ms(onP95),
                ms(offP50), ms(offP95), "%.2f".formatted(onP50 / offP50), "%.2f".formatted(onP95 / offP95)));
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private long[] assignment(String email) {
        var row = owner.queryForMap("select u.id as user_id, ra.id as assignment_id from app_user u "
                + "join role_assignment ra on ra.user_id = u.id where u.email = ?", email);
        return new long[] {(Long) row.get("user_id"), (Long) row.get("assignment_id")};
    }

    private Map<String, Object> counts() {
        return owner.queryForMap("""
                select (select count(*) from assessment_cycle) as cycles,
                       (select count(*) from assessment) as assessments,
                       (select count(*) from assessment where status = 'APPROVED') as approved,
                       (select count(*) from answer) as answers""");
    }

    private static void print(String what, Map<String, Object> counts) {
        System.out.printf("%s: %s cycles, %s assessments (%s approved), %s answers%n", what, counts.get("cycles"),
                counts.get("assessments"), counts.get("approved"), counts.get("answers"));
    }

    /** Removes the generated cycles and everything in them; approved answers are reopened first to let them go. */
    private void removeGenerated() {
        owner.update("update assessment set status = 'DRAFT' where status <> 'DRAFT' and cycle_id in "
                + "(select id from assessment_cycle where name = any (?))", (Object) generatedCycles);
        owner.update("delete from assessment where cycle_id in (select id from assessment_cycle where name = any (?))",
                (Object) generatedCycles);
        owner.update("delete from assessment_cycle where name = any (?)", (Object) generatedCycles);
        owner.execute("analyze assessment_cycle, assessment, answer, characteristic_score");
    }
}
