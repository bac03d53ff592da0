package uk.nhs.strategycheck.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.tenancy.HomeService;

/** Comparisons as each role sees them, against the demo data in PostgreSQL. */
@IntegrationTest
class BenchmarkServiceTest {

    @Autowired
    BenchmarkService benchmarks;
    @Autowired
    HomeService homes;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;

    @Autowired
    GreenMail mail;
    @Autowired
    uk.nhs.strategycheck.reports.ReportService reports;

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void anIcsLeadersHeatmapHoldsExactlyTheMemberTrustsWithTheirApprovedScores() throws SQLException {
        signIn.as("ics.leader@demo.example");

        var heatmap = benchmarks.heatmap(Optional.of("2025/26")).orElseThrow();

        // As published: the trusts that were South East London's when 2025/26 closed on 31 March 2026
        // (Oxleas among them, though it has since moved to Kent and Medway).
        var members = database.owner().queryForList("""
                select t.ods_code from trust_membership m join trust t on t.id = m.trust_id join ics i on i.id = m.ics_id
                 where i.ods_code = 'QKK' and m.valid_from <= date '2026-03-31'
                   and (m.valid_to is null or m.valid_to > date '2026-03-31') order by t.name""", String.class);
        assertThat(members).contains("RPG").doesNotContain("K0N6A");
        assertThat(heatmap.trusts()).extracting(row -> row.trust().odsCode()).containsExactlyElementsOf(members);
        var expected = database.owner().queryForList("""
                select t.ods_code, ch.id as characteristic, round(avg(an.score), 1) as score
                  from assessment a join trust t on t.id = a.trust_id
                  join assessment_cycle c on c.id = a.cycle_id and c.name = '2025/26'
                  join answer an on an.ics_id = a.ics_id and an.assessment_id = a.id
                  join statement s on s.id = an.statement_id join characteristic ch on ch.id = s.characteristic_id
                  join trust_membership m on m.trust_id = t.id and m.valid_from <= c.closes_on
                   and (m.valid_to is null or m.valid_to > c.closes_on)
                  join ics i on i.id = m.ics_id
                 where i.ods_code = 'QKK' and a.status = 'APPROVED'
                 group by t.ods_code, ch.id""");
        assertThat(expected).isNotEmpty();
        for (var cell : expected) {
            var row = heatmap.trusts().stream().filter(r -> r.trust().odsCode().equals(cell.get("ods_code"))).findFirst()
                    .orElseThrow();
            assertThat(row.scores().get((Long) cell.get("characteristic")))
                    .isEqualByComparingTo((BigDecimal) cell.get("score"));
        }
    }

    @Test
    void aBoardPacksFiguresAreTheHeatmapTheSubmissionsAndEachMembersProfileAsEachGivesThem() {
        signIn.as("ics.leader@demo.example");
        // A closed cycle as published (Oxleas still a member) and restated, and the open cycle.
        for (var cycle : List.of("2025/26", "2026/27")) {
            for (var footprint : List.of(Optional.<Footprint>empty(), Optional.of(Footprint.RESTATED))) {
                var pack = benchmarks.boardPack(cycle, footprint);

                assertThat(pack.heatmap()).as(cycle + " " + footprint)
                        .isEqualTo(benchmarks.heatmap(Optional.of(cycle), footprint).orElseThrow());
                assertThat(pack.submissions()).isEqualTo(benchmarks.submissions(Optional.of(cycle), footprint).orElseThrow());
                assertThat(pack.profiles().keySet()).containsExactlyElementsOf(
                        pack.heatmap().trusts().stream().map(row -> row.trust().id()).toList());
                for (var row : pack.heatmap().trusts()) {
                    assertThat(pack.profiles().get(row.trust().id())).as(row.trust().odsCode() + " in " + cycle)
                            .isEqualTo(benchmarks.memberProfile(row.trust().odsCode(), Optional.of(cycle), footprint)
                                    .orElseThrow());
                }
            }
        }
    }

    @Test
    void anIcsLeaderCannotOpenAnotherIcsTrustAndATrustCannotOpenTheHeatmap() {
        signIn.as("ics.leader@demo.example");
        assertThatThrownBy(() -> benchmarks.memberProfile("RAX", Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(benchmarks.memberProfile("RJZ", Optional.empty())).isPresent();

        signIn.as("viewer@demo.example");
        assertThatThrownBy(() -> benchmarks.heatmap(Optional.empty())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> benchmarks.memberProfile("RJ1", Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theHeatmapCsvHasAByteOrderMarkOdsCodesAndTheScoresShown() {
        signIn.as("ics.leader@demo.example");
        var heatmap = benchmarks.heatmap(Optional.of("2025/26")).orElseThrow();

        var text = new String(benchmarks.heatmapCsv(Optional.of("2025/26"), Optional.empty()), StandardCharsets.UTF_8);

        assertThat(text).startsWith("\uFEFFODS code,Trust,Trust type,Cycle,ICS,Organisations,1. Led by the executive, framed as outcomes"
                .replace("1. Led by the executive, framed as outcomes", "\"1. Led by the executive, framed as outcomes\""));
        var lines = text.substring(1).split("\r\n");
        assertThat(lines).hasSize(1 + heatmap.trusts().size() + 2 + heatmap.predecessorMedians().size());
        var guys = heatmap.trusts().stream().filter(r -> r.trust().odsCode().equals("RJ1")).findFirst().orElseThrow();
        assertThat(lines).anySatisfy(line -> assertThat(line).isEqualTo("RJ1,Guy's and St Thomas' NHS Foundation Trust,"
                + "acute,2025/26,South East London,As published," + heatmap.characteristics().stream()
                .map(c -> guys.scores().get(c.id()).toPlainString()).collect(Collectors.joining(","))));
        // Each median row says how many trusts it is over, and its figures have one decimal.
        int approved = database.owner().queryForObject("""
                select count(distinct a.trust_id) from assessment a join trust_membership m on m.trust_id = a.trust_id
                  join ics i on i.id = m.ics_id join assessment_cycle c on c.id = a.cycle_id
                 where i.ods_code = 'QKK' and c.name = '2025/26' and a.status = 'APPROVED'
                   and m.valid_from <= c.closes_on and (m.valid_to is null or m.valid_to > c.closes_on)""", Integer.class);
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches(",ICS median \\(" + approved + " trusts\\),,2025/26,South East London,As published(,\\d\\.\\d){7}"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(",National median \\(\\d+ trusts\\),,2025/26,.*"));
    }

    @Test
    void benchmarksAndReportsOpenOnTheLatestCycleInWhichMostMemberTrustsAreApproved() {
        // 2026/27 is open and has approvals, but from fewer than half of South East London's trusts.
        var approvedNow = database.owner().queryForMap("""
                select count(*) filter (where a.status = 'APPROVED') as approved, count(distinct t.id) as trusts
                  from trust t join ics i on i.id = t.ics_id
                  left join assessment a on a.trust_id = t.id and a.cycle_name = '2026/27'
                 where i.ods_code = 'QKK' and t.closed_on is null""");
        assertThat((Long) approvedNow.get("approved")).isPositive();
        assertThat(2 * (Long) approvedNow.get("approved")).isLessThanOrEqualTo((Long) approvedNow.get("trusts"));
        signIn.as("ics.leader@demo.example");

        assertThat(benchmarks.heatmap(Optional.empty()).orElseThrow().cycleName()).isEqualTo("2025/26");
        assertThat(reports.choices()).allSatisfy(choice -> assertThat(choice.latestCycle()).isEqualTo("2025/26"));
        // Still choosable.
        assertThat(benchmarks.heatmap(Optional.of("2026/27")).orElseThrow().cycleName()).isEqualTo("2026/27");
        // Submission status is about the cycle under way.
        assertThat(benchmarks.submissions(Optional.empty()).orElseThrow().cycleName()).isEqualTo("2026/27");
    }

    @Test
    void theHeatmapsMedianRowsFollowTheTrustTypeAndSayHowManyTrustsTheyAreOver() {
        signIn.as("ics.leader@demo.example");
        var heatmap = benchmarks.heatmap(Optional.of("2025/26")).orElseThrow();
        var basics = heatmap.characteristics().stream().filter(c -> c.code().equals("BASICS")).findFirst().orElseThrow();
        var acute = database.owner().queryForMap("""
                select count(*) as trusts, percentile_cont(0.5) within group (order by score)::numeric as median
                  from (select a.trust_id, round(avg(an.score), 1) as score
                          from assessment a join trust t on t.id = a.trust_id
                          join assessment_cycle c on c.id = a.cycle_id and c.name = '2025/26'
                          join trust_membership m on m.trust_id = t.id and m.valid_from <= c.closes_on
                           and (m.valid_to is null or m.valid_to > c.closes_on)
                          join ics i on i.id = m.ics_id
                          join answer an on an.ics_id = a.ics_id and an.assessment_id = a.id
                          join statement s on s.id = an.statement_id join characteristic ch on ch.id = s.characteristic_id
                         where i.ods_code = 'QKK' and a.status = 'APPROVED' and t.trust_type = 'acute' and ch.code = 'BASICS'
                         group by a.trust_id) scores""");
        assertThat((Long) acute.get("trusts")).isGreaterThan(1);

        var rows = heatmap.medianRows(Optional.of("acute"));

        assertThat(rows).extracting(Heatmap.MedianRow::label).containsExactly(
                "ICS median, acute trusts (" + acute.get("trusts") + " trusts)",
                rows.get(1).label());
        assertThat(rows.get(1).label()).matches("National median, acute trusts \\(\\d+ trusts\\)");
        var median = rows.get(0).medians().get(basics.id());
        assertThat(median.value()).isEqualTo(((BigDecimal) acute.get("median")).setScale(1, java.math.RoundingMode.HALF_UP));
        assertThat(median.value().scale()).as("one decimal").isEqualTo(1);
        assertThat(heatmap.trustsOfType(Optional.of("acute"))).isNotEmpty()
                .allSatisfy(row -> assertThat(row.trust().trustType()).isEqualTo("acute"));
        assertThat(heatmap.medianRows(Optional.empty())).extracting(Heatmap.MedianRow::label)
                .startsWith("ICS median (" + heatmap.icsMedian().get(basics.id()).trusts() + " trusts)");
    }

    @Test
    void aReminderEmailsTheTrustsEditorsIsAuditedAndShowsOnTheTrustsHome() throws Exception {
        database.trustUser("rru.editor@test.example", "Rae Editor", "TRUST_EDITOR", "RRU");
        signIn.as("ics.leader@demo.example");
        var before = benchmarks.submissions(Optional.of("2026/27")).orElseThrow().trusts().stream()
                .filter(r -> r.trust().odsCode().equals("RRU")).findFirst().orElseThrow();
        assertThat(before.state().late()).isTrue();

        int sent = benchmarks.sendReminder("RRU", "2026/27");

        assertThat(sent).isEqualTo(1);
        var email = Arrays.stream(mail.getReceivedMessages())
                .filter(message -> recipients(message).contains("rru.editor@test.example"))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(email.getSubject()).isEqualTo("Reminder: your trust's digital strategy self-assessment for 2026/27");
        assertThat(GreenMailUtil.getBody(email)).contains("Sam Patel");
        var event = database.owner().queryForMap("""
                select e.user_email, e.ics_id, e.trust_id, e.after ->> 'cycle' as cycle, e.after ->> 'recipients' as recipients
                  from audit_event e where e.action = 'REMINDER_SENT' order by e.id desc limit 1""");
        assertThat(event).containsEntry("user_email", "ics.leader@demo.example").containsEntry("cycle", "2026/27")
                .containsEntry("recipients", "1")
                .containsEntry("trust_id", database.owner().queryForObject("select id from trust where ods_code = 'RRU'", Long.class));
        assertThat(benchmarks.submissions(Optional.of("2026/27")).orElseThrow().trusts().stream()
                .filter(r -> r.trust().odsCode().equals("RRU")).findFirst().orElseThrow().lastReminder()).isPresent();

        signIn.as("rru.editor@test.example");
        assertThat(homes.trustHome().reminders()).first().satisfies(reminder -> {
            assertThat(reminder.fromName()).isEqualTo("Sam Patel");
            assertThat(reminder.cycleName()).isEqualTo("2026/27");
        });
    }

    @Test
    void aTrustThatHasSubmittedIsNotReminded() {
        signIn.as("ics.leader@demo.example");
        assertThatThrownBy(() -> benchmarks.sendReminder("RJZ", "2026/27"))
                .isInstanceOf(BenchmarkService.ReminderRefused.class)
                .hasMessage("King's College Hospital NHS Foundation Trust has already submitted its 2026/27 assessment.");
    }

    @Test
    void aRegionAdminComparesTheRegionsIcssAndANationalAdminTheRegions() throws SQLException {
        signIn.as("region.admin@demo.example");
        var london = benchmarks.areaComparison(Optional.of("2025/26")).orElseThrow();
        assertThat(london.areas()).extracting(AreaComparison.Row::odsCode)
                .containsExactlyInAnyOrder("QKK", "QMF", "QMJ", "QRV", "QWE");
        Map<String, Object> counts = database.owner().queryForMap("""
                select count(*) filter (where a.status in ('SUBMITTED', 'APPROVED')) as submitted, count(distinct t.id) as trusts
                  from trust_membership m join trust t on t.id = m.trust_id join ics i on i.id = m.ics_id
                  left join assessment a on a.trust_id = t.id and a.cycle_name = '2025/26'
                 where i.ods_code = 'QKK' and m.valid_from <= date '2026-03-31'
                   and (m.valid_to is null or m.valid_to > date '2026-03-31')""");
        var seLondon = london.areas().stream().filter(a -> a.odsCode().equals("QKK")).findFirst().orElseThrow();
        assertThat((long) seLondon.submitted()).isEqualTo(counts.get("submitted"));
        assertThat((long) seLondon.trusts()).isEqualTo(counts.get("trusts"));
        assertThat(seLondon.medians()).hasSize(7);

        signIn.as("national.admin@demo.example");
        var england = benchmarks.areaComparison(Optional.of("2025/26")).orElseThrow();
        assertThat(england.areas()).hasSize(7);
        assertThat(england.areas().stream().mapToInt(AreaComparison.Row::trusts).sum())
                .as("as published: the 205 trusts open when 2025/26 closed").isEqualTo(205);
        var today = benchmarks.areaComparison(Optional.of("2026/27")).orElseThrow();
        assertThat(today.areas().stream().mapToInt(AreaComparison.Row::trusts).sum())
                .as("today's NHS, after the 2026 closures and opening").isEqualTo(202);

        signIn.as("ics.leader@demo.example");
        assertThatThrownBy(() -> benchmarks.areaComparison(Optional.empty())).isInstanceOf(AccessDeniedException.class);
    }
}
