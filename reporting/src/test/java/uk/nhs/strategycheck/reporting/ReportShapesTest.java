package uk.nhs.strategycheck.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** Sizes and edge cases: the largest ICS, a synthetic 100-trust ICS, empty data, and parallel use. */
class ReportShapesTest {

    private final JasperReportRenderer renderer = new JasperReportRenderer();

    @Test
    void hundredTrustBoardPackRenders() throws IOException {
        BoardPackData data = Fixtures.boardPack("Synthetic ICS", "QZZ", Fixtures.syntheticTrusts(100));
        byte[] pdf = renderer.boardPack(data);
        Pdfs.keepSample("board-pack-100-trusts.pdf", pdf);
        try (PDDocument doc = Pdfs.load(pdf)) {
            int pages = doc.getNumberOfPages();
            // Cover, summary, heatmap, 7 x 5 chart pages, about one page per scored trust (89 of 100: every ninth
            // is a draft), one page listing the 11 unscored, methodology.
            assertThat(pages).isBetween(125, 200);
            assertThat(Pdfs.page(doc, pages)).contains("Methodology").contains("Page " + pages + " of " + pages);
            String text = Pdfs.text(doc);
            assertThat(text).contains("Fictional Borough 100 and District Community Healthcare NHS Trust").contains("Trusts 73 to 89 of 89");
            assertThat(Pdfs.structure(doc, "Figure")).hasSize(7 * 5 + 89);
            assertThat(text).contains("11 of 100 member trusts have no approved assessment");
        }
    }

    @Test
    void largestRealIcsFitsOneChartPerCharacteristic() throws IOException {
        List<Fixtures.Trust> trusts = new ArrayList<>(Fixtures.TRUSTS);
        trusts.addAll(Fixtures.syntheticTrusts(12));
        try (PDDocument doc = Pdfs.load(renderer.boardPack(Fixtures.boardPack("North East and North Cumbria ICS", "QHM", trusts)))) {
            // 14 of the 18 have an approved assessment: one chart per characteristic, a profile each.
            assertThat(Pdfs.structure(doc, "Figure")).hasSize(7 + 14);
            assertThat(Pdfs.text(doc)).doesNotContain("Trusts 1 to");
            assertThat(Pdfs.fontsNotEmbedded(doc)).isEmpty();
        }
    }

    @Test
    void emptyDataStillRendersAReadablePack() throws IOException {
        BoardPackData empty = new BoardPackData("Empty ICS", null, "2026/27", null, Fixtures.GENERATED, 0, 0, 0, List.of(), List.of(), null,
                List.of());
        try (PDDocument doc = Pdfs.load(renderer.boardPack(empty))) {
            String text = Pdfs.text(doc);
            assertThat(text).contains("0 of 0 member trusts submitted, 0 approved").contains("Not shown: no ICS median of 3 or more trusts yet")
                    .contains("No trust needs support").contains("Methodology")
                    .contains("Members' strategy documents\nNo member trust has uploaded a strategy document for this cycle.");
        }
        NationalPackData none = new NationalPackData("2026/27", Fixtures.GENERATED, null, null, null, null, null);
        try (PDDocument doc = Pdfs.load(renderer.nationalPack(none))) {
            assertThat(Pdfs.text(doc)).contains("0 trusts in England, in 0 integrated care systems and 0 regions.")
                    .contains("0 of 0 trusts submitted (no trusts)").contains("Not shown: no national median of 3 or more trusts yet")
                    .contains("No trust needs support").contains("Methodology").doesNotContain("Trusts without an approved assessment");
        }
        TrustReportData bare = new TrustReportData("Bare NHS Trust", null, null, null, "2026/27", null, null, Fixtures.GENERATED,
                List.of(), List.of(), List.of(), null);
        try (PDDocument doc = Pdfs.load(renderer.trustReport(bare))) {
            assertThat(Pdfs.text(doc)).contains("Not started").contains("No evidence recorded").contains("No actions recorded.")
                    .contains("No strategy document was uploaded for this cycle.");
        }
    }

    @Test
    void longQuotesAndManySignalsWrapAndFlowOverPagesWithNothingLostOrOverlapping() throws IOException {
        TrustReportData base = Fixtures.trustReport();
        TrustReportData data = Fixtures.withDocument(base, Fixtures.longStrategyDocument(base.scores()));
        byte[] pdf = renderer.trustReport(data);
        Pdfs.keepSample("trust-report-long-document.pdf", pdf);
        try (PDDocument doc = Pdfs.load(pdf)) {
            int pages = doc.getNumberOfPages();
            int annex = pages;
            while (!Pdfs.page(doc, annex).contains("What the strategy document shows")) {
                annex--;
            }
            assertThat(pages - annex).as("annex continuation pages").isGreaterThanOrEqualTo(4);
            String text = Pdfs.squash(Pdfs.text(doc));
            int signals = 0;
            for (var c : data.strategyDocument().characteristics()) {
                for (var e : c.signals()) {
                    assertThat(text).contains(Pdfs.squash("\"" + e.quote() + "\" page " + e.page()));
                    signals++;
                }
            }
            assertThat(signals).isEqualTo(84);
            for (int p = annex; p <= pages; p++) {
                assertThat(Pdfs.overlappingGlyphs(doc, p)).as("page %d", p).isEmpty();
            }
            // A characteristic's heading stays with its signals, so the first may start on the next page.
            for (int p = annex + 1; p <= pages; p++) {
                assertThat(Pdfs.page(doc, p)).as("page %d", p).contains("Page " + p + " of " + pages)
                        .contains("Quote from the document");
            }
            assertThat(Pdfs.blankPages(doc)).isEmpty();
        }
    }

    @Test
    void unscoredTrustShowsNotScoredAndMissingMediansShowWithheld() throws IOException {
        BigDecimal[] none = Fixtures.nulls();
        TrustReportData d = new TrustReportData("Isle of Wight NHS Trust", "R1F", "Combined", "Isle of Wight ICS", "2026/27", "DRAFT",
                "2025/26", Fixtures.GENERATED, Fixtures.scores(none, none), List.of(), List.of(), null);
        try (PDDocument doc = Pdfs.load(renderer.trustReport(d))) {
            assertThat(Pdfs.text(doc)).contains("Draft, in progress. These are the trust's latest answers, not an approved assessment.")
                    .contains("Not scored").contains("no comparison");
            assertThat(Pdfs.squash(Pdfs.text(doc))).contains(Pdfs.squash("Withheld: fewer than 3 trusts"));
        }
    }

    @Test
    void oneRendererServesManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<byte[]>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> renderer.boardPack(Fixtures.boardPack())));
                runs.add(pool.submit(() -> renderer.trustReport(Fixtures.trustReport())));
            }
            for (Future<byte[]> run : runs) {
                try (PDDocument doc = Pdfs.load(run.get())) {
                    assertThat(Pdfs.page(doc, 1)).contains("OFFICIAL");
                    assertThat(Pdfs.fontsNotEmbedded(doc)).isEmpty();
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
