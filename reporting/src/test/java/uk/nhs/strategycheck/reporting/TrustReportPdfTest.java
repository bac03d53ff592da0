package uk.nhs.strategycheck.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
        doc = Pdfs.rendered("trust-report.pdf", new JasperReportRenderer().trustReport(DATA));
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
                "Actions", "Methodology", "What the strategy document shows").map(Pdfs::squash).toArray(String[]::new));
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
        assertThat(scores).contains("Peer median");
        // Cells wrap: compare without line breaks. Every median says how many trusts it is over.
        assertThat(Pdfs.squash(scores)).contains(Pdfs.squash("1. Leadership 3.8 Green 3.4 +0.4 3.1 (3 trusts) 3.0 (212 trusts) 3.2 (41 trusts)"))
                .contains(Pdfs.squash("6. Focus 1.8 Red 1.5 +0.3 2.1 (3 trusts) 2.4 (212 trusts) 2.3 (41 trusts)"))
                .contains(Pdfs.squash("7. Culture 3.0 Amber 2.8 +0.2 2.9 (3 trusts) Withheld: fewer than 3 trusts 2.8 (41 trusts)"));
    }

    @Test
    void anIcsMedianOfTwoTrustsIsWithheldWhoeverMadeTheReport() throws IOException {
        // The ICS leader's own screens show a median of two trusts; the PDF may leave the ICS, so it does not.
        List<CharacteristicScores> scores = Fixtures.scores(Fixtures.TRUSTS.get(0).scores(), Fixtures.TRUSTS.get(0).previous(), 2);
        TrustReportData two = new TrustReportData(DATA.trustName(), DATA.odsCode(), DATA.trustType(), DATA.icsName(), DATA.cycleName(),
                DATA.status(), DATA.previousCycleName(), DATA.generatedOn(), scores, List.of(), List.of(), null);
        try (PDDocument d = Pdfs.load(new JasperReportRenderer().trustReport(two))) {
            String all = Pdfs.squash(Pdfs.text(d));
            assertThat(all).contains(Pdfs.squash("1. Leadership 3.8 Green 3.4 +0.4 Withheld: fewer than 3 trusts 3.0 (212 trusts)"))
                    .doesNotContain(Pdfs.squash("(2 trusts)"));
            assertThat(Pdfs.structure(d, "Figure")).singleElement().satisfies(f -> assertThat(f.getAlternateDescription())
                    .contains("ICS median Withheld: fewer than 3 trusts").doesNotContain("ICS median 3.1"));
        }
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
    void annexShowsTheDocumentAndWhatItStates() {
        String annex = annex(text);
        assertThat(annex).contains("File name BWC digital strategy 2024-2027 (board approved).pdf")
                .contains("Uploaded 3 October 2026").contains("Pages 24")
                .contains("Period covered 2024 to 2027 (3 years)")
                .contains("Review \"The strategy will be reviewed annually by the board\"")
                .contains("Foreword signed by Chief digital or information officer")
                .contains("Priorities named 12").contains("Measurable targets 1").contains("Exclusions (work it says it will not do) 0")
                .contains("It advises and never scores for the trust");
        assertThat(Pdfs.page(doc, pages)).as("the annex comes last").contains("7. Culture: Lived in culture, practices and processes");
    }

    @Test
    void annexQuotesEverySignalWithItsSignAndPage() {
        String annex = Pdfs.squash(annex(text));
        Pdfs.assertInOrder(annex, Pdfs.squash("1. Leadership: Led by the executive, framed as outcomes"),
                Pdfs.squash("Suggested score from the document: 1. Trust's own score: 3.8."),
                Pdfs.squash("How the suggestion was made: 4 or more when the chief executive"),
                Pdfs.squash("Bad sign L1 \"Foreword by Dr Priya Raman, Chief Digital and Information Officer\" page 2"),
                Pdfs.squash("7. Culture"), Pdfs.squash("The check found no signals for this characteristic in the document."));
        for (var c : DATA.strategyDocument().characteristics()) {
            for (var e : c.signals()) {
                assertThat(annex).contains(Pdfs.squash((e.good() ? "Good sign " : "Bad sign ") + e.code() + " \"" + e.quote() + "\" page " + e.page()));
            }
        }
    }

    @Test
    void onlyTheCharacteristicScoredTwoOrMoreAboveItsDocumentIsFlagged() {
        // Leadership: own 3.8 against 1. Basics, own 4.0 against 3, and the rest are within two points.
        List<String> blocks = characteristicBlocks(annex(text), DATA.strategyDocument());
        assertThat(blocks.get(0)).contains("Own score 2 or more points above what the document shows.");
        assertThat(blocks.subList(1, blocks.size())).noneMatch(b -> b.contains("Own score 2 or more"));
    }

    @Test
    void draftScoresShowNotScoredAndTheFlagFromExactlyTwoPointsAbove() throws IOException {
        // Suggested 1, 3, 3, 2, 4, 2, 3: Clarity's own 4.0 is exactly two above its document's 2; 2.9, 4.9 and 3.9 are 1.9 above.
        List<CharacteristicScores> scores = Fixtures.scores(Fixtures.dec("2.9", "4.9", null, "4.0", "5.0", "3.9", null), null);
        TrustReportData draft = new TrustReportData("Walsall Healthcare NHS Trust", "RBK", "Acute", "Black Country ICS", "2026/27",
                "DRAFT", "2025/26", Fixtures.GENERATED, scores, List.of(), List.of(), Fixtures.strategyDocument(scores));
        try (PDDocument d = Pdfs.load(new JasperReportRenderer().trustReport(draft))) {
            List<String> blocks = characteristicBlocks(annex(Pdfs.text(d)), draft.strategyDocument());
            assertThat(blocks.get(2)).contains("Suggested score from the document: 3. Trust's own score: Not scored.");
            assertThat(blocks.get(6)).contains("Trust's own score: Not scored.");
            assertThat(blocks.get(3)).contains("Trust's own score: 4.0.").contains("Own score 2 or more points above what the document shows.");
            for (int i : new int[] {0, 1, 2, 4, 5, 6}) {
                assertThat(blocks.get(i)).as("characteristic %d", i + 1).doesNotContain("Own score 2 or more");
            }
        }
    }

    @Test
    void withoutADocumentTheAnnexSaysSoInOneSentence() throws IOException {
        try (PDDocument d = Pdfs.load(new JasperReportRenderer().trustReport(Fixtures.withDocument(DATA, null)))) {
            String last = Pdfs.page(d, d.getNumberOfPages());
            assertThat(last).contains("What the strategy document shows\nNo strategy document was uploaded for this cycle.\n");
            assertThat(Pdfs.text(d)).doesNotContain("Suggested score from the document").doesNotContain("It advises");
        }
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
                .satisfies(f -> assertThat(f.getAlternateDescription()).contains("Leadership: score 3.8 Green, ICS median 3.1 (3 trusts)"));
        assertThat(Pdfs.fontsNotEmbedded(doc)).isEmpty();
        assertThat(Pdfs.blankPages(doc)).isEmpty();
    }

    /** The annex: from its title to the end of the report. */
    private static String annex(String all) {
        int at = all.lastIndexOf("What the strategy document shows");
        assertThat(at).as("annex title").isGreaterThanOrEqualTo(0);
        return all.substring(at);
    }

    /** The annex's text per characteristic, from its heading to the next one, in position order. */
    private static List<String> characteristicBlocks(String annex, StrategyDocumentSummary document) {
        List<String> headings = document.characteristics().stream()
                .map(c -> c.position() + ". " + Fmt.shortName(c.code(), c.name()) + ": " + c.name()).toList();
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            int from = annex.indexOf(headings.get(i));
            int to = i + 1 < headings.size() ? annex.indexOf(headings.get(i + 1)) : annex.length();
            assertThat(from).as(headings.get(i)).isGreaterThanOrEqualTo(0).isLessThan(to);
            blocks.add(annex.substring(from, to));
        }
        return blocks;
    }
}
