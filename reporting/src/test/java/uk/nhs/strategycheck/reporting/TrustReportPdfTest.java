package uk.nhs.strategycheck.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A trust's report, rendered once from realistic data (all 28 statements) and read back with PDFBox. */
class TrustReportPdfTest {

    private static final TrustReportData DATA = Fixtures.trustReport();
    private static PDDocument doc;
    private static String text;
    private static int pages;

    @BeforeAll
    static void render() throws IOException {
        byte[] pdf = new JasperReportRenderer().trustReport(DATA);
        Pdfs.keepSample("trust-report.pdf", pdf);
        doc = Pdfs.load(pdf);
        text = Pdfs.text(doc);
        pages = doc.getNumberOfPages();
    }

    @AfterAll
    static void close() throws IOException {
        doc.close();
    }

    @Test
    void sectionsComeInOrder() {
        // The cover title wraps: compare without line breaks.
        Pdfs.assertInOrder(Pdfs.squash(text), Stream.of("Digital strategy self-assessment report", "Birmingham Women's and Children's NHS Foundation Trust",
                "ODS code: RQ3", "Integrated care system: Birmingham and Solihull ICS", "Assessment cycle: 2026/27",
                "Generated 25 November 2026",
                "Summary", "Scores by characteristic", "Scores against the medians", "Evidence",
                "1. Leadership: Led by the executive, framed as outcomes", "7. Culture: Lived in culture, practices and processes",
                "Actions", "Methodology").map(Pdfs::squash).toArray(String[]::new));
    }

    @Test
    void summaryCountsRagAndChange() {
        assertThat(Pdfs.page(doc, 2)).contains("Approved").contains("3 green, 2 amber, 2 red of 7 characteristics.")
                .contains("Basics (Fixes the basics first), 4.0 Green").contains("Focus (Prioritised, not a wish list), 1.8 Red")
                .contains("Since 2025/26: improved in 5, fell in 1, no change in 1 of 7 characteristics.")
                .contains("5 improvement actions recorded");
    }

    @Test
    void scoresShowRagMediansAndChange() {
        String scores = Pdfs.page(doc, 3);
        assertThat(scores).contains("1. Leadership 3.8 Green 3.4 +0.4 3.1 3.0 3.2")
                .contains("6. Focus 1.8 Red 1.5 +0.3 2.1 2.4 2.3")
                .contains("7. Culture 3.0 Amber 2.8 +0.2 2.9 Not shown 2.8")
                .contains("Peer median");
    }

    @Test
    void allTwentyEightEvidenceNotesAppearGroupedByCharacteristic() {
        String all = Pdfs.squash(text);
        Pdfs.assertInOrder(all, Pdfs.squash("1. Leadership: Led by the executive"), Pdfs.squash(Fixtures.FRAMEWORK[0][2]),
                Pdfs.squash("2. Context: Shaped by our context"), Pdfs.squash(Fixtures.FRAMEWORK[1][2]));
        for (EvidenceItem e : DATA.evidence()) {
            assertThat(all).contains(Pdfs.squash(e.statement())).contains(Pdfs.squash(e.evidence()));
        }
        assertThat(DATA.evidence()).hasSize(28);
        assertThat(all).contains(Pdfs.squash("4 Established")).contains(Pdfs.squash("1 Not in place"));
    }

    @Test
    void actionsListOwnersAndDueDates() {
        String all = Pdfs.squash(text);
        for (ActionItem a : DATA.actions()) {
            assertThat(all).contains(Pdfs.squash(a.title())).contains(Pdfs.squash(a.owner()));
        }
        assertThat(text).contains("15 January 2027").contains("15 May 2027").contains("In progress").contains("Not started");
    }

    @Test
    void everyPageIsMarkedOfficialAndNumbered() {
        for (int i = 1; i <= pages; i++) {
            assertThat(Pdfs.page(doc, i)).as("page %d", i).contains("OFFICIAL").contains("Page " + i + " of " + pages);
        }
    }

    @Test
    void isTaggedAccessiblePdf() throws IOException {
        assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
        assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
        assertThat(doc.getDocumentInformation().getTitle())
                .isEqualTo("Birmingham Women's and Children's NHS Foundation Trust digital strategy report 2026/27");
        assertThat(Pdfs.structure(doc, "Figure")).singleElement()
                .satisfies(f -> assertThat(f.getAlternateDescription()).contains("Leadership: score 3.8 Green, ICS median 3.1"));
        assertThat(Pdfs.fontsNotEmbedded(doc)).isEmpty();
        assertThat(Pdfs.blankPages(doc)).isEmpty();
    }
}
