package uk.nhs.strategycheck.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.TestDatabase;

/**
 * Generated assessments, approved every way the service and its data arrive at it, sometimes
 * reopened afterwards: the characteristic scores the database wrote at approval (migration 044)
 * are exactly those worked out here from the generated answers (the mean of the scored statements,
 * one decimal), an assessment that is not approved has none, and across the whole database the
 * scores table equals the scores recomputed from the answers of every approved assessment.
 */
class CharacteristicScoresPropertyTest {

    private static final String CYCLE = "2041/42";

    /** How the assessment comes to be approved. */
    enum Approval {
        /** Inserted as approved, its answers after (the demo data, imports). */
        SEEDED,
        /** Submitted, then its status changed to approved (as the owner). */
        STATUS_CHANGED,
        /** Approved by the trust's approver through tenancy.move_assessment, as the application does. */
        WORKFLOW
    }

    record Statement(long id, long characteristicId) {
    }

    private static TestDatabase database;
    private static JdbcTemplate owner;
    private static List<Statement> statements;
    private static long[] approver;

    @IntegrationTest
    static class Context {
    }

    @BeforeContainer
    static void connect() throws Exception {
        var contexts = new TestContextManager(Context.class);
        database = contexts.getTestContext().getApplicationContext().getBean(TestDatabase.class);
        owner = database.owner();
        removeCycle();
        owner.update("""
                insert into assessment_cycle (region_id, framework_id, name, opens_on, closes_on)
                select r.id, f.id, ?, date '2041-10-01', date '2042-03-31' from region r, framework f where f.version = 1""",
                CYCLE);
        statements = owner.query("""
                select s.id, s.characteristic_id from statement s join characteristic c on c.id = s.characteristic_id
                  join framework f on f.id = c.framework_id where f.version = 1 order by c.position, s.position""",
                (rs, row) -> new Statement(rs.getLong(1), rs.getLong(2)));
        approver = owner.queryForObject("""
                select u.id, ra.id from app_user u join role_assignment ra on ra.user_id = u.id
                 where u.email = 'approver@demo.example' and ra.role = 'TRUST_APPROVER'""",
                (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)});
    }

    @AfterContainer
    static void removeCycle() {
        owner.update("update assessment set status = 'DRAFT' where cycle_name = ?", CYCLE);
        owner.update("delete from assessment where cycle_name = ?", CYCLE);
        owner.update("delete from assessment_cycle where name = ?", CYCLE);
    }

    @Provide
    Arbitrary<List<Integer>> answers() {
        // Now and then a statement left unscored: it counts for nothing, as before.
        return Arbitraries.integers().between(1, 5).injectNull(0.1).list().ofSize(28);
    }

    @Provide
    Arbitrary<String> trusts() {
        return Arbitraries.of("RJ1", "RJZ", "RAX", "R0A", "RVR");
    }

    // Each try approves and checks a whole assessment in PostgreSQL (about a second): enough tries to
    // meet every approval route and reopening many times, within the CI run's time.
    @Property(tries = 25)
    void theScoresWrittenAtApprovalAreThoseOfTheAnswers(@ForAll("trusts") String trust, @ForAll Approval approval,
                                                        @ForAll("answers") List<Integer> scores,
                                                        @ForAll boolean reopened) throws Exception {
        // Only RJ1 has a demo approver to go through the workflow.
        String code = approval == Approval.WORKFLOW ? "RJ1" : trust;
        removeAssessment(code);
        long assessment = owner.queryForObject("""
                insert into assessment (ics_id, trust_id, cycle_id, framework_id, status)
                select t.ics_id, t.id, c.id, c.framework_id, ?
                  from trust t join ics i on i.id = t.ics_id join assessment_cycle c on c.region_id = i.region_id and c.name = ?
                 where t.ods_code = ? returning id""", Long.class,
                approval == Approval.SEEDED ? "APPROVED" : "SUBMITTED", CYCLE, code);
        for (int i = 0; i < statements.size(); i++) {
            owner.update("""
                    insert into answer (ics_id, trust_id, assessment_id, statement_id, score)
                    select ics_id, trust_id, id, ?, ? from assessment where id = ?""",
                    statements.get(i).id(), scores.get(i), assessment);
        }
        switch (approval) {
            case SEEDED -> { }
            case STATUS_CHANGED -> owner.update("update assessment set status = 'APPROVED' where id = ?", assessment);
            case WORKFLOW -> {
                try (var app = database.asApplication()) {
                    app.setAutoCommit(false);
                    TestDatabase.enterScope(app, approver);
                    int version = (int) TestDatabase.count(app, "select version from assessment where id = " + assessment);
                    assertThat(TestDatabase.count(app, "select tenancy.move_assessment(%d, 'APPROVED', %d)"
                            .formatted(assessment, version))).isEqualTo(version + 1);
                    app.commit();
                }
            }
        }
        if (reopened) {
            owner.update("update assessment set status = 'RETURNED' where id = ?", assessment);
        }

        var written = new HashMap<Long, BigDecimal>();
        owner.query("select characteristic_id, score from characteristic_score where assessment_id = ?",
                rs -> {
                    written.put(rs.getLong(1), rs.getBigDecimal(2));
                }, assessment);
        assertThat(written).as("%s approved %s%s", code, approval, reopened ? ", then reopened" : "")
                .isEqualTo(reopened ? Map.of() : expected(scores));
        assertThat(owner.queryForObject("""
                with recomputed as (
                  select a.ics_id, a.trust_id, a.id, a.cycle_id, a.cycle_name, a.framework_id, s.characteristic_id,
                         round(avg(n.score)::numeric, 1) as score
                    from assessment a
                    join answer n on n.ics_id = a.ics_id and n.assessment_id = a.id
                    join statement s on s.id = n.statement_id
                   where a.status = 'APPROVED' and n.score is not null
                   group by a.ics_id, a.trust_id, a.id, a.cycle_id, a.cycle_name, a.framework_id, s.characteristic_id
                ), stored as (
                  select ics_id, trust_id, assessment_id, cycle_id, cycle_name, framework_id, characteristic_id, score
                    from characteristic_score)
                select (select count(*) from (select * from recomputed except select * from stored) missing)
                     + (select count(*) from (select * from stored except select * from recomputed) extra)""", Long.class))
                .as("rows of the scores table that differ from the answers, across the database").isZero();
    }

    /** The mean of each characteristic's scored statements to one decimal, worked out here. */
    private static Map<Long, BigDecimal> expected(List<Integer> scores) {
        var sums = new HashMap<Long, int[]>();
        for (int i = 0; i < statements.size(); i++) {
            if (scores.get(i) != null) {
                var sum = sums.computeIfAbsent(statements.get(i).characteristicId(), id -> new int[2]);
                sum[0] += scores.get(i);
                sum[1]++;
            }
        }
        var means = new HashMap<Long, BigDecimal>();
        sums.forEach((characteristic, sum) -> means.put(characteristic,
                BigDecimal.valueOf(sum[0]).divide(BigDecimal.valueOf(sum[1]), 1, RoundingMode.HALF_UP)));
        return means;
    }

    private static void removeAssessment(String code) {
        owner.update("""
                update assessment set status = 'DRAFT'
                 where cycle_name = ? and trust_id = (select id from trust where ods_code = ?)""", CYCLE, code);
        owner.update("delete from assessment where cycle_name = ? and trust_id = (select id from trust where ods_code = ?)",
                CYCLE, code);
    }
}
