package uk.nhs.strategycheck.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.nhs.strategycheck.ReplicaTest;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.TestReplica;
import uk.nhs.strategycheck.assessment.AnswerDraft;
import uk.nhs.strategycheck.assessment.AssessmentService;
import uk.nhs.strategycheck.benchmark.BenchmarkService;

/**
 * Read-only transactions on a real streaming replica, everything else on the primary, with the
 * same row level security and scope on both; reads fall back to the primary when the replica is
 * away, and a user's reads wait for the replica to have their own latest write.
 */
@ReplicaTest
class ReadRoutingTest {

    private static final String ICS_LEADER = "ics.leader@demo.example";
    private static final String TRUST_VIEWER = "viewer@demo.example";
    private static final String EDITOR = "rj2.editor@test.example";
    private static final String VIEWER = "rj2.viewer@test.example";

    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    BenchmarkService benchmarks;
    @Autowired
    AssessmentService assessments;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;
    @Autowired
    MeterRegistry meters;

    private JdbcTemplate jdbc;

    @BeforeEach
    void replicaCaughtUp() throws Exception {
        jdbc = new JdbcTemplate(dataSource);
        TestReplica.awaitReplayed();
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void readOnlyWorkRunsOnTheReplicaAndSeesWhatThePrimaryShowsTheSameScope() throws Exception {
        for (var user : List.of(ICS_LEADER, TRUST_VIEWER)) {
            signIn.as(user);
            readOnly(() -> 0); // a token new to the router is read on the primary once
            TestReplica.awaitReplayed();

            var onReplica = readOnly(this::assessmentsInScope);
            var onPrimary = readWrite(this::assessmentsInScope);

            assertThat(onReplica.get("in_recovery")).as(user + ", read-only").isEqualTo(true);
            assertThat(onPrimary.get("in_recovery")).as(user + ", read-write").isEqualTo(false);
            assertThat((Long) onReplica.get("assessments")).as(user).isPositive();
            assertThat(onReplica).as(user + ": the same rows").containsEntry("assessments", onPrimary.get("assessments"))
                    .containsEntry("trusts", onPrimary.get("trusts"));
        }

        signIn.as(ICS_LEADER);
        readOnly(() -> 0);
        TestReplica.awaitReplayed();
        double before = reads("replica", "read_only");
        var heatmapOnReplica = benchmarks.heatmap(Optional.of("2025/26")).orElseThrow();
        assertThat(reads("replica", "read_only")).as("the heatmap was read on the replica").isEqualTo(before + 1);
        var heatmapOnPrimary = readWrite(() -> benchmarks.heatmap(Optional.of("2025/26")).orElseThrow());
        assertThat(heatmapOnReplica.trusts()).isNotEmpty();
        assertThat(heatmapOnReplica).isEqualTo(heatmapOnPrimary);
    }

    @Test
    void aWriteNeverReachesTheReplica() throws Exception {
        database.trustUser(EDITOR, "Erin Editor", "TRUST_EDITOR", "RJ2");
        database.removeAssessments("RJ2");
        signIn.as(EDITOR);
        double replicaReads = reads("replica", "read_only");

        var page = assessments.open().orElseThrow();
        var first = page.answers().get(page.framework().characteristics().get(0).statements().get(0).id());
        assessments.saveAnswer(page.assessmentId(), first.statementId(), new AnswerDraft(4, "Written on the primary", List.of()),
                first.version());
        var writing = readWrite(() -> jdbc.queryForObject("select pg_is_in_recovery()", Boolean.class));

        assertThat(writing).isFalse();
        assertThat(reads("replica", "read_only")).as("no read-write transaction went to the replica").isEqualTo(replicaReads);
        assertThat(database.owner().queryForObject("select score from answer where assessment_id = ? and statement_id = ?",
                Integer.class, page.assessmentId(), first.statementId())).isEqualTo(4);
    }

    @Test
    void rowLevelSecurityAppliesOnTheReplica() throws Exception {
        signIn.as(TRUST_VIEWER);
        readOnly(() -> 0);
        TestReplica.awaitReplayed();
        long rj1 = database.owner().queryForObject("select id from trust where ods_code = 'RJ1'", Long.class);

        var trustsSeen = onTheReplica(() -> Map.of(
                "in_recovery", jdbc.queryForObject("select pg_is_in_recovery()", Boolean.class),
                "trusts", jdbc.queryForList("select distinct trust_id from assessment", Long.class)));
        assertThat(trustsSeen.get("in_recovery")).isEqualTo(true);
        assertThat(trustsSeen.get("trusts")).as("a trust sees its own rows only").isEqualTo(List.of(rj1));

        signIn.out();
        var unscoped = onTheReplica(this::assessmentsInScope);
        assertThat(unscoped.get("in_recovery")).isEqualTo(true);
        assertThat(unscoped.get("assessments")).as("no scope, no rows").isEqualTo(0L);
        assertThat(database.owner().queryForObject("select count(*) from assessment", Long.class)).isPositive();
    }

    @Test
    void readsFallBackToThePrimaryWhileTheReplicaIsAwayAndReturnToItAfter() throws Exception {
        signIn.as(ICS_LEADER);
        readOnly(() -> 0);
        TestReplica.awaitReplayed();
        assertThat(readOnly(this::assessmentsInScope).get("in_recovery")).isEqualTo(true);
        double fellBack = reads("primary", "replica_down");

        TestReplica.proxy().stop();
        try {
            var started = Instant.now();
            var firstWithoutReplica = readOnly(this::assessmentsInScope);
            var waited = Duration.between(started, Instant.now());
            double replicaTimeoutsAfterFirst = replicaTimeouts();
            started = Instant.now();
            var nextWithoutReplica = readOnly(this::assessmentsInScope);
            var waitedNext = Duration.between(started, Instant.now());
            double replicaTimeoutsAfterNext = replicaTimeouts();

            assertThat(firstWithoutReplica.get("in_recovery")).as("read on the primary").isEqualTo(false);
            assertThat((Long) firstWithoutReplica.get("assessments")).isPositive();
            assertThat(waited).as("the first read waits for the replica's connection timeout at most").isLessThan(Duration.ofSeconds(4));
            assertThat(nextWithoutReplica.get("in_recovery")).isEqualTo(false);
            // Not asked again: no further wait for a replica connection, and well under the 1.5 s such a wait takes.
            assertThat(replicaTimeoutsAfterNext).as("the next read does not wait for the replica again")
                    .isEqualTo(replicaTimeoutsAfterFirst);
            assertThat(waitedNext).as("the next read does not wait for the replica's timeout").isLessThan(Duration.ofMillis(1000));
            assertThat(reads("primary", "replica_down")).isEqualTo(fellBack + 2);
        } finally {
            TestReplica.proxy().start();
        }

        var deadline = Instant.now().plusSeconds(25);
        boolean onReplica = false;
        while (!onReplica && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            onReplica = Boolean.TRUE.equals(readOnly(() -> jdbc.queryForObject("select pg_is_in_recovery()", Boolean.class)));
        }
        assertThat(onReplica).as("back on the replica within 25 s of its return").isTrue();
    }

    @Test
    void aUserReadsTheirOwnWriteFromThePrimaryWhileTheReplicaLagsAndOthersStayOnTheReplica() throws Exception {
        database.trustUser(EDITOR, "Erin Editor", "TRUST_EDITOR", "RJ2");
        database.trustUser(VIEWER, "Vic Viewer", "TRUST_VIEWER", "RJ2");
        database.removeAssessments("RJ2");
        var viewer = signedInAndKnown(VIEWER);
        var editor = signedInAndKnown(EDITOR);
        var page = assessments.open().orElseThrow();
        var first = page.answers().get(page.framework().characteristics().get(0).statements().get(0).id());
        TestReplica.awaitReplayed();
        Supplier<Map<String, Object>> firstAnswer = () -> jdbc.queryForMap("""
                select pg_is_in_recovery() as in_recovery,
                       (select count(*) from answer where assessment_id = ?) as answers,
                       (select score from answer where assessment_id = ? and statement_id = ?) as score""",
                page.assessmentId(), page.assessmentId(), first.statementId());
        double ownWrites = reads("primary", "own_write");

        try (var replica = TestReplica.replicaAsSuperuser()) {
            replica.createStatement().execute("select pg_wal_replay_pause()");
            try {
                assessments.saveAnswer(page.assessmentId(), first.statementId(), new AnswerDraft(5, "Just saved", List.of()),
                        first.version());

                var editorsRead = readOnly(firstAnswer);
                actAs(viewer);
                var viewersRead = readOnly(firstAnswer);

                assertThat(editorsRead).as("the editor's own write, from the primary")
                        .containsEntry("in_recovery", false).containsEntry("score", 5);
                assertThat(reads("primary", "own_write")).isEqualTo(ownWrites + 1);
                assertThat(viewersRead).as("another user stays on the lagging replica")
                        .containsEntry("in_recovery", true).containsEntry("answers", 28L).containsEntry("score", null);
            } finally {
                replica.createStatement().execute("select pg_wal_replay_resume()");
            }
        }
        TestReplica.awaitReplayed();
        actAs(editor);
        assertThat(readOnly(firstAnswer)).as("once replayed, the editor reads from the replica again")
                .containsEntry("in_recovery", true).containsEntry("score", 5);
    }

    @Test
    void aReadOnlyTransactionCannotWrite() {
        signIn.as(ICS_LEADER);
        assertThatThrownBy(() -> readOnly(() -> jdbc.update("update ics set name = name where false")))
                .hasMessageContaining("read-only transaction");
    }

    /** Signs the user in and lets the replica catch up with the token sign-in issued, as a user a moment later would. */
    private Authentication signedInAndKnown(String email) throws Exception {
        var authentication = signIn.as(email);
        readOnly(() -> 0);
        return authentication;
    }

    private static void actAs(Authentication authentication) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }

    private Map<String, Object> assessmentsInScope() {
        return jdbc.queryForMap("""
                select pg_is_in_recovery() as in_recovery, count(*) as assessments, count(distinct trust_id) as trusts
                  from assessment""");
    }

    /** Connection requests to the replica's pool that gave up waiting (HikariCP's own count). */
    private double replicaTimeouts() {
        return meters.get("hikaricp.connections.timeout").tag("pool", "replica").counter().count();
    }

    private double reads(String target, String reason) {
        return meters.counter("dsc.reads", "target", target, "reason", reason).count();
    }

    private <T> T readOnly(Supplier<T> work) {
        var template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        return template.execute(status -> work.get());
    }

    /**
     * A read-only transaction that ran on the replica, trying again for a few seconds: on a busy
     * machine the replica may miss its 1.5 s to give a connection, and the read rightly goes to the
     * primary instead. A router that never uses the replica still fails here.
     */
    private Map<String, Object> onTheReplica(Supplier<Map<String, Object>> work) throws InterruptedException {
        var until = Instant.now().plusSeconds(20);
        var result = readOnly(work);
        while (!Boolean.TRUE.equals(result.get("in_recovery")) && Instant.now().isBefore(until)) {
            Thread.sleep(500);
            result = readOnly(work);
        }
        return result;
    }

    private <T> T readWrite(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }
}
