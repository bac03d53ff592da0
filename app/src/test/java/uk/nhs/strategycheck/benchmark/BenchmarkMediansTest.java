package uk.nhs.strategycheck.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
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
import uk.nhs.strategycheck.reporting.MedianFigure;

/**
 * Medians computed in PostgreSQL equal a hand-worked example. A cycle of its own, 2031/32,
 * holds eight assessments: seven approved, one draft and one submitted (neither counts).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchmarkMediansTest {

    private static final String CYCLE = "2031/32";

    @Autowired
    BenchmarkRepository benchmarks;
    @Autowired
    BenchmarkService service;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private JdbcTemplate owner;
    private long framework;

    @BeforeAll
    void writeFixture() throws SQLException {
        owner = database.owner();
        framework = owner.queryForObject("select id from framework where version = 1", Long.class);
        owner.update("""
                insert into assessment_cycle (region_id, framework_id, name, opens_on, closes_on)
                select id, ?, ?, date '2031-10-01', date '2032-03-31' from region where ods_code in ('Y56', 'Y58', 'Y62')""",
                framework, CYCLE);
        // Every statement gets the trust's score, except King's leadership: 2, 2, 3, 3 (mean 2.5).
        assessment("RJZ", "APPROVED", 4, List.of(2, 2, 3, 3));
        assessment("RRU", "APPROVED", 2, null);
        assessment("RAX", "APPROVED", 3, null);
        assessment("RJ6", "APPROVED", 5, null);
        assessment("RJ7", "APPROVED", 1, null);
        assessment("RQY", "APPROVED", 4, null);
        assessment("R0A", "APPROVED", 3, null);
        assessment("RVR", "DRAFT", 5, null);
        assessment("R0D", "SUBMITTED", 5, null);
    }

    private void assessment(String trust, String status, int score, List<Integer> leadership) {
        owner.update("""
                insert into assessment (ics_id, trust_id, cycle_id, framework_id, status)
                select t.ics_id, t.id, c.id, c.framework_id, ?
                  from trust t join ics i on i.id = t.ics_id
                  join assessment_cycle c on c.region_id = i.region_id and c.name = ?
                 where t.ods_code = ?""", status, CYCLE, trust);
        owner.update("""
                insert into answer (ics_id, trust_id, assessment_id, statement_id, score)
                select a.ics_id, a.trust_id, a.id, s.id,
                       case when ch.code = 'LEADERSHIP' and ?::int[] is not null then (?::int[])[s.position] else ? end
                  from assessment a join trust t on t.id = a.trust_id
                  join assessment_cycle c on c.id = a.cycle_id and c.name = ?
                  cross join statement s join characteristic ch on ch.id = s.characteristic_id
                 where t.ods_code = ?""",
                leadership == null ? null : leadership.toArray(Integer[]::new),
                leadership == null ? null : leadership.toArray(Integer[]::new), score, CYCLE, trust);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @AfterAll
    void removeFixture() {
        owner.update("update assessment set status = 'DRAFT' where cycle_id in (select id from assessment_cycle where name = ?)", CYCLE);
        owner.update("delete from assessment where cycle_id in (select id from assessment_cycle where name = ?)", CYCLE);
        owner.update("delete from assessment_cycle where name = ?", CYCLE);
    }

    @Test
    void nationalMedianOfAnOddNumberOfTrustsIsTheMiddleScore() {
        // Context: 4, 2, 3, 5, 1, 4, 3 -> 1 2 3 [3] 4 4 5. Leadership: 2.5, 2, 3, 5, 1, 4, 3 -> 1 2 2.5 [3] 3 4 5.
        assertThat(median(Median.Grouping.NATIONAL, null, null, "CONTEXT")).isEqualTo(new Median(
                Median.Grouping.NATIONAL, null, null, characteristic("CONTEXT"), new BigDecimal("3"), 7));
        assertThat(median(Median.Grouping.NATIONAL, null, null, "LEADERSHIP").value()).isEqualByComparingTo("3");
    }

    @Test
    void regionAndIcsMediansOfAnEvenNumberOfTrustsAreTheMeanOfTheMiddleTwo() {
        long london = id("select id from region where ods_code = 'Y56'");
        // London, six approved: context 1 2 [3 4] 4 5 -> 3.5; leadership 1 2 [2.5 3] 4 5 -> 2.75.
        assertThat(median(Median.Grouping.REGION, london, null, "CONTEXT").value()).isEqualByComparingTo("3.5");
        assertThat(median(Median.Grouping.REGION, london, null, "LEADERSHIP").value()).isEqualByComparingTo("2.75");
        assertThat(median(Median.Grouping.REGION, london, null, "LEADERSHIP").trusts()).isEqualTo(6);
        // South West London, four approved (the draft left out): 1 [3 4] 5 -> 3.5.
        long swLondon = id("select id from ics where ods_code = 'QWE'");
        assertThat(median(Median.Grouping.ICS, swLondon, null, "BASICS")).isEqualTo(new Median(
                Median.Grouping.ICS, swLondon, null, characteristic("BASICS"), new BigDecimal("3.5"), 4));
    }

    @Test
    void peerMedianIsTakenOverTrustsOfTheSameTypeNationally() {
        // Acute, approved: King's, Kingston and Richmond, Croydon, St George's, Manchester; the submitted
        // Dorset and the draft Epsom and St Helier are left out. Leadership 1 2.5 [3] 3 5.
        var acute = median(Median.Grouping.PEER, null, "acute", "LEADERSHIP");
        assertThat(acute.value()).isEqualByComparingTo("3");
        assertThat(acute.trusts()).isEqualTo(5);
        assertThat(median(Median.Grouping.PEER, null, "ambulance", "CULTURE").value()).isEqualByComparingTo("2");
    }

    @Test
    void aTrustSeesItsScoresBesideMediansAndAnIcsMedianOfTwoTrustsIsWithheld() {
        signIn.as("multi.viewer@demo.example"); // acting as a viewer of King's College Hospital (RJZ)

        var profile = service.ownProfile(Optional.of(CYCLE)).orElseThrow();

        assertThat(profile.trust().name()).isEqualTo("King's College Hospital NHS Foundation Trust");
        assertThat(profile.approved()).isTrue();
        var leadership = profile.rows().get(0);
        assertThat(leadership.characteristic().title()).isEqualTo("1. Led by the executive, framed as outcomes");
        assertThat(leadership.score()).contains(new BigDecimal("2.5"));
        assertThat(leadership.ics()).as("South East London has two approved trusts only").isEqualTo(MedianFigure.NONE);
        assertThat(leadership.national()).isEqualTo(new MedianFigure(new BigDecimal("3.0"), 7));
        assertThat(leadership.peer()).isEqualTo(new MedianFigure(new BigDecimal("3.0"), 5));
        assertThat(profile.anonymised()).isTrue();
    }

    @Test
    void anIcsMedianOfOneTrustTypeIsTakenOverThatIcssTrustsOfTheType() {
        long swLondon = id("select id from ics where ods_code = 'QWE'");
        // South West London's approved acute trusts: Kingston and Richmond 3, Croydon 5, St George's 1 -> 1 [3] 5.
        var acute = median(Median.Grouping.ICS_PEER, swLondon, "acute", "BASICS");
        assertThat(acute.value()).isEqualByComparingTo("3");
        assertThat(acute.trusts()).isEqualTo(3);
        // Its one approved mental health trust: a median of one, for those who may read its scores only.
        assertThat(median(Median.Grouping.ICS_PEER, swLondon, "mental health", "BASICS").trusts()).isEqualTo(1);
        signIn.as("multi.viewer@demo.example");
        assertThat(medians()).as("a trust gets no ICS median of one type over fewer than three")
                .noneMatch(m -> m.grouping() == Median.Grouping.ICS_PEER && m.trusts() < 3);
    }

    @Test
    void onlyTheGroupsAskedForAreComputed() {
        long swLondon = id("select id from ics where ods_code = 'QWE'");
        long seLondon = id("select id from ics where ods_code = 'QKK'");
        signIn.as("national.admin@demo.example");
        var asked = new org.springframework.transaction.support.TransactionTemplate(transactions)
                .execute(status -> benchmarks.medians(CYCLE, framework, Footprint.AS_PUBLISHED,
                        java.util.EnumSet.of(Median.Grouping.ICS, Median.Grouping.NATIONAL), List.of(swLondon)));
        // Seven characteristics nationally and for South West London; nothing of South East London, regions or peers.
        assertThat(asked).hasSize(14)
                .allMatch(m -> m.grouping() == Median.Grouping.NATIONAL
                        || (m.grouping() == Median.Grouping.ICS && m.groupId() == swLondon))
                .noneMatch(m -> java.util.Objects.equals(m.groupId(), seLondon));
        assertThat(asked).filteredOn(m -> m.grouping() == Median.Grouping.ICS && m.characteristicId() == characteristic("BASICS"))
                .containsExactly(new Median(Median.Grouping.ICS, swLondon, null, characteristic("BASICS"), new BigDecimal("3.5"), 4));
    }

    @Test
    void theDatabaseWithholdsMediansOfFewerThanThreeTrustsFromScopesThatMayNotSeeTheirScores() {
        long seLondon = id("select id from ics where ods_code = 'QKK'");
        // South East London has two approved trusts in this cycle (King's and Lewisham and Greenwich).
        signIn.as("ics.leader@demo.example");
        assertThat(medians()).as("the ICS leader reads both trusts' scores anyway")
                .anyMatch(m -> m.grouping() == Median.Grouping.ICS && m.groupId() == seLondon && m.trusts() == 2);
        signIn.as("multi.viewer@demo.example");
        assertThat(medians()).as("a trust gets no median of fewer than three").isNotEmpty()
                .allMatch(m -> m.trusts() >= 3);
        signIn.out();
        assertThat(medians()).as("no scope, no medians").isEmpty();
    }

    /** The cycle's medians in the signed-in user's scope, as the service reads them. */
    private List<Median> medians() {
        return new org.springframework.transaction.support.TransactionTemplate(transactions)
                .execute(status -> benchmarks.medians(CYCLE, framework, Footprint.AS_PUBLISHED,
                        java.util.EnumSet.allOf(Median.Grouping.class), null));
    }

    private Median median(Median.Grouping grouping, Long groupId, String trustType, String characteristic) {
        long id = characteristic(characteristic);
        signIn.as("national.admin@demo.example");
        return medians().stream()
                .filter(m -> m.grouping() == grouping && java.util.Objects.equals(m.groupId(), groupId)
                        && java.util.Objects.equals(m.trustType(), trustType) && m.characteristicId() == id)
                .findFirst().orElseThrow();
    }

    private long characteristic(String code) {
        return id("select id from characteristic where code = '" + code + "'");
    }

    private long id(String sql) {
        return owner.queryForObject(sql, Long.class);
    }
}
