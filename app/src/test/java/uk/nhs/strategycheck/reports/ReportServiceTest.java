package uk.nhs.strategycheck.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.TestDatabase;

/** The PDFs hold what the database holds, and only for those who may see it. */
@IntegrationTest
class ReportServiceTest {

    private static final String CYCLE = "2025/26";

    @Autowired
    ReportService reports;
    @Autowired
    uk.nhs.strategycheck.benchmark.BenchmarkService benchmarks;
    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void theBoardPackHoldsEveryMemberTrustAndTheScoresInTheDatabase() throws IOException, SQLException {
        signIn.as("ics.leader@demo.example");

        var text = text(reports.boardPack("QKK", CYCLE));

        assertThat(text).contains("South East London").contains("OFFICIAL").contains(CYCLE)
                .contains("As published: the integrated care systems as they were when the 2025/26 cycle closed");
        // A closed cycle's pack reads as published: the ICS's trusts when the cycle closed.
        var members = database.owner().queryForList("""
                select t.name from trust_membership m join trust t on t.id = m.trust_id join ics i on i.id = m.ics_id
                 where i.ods_code = 'QKK' and m.valid_from <= date '2026-03-31'
                   and (m.valid_to is null or m.valid_to > date '2026-03-31')""", String.class);
        assertThat(members).hasSize(6).contains("Oxleas NHS Foundation Trust").allSatisfy(name -> assertThat(text).contains(name));
        assertThat(text).doesNotContain("The Online NHS Trust");
        // The open cycle's pack is today's NHS: The Online NHS Trust opened in June 2026, Oxleas has moved away.
        var today = text(reports.boardPack("QKK", "2026/27"));
        assertThat(today).contains("The Online NHS Trust").doesNotContain("Oxleas");
        // The closed cycle restated to today's ICS, and labelled so.
        var restated = text(reports.boardPack("QKK", CYCLE, java.util.Optional.of(uk.nhs.strategycheck.benchmark.Footprint.RESTATED)));
        assertThat(restated).contains("Today's integrated care systems").contains("The Online NHS Trust")
                .doesNotContain("Oxleas");
        var kings = database.owner().queryForList("""
                select round(avg(an.score), 1) from assessment a
                  join assessment_cycle c on c.id = a.cycle_id and c.name = ?
                  join trust t on t.id = a.trust_id and t.ods_code = 'RJZ'
                  join answer an on an.ics_id = a.ics_id and an.assessment_id = a.id
                  join statement s on s.id = an.statement_id join characteristic ch on ch.id = s.characteristic_id
                 where a.status = 'APPROVED' group by ch.position order by ch.position""", BigDecimal.class, CYCLE);
        assertThat(kings).hasSize(7);
        kings.forEach(score -> assertThat(text).contains(score.toPlainString()));
    }

    @Test
    void pdfsWithholdIcsMediansOfFewerThanThreeTrustsAndListUnscoredTrustsOnOnePage() throws IOException {
        // 2026/27 has just opened: few of South East London's trusts are approved yet.
        var approved = database.owner().queryForList("""
                select t.name from assessment a join trust t on t.id = a.trust_id join ics i on i.id = t.ics_id
                 where i.ods_code = 'QKK' and a.cycle_name = '2026/27' and a.status = 'APPROVED'""", String.class);
        assertThat(approved).hasSizeBetween(1, 2).contains("King's College Hospital NHS Foundation Trust");
        signIn.as("ics.leader@demo.example");
        // The ICS leader's own screen shows the ICS median with its count...
        var onScreen = benchmarks.memberProfile("RJZ", java.util.Optional.of("2026/27")).orElseThrow();
        assertThat(onScreen.rows()).allSatisfy(row -> assertThat(row.ics().trusts()).isEqualTo(approved.size()));

        // ...but a trust report may leave the ICS, so there it is withheld, and every median shown says its count.
        var report = text(reports.trustReport("RJZ", "2026/27"));
        assertThat(squash(report)).contains(squash("Withheld: fewer than 3 trusts"))
                .doesNotContain(squash("(" + approved.size() + " trust"));
        assertThat(report).containsPattern("\\d\\.\\d \\(\\d+ trusts\\)").doesNotContainPattern("\\b\\d\\.\\d\\d\\b");

        var pack = text(reports.boardPack("QKK", "2026/27"));
        assertThat(pack).contains("Not shown: no ICS median of 3 or more trusts yet")
                .contains((6 - approved.size()) + " of 6 member trusts have no approved assessment in this cycle");
        assertThat(squash(pack)).doesNotContain(squash("(" + approved.size() + " trust"));
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void anIcsLeaderGetsNoOtherIcsBoardPack() {
        signIn.as("ics.leader@demo.example");
        assertThatThrownBy(() -> reports.boardPack("QWE", CYCLE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.trustReport("RAX", CYCLE)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aTrustGetsItsOwnReportOnly() throws IOException {
        signIn.as("viewer@demo.example");

        var text = text(reports.trustReport("RJ1", CYCLE));

        assertThat(text).contains("Guy's and St Thomas' NHS Foundation Trust").contains(CYCLE);
        assertThatThrownBy(() -> reports.trustReport("RJZ", CYCLE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.boardPack("QKK", CYCLE)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theNationalPackHoldsEveryTrustOfEnglandAndTheirScores() throws IOException {
        signIn.as("national.admin@demo.example");

        var text = text(reports.nationalPack(CYCLE, java.util.Optional.empty()));

        assertThat(text).contains("National board pack").contains("England").contains("OFFICIAL").contains(CYCLE)
                .contains("As published: every trust in the integrated care system it was in when the 2025/26 cycle closed");
        // As published: the 205 trusts of the 42 ICSs of 31 March 2026, each under the ICS it was in then.
        var trusts = database.owner().queryForList("""
                select t.name from trust_membership m join trust t on t.id = m.trust_id
                 where m.valid_from <= date '2026-03-31' and (m.valid_to is null or m.valid_to > date '2026-03-31')""",
                String.class);
        assertThat(trusts).hasSizeGreaterThan(200);
        var squashed = squash(text);
        assertThat(trusts).allSatisfy(name -> assertThat(squashed).contains(squash(name)));
        var icss = database.owner().queryForList("""
                select distinct i.short_name from trust_membership m join ics i on i.id = m.ics_id
                 where m.valid_from <= date '2026-03-31' and (m.valid_to is null or m.valid_to > date '2026-03-31')""",
                String.class);
        assertThat(icss).hasSize(42).allSatisfy(name -> assertThat(squashed).contains(squash(name)));
        // King's College Hospital's approved scores, as the database computes them.
        var kings = database.owner().queryForList("""
                select score from characteristic_score s join trust t on t.id = s.trust_id
                 where t.ods_code = 'RJZ' and s.cycle_name = ? order by s.characteristic_id""", BigDecimal.class, CYCLE);
        assertThat(kings).hasSize(7);
        kings.forEach(score -> assertThat(text).contains(score.toPlainString()));
        // Restated to today's ICSs: The Online NHS Trust, opened in June 2026, is there, and labelled so.
        var restated = text(reports.nationalPack(CYCLE,
                java.util.Optional.of(uk.nhs.strategycheck.benchmark.Footprint.RESTATED)));
        assertThat(restated).contains("Today's integrated care systems").contains("The Online NHS Trust");
        assertThat(text).doesNotContain("The Online NHS Trust");
    }

    @Test
    void onlyANationalAdminGetsTheNationalPack() {
        signIn.as("ics.leader@demo.example");
        assertThatThrownBy(() -> reports.nationalPack(CYCLE, java.util.Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        signIn.as("region.admin@demo.example");
        assertThatThrownBy(() -> reports.nationalPack(CYCLE, java.util.Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        signIn.as("national.admin@demo.example");
        assertThat(reports.choices()).singleElement().satisfies(choice -> {
            assertThat(choice.kind()).isEqualTo(ReportService.Report.NATIONAL_PACK);
            assertThat(choice.cycles()).contains(CYCLE);
        });
    }

    @Test
    void aKeptPdfIsGivenOnlyWhileEverythingItShowsIsUnchanged() throws IOException {
        signIn.as("ics.leader@demo.example");
        var first = reports.boardPack("QKK", "2026/27");
        double hits = cache("hit");

        assertThat(reports.boardPack("QKK", "2026/27")).isEqualTo(first);
        assertThat(cache("hit")).isEqualTo(hits + 1);

        var name = database.owner().queryForObject("select name from trust where ods_code = 'RJZ'", String.class);
        try {
            database.owner().update("update trust set name = 'King''s College Hospital (renamed)' where ods_code = 'RJZ'");
            var renamed = reports.boardPack("QKK", "2026/27");
            assertThat(text(renamed)).contains("King's College Hospital (renamed)");
            assertThat(cache("hit")).isEqualTo(hits + 1);
        } finally {
            database.owner().update("update trust set name = ? where ods_code = 'RJZ'", name);
        }
        // Named back, the first PDF is right again, and still kept.
        assertThat(reports.boardPack("QKK", "2026/27")).isEqualTo(first);
        assertThat(cache("hit")).isEqualTo(hits + 2);
    }

    @Test
    void aReportPreparedAheadIsTheOneTheClickGetsAndIsNeitherAuditedNorTimedAsAWait() throws IOException {
        signIn.as("ics.leader@demo.example");
        var name = database.owner().queryForObject("select name from trust where ods_code = 'RJZ'", String.class);
        try {
            // A name no other test uses: nothing is kept for this data yet.
            database.owner().update("update trust set name = 'King''s College Hospital (ahead)' where ods_code = 'RJZ'");
            double hits = cache("hit");
            double misses = cache("miss");
            long waits = meters.find("dsc.reports.prepared").timers().stream().mapToLong(Timer::count).sum();
            long downloads = downloadsAudited();

            reports.prepareAhead(ReportService.Report.BOARD_PACK, "QKK", "2026/27", Optional.empty());

            assertThat(cache("miss")).isEqualTo(misses + 1);
            assertThat(meters.find("dsc.reports.prepared").timers().stream().mapToLong(Timer::count).sum()).isEqualTo(waits);
            var clicked = reports.prepare(ReportService.Report.BOARD_PACK, "QKK", "2026/27", Optional.empty());
            assertThat(cache("hit")).isEqualTo(hits + 1);
            assertThat(cache("miss")).isEqualTo(misses + 1);
            assertThat(text(clicked)).contains("King's College Hospital (ahead)");
            assertThat(downloadsAudited()).isEqualTo(downloads);
        } finally {
            database.owner().update("update trust set name = ? where ods_code = 'RJZ'", name);
        }
    }

    @Test
    void nothingIsPreparedAheadForAReportTheUserMayNotHave() {
        signIn.as("ics.leader@demo.example");
        double misses = cache("miss");

        assertThatThrownBy(() -> reports.prepareAhead(ReportService.Report.BOARD_PACK, "QYG", "2026/27", Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(cache("miss")).isEqualTo(misses);
    }

    private long downloadsAudited() {
        return database.owner().queryForObject("select count(*) from audit_event where action = 'REPORT_DOWNLOADED'", Long.class);
    }

    private double cache(String outcome) {
        return meters.get("dsc.reports.cache").tag("outcome", outcome).counter().count();
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
