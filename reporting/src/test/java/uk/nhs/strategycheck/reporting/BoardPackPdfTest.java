package uk.nhs.strategycheck.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ICS board pack, rendered once from a realistic six-trust ICS and read back with PDFBox. */
class BoardPackPdfTest {

    private static PDDocument doc;
    private static String text;
    private static int pages;

    @BeforeAll
    static void render() throws IOException {
        doc = Pdfs.rendered("board-pack.pdf", new JasperReportRenderer().boardPack(Fixtures.boardPack()));
        text = Pdfs.text(doc);
        pages = doc.getNumberOfPages();
    }

    @AfterAll
    static void close() throws IOException {
        doc.close();
    }

    @Test
    void sectionsComeInOrder() {
        Pdfs.assertInOrder(text, "Integrated care system board pack", "South East London ICS", "ODS code: QKK", "2026/27",
                "Generated 25 November 2026",
                "Executive summary", "Heatmap: member trusts by characteristic", "Members' strategy documents", "Characteristics compared",
                "1. Leadership: Led by the executive, framed as outcomes", "7. Culture: Lived in culture, practices and processes",
                "Trust profiles", "Birmingham Women's and Children's NHS Foundation Trust", "Sherwood Forest Hospitals NHS Foundation Trust",
                "Trusts without an approved assessment", "Yeovil District Hospital NHS Foundation Trust", "Methodology");
    }

    @Test
    void executiveSummaryGivesSubmissionsStrengthsAndRisks() {
        String summary = Pdfs.page(doc, 2);
        assertThat(summary).contains("4 of 6 member trusts submitted, 3 approved")
                .contains("Strongest characteristic").contains("Basics (Fixes the basics first), ICS median 3.6 Green (3 trusts)")
                .contains("Weakest characteristic").contains("Focus (Prioritised, not a wish list), ICS median 2.1 Red")
                .contains("5 trusts need support")
                .contains("Sherwood Forest Hospitals NHS Foundation Trust: red in Leadership 2.4, Clarity 1.0, Focus 2.0")
                .contains("Walsall Healthcare NHS Trust: no approved assessment");
        // Newcastle is approved with no red characteristic: it does not need support.
        assertThat(summary).doesNotContain("The Newcastle upon Tyne Hospitals NHS Foundation Trust:");
    }

    @Test
    void heatmapShowsEveryTrustWithScoreAndRagInWordsAndColour() throws IOException {
        int page = pageContaining("Heatmap: member trusts by characteristic");
        String heat = Pdfs.squash(Pdfs.page(doc, page));
        for (Fixtures.Trust t : Fixtures.TRUSTS) {
            assertThat(heat).contains(Pdfs.squash(t.name()));
        }
        // Birmingham's row, in column order, then the medians.
        assertThat(heat).contains(Pdfs.squash("3.8 Green 2.3 Red 4.0 Green 2.6 Amber 3.5 Green 1.8 Red 3.0 Amber"))
                .contains(Pdfs.squash("ICS median (3 trusts) 3.1 Amber 2.8 Amber 3.6 Green"))
                .contains(Pdfs.squash("National median (212 trusts) 3.0 Amber"))
                // No national Culture median came back: the database withholds one of fewer than three trusts.
                .contains(Pdfs.squash("2.4 Red Withheld: fewer than 3 trusts"))
                .contains("Notscored");
        assertThat(Pdfs.hasColour(doc, page, 0xD5281B)).as("red fill").isTrue();
        assertThat(Pdfs.hasColour(doc, page, 0xFFB81C)).as("amber fill").isTrue();
        assertThat(Pdfs.hasColour(doc, page, 0x007F3B)).as("green fill").isTrue();
    }

    @Test
    void membersStrategyDocumentsPageHasARowPerMemberWithItsFigures() {
        String page = Pdfs.page(doc, pageContaining("Members' strategy documents"));
        assertThat(page).contains("who signs its foreword");
        String table = Pdfs.squash(page);
        // One row per member, cells in column order: trust, period, review, priorities, targets, exclusions, signatory, gaps.
        Pdfs.assertInOrder(table,
                Pdfs.squash("Birmingham Women's and Children's NHS Foundation Trust 2024 to 2027 (3 years) Annually, by the board 12 1 0"
                        + " Chief digital or information officer Leadership: own 3.8, document 1"),
                Pdfs.squash("The Newcastle upon Tyne Hospitals NHS Foundation Trust 2023 to 2033 (10 years) Not stated 14 3 0 Chief executive"
                        + " Horizon: own 4.8, document 2 Culture: own 4.0, document 2"),
                Pdfs.squash("Sherwood Forest Hospitals NHS Foundation Trust Not stated Quarterly, at the digital board 6 0 1 Not found None"),
                Pdfs.squash("Isle of Wight NHS Trust No document uploaded"),
                Pdfs.squash("Walsall Healthcare NHS Trust 2025 to 2028 (3 years) Annually 4 2 1 The board None"),
                Pdfs.squash("Yeovil District Hospital NHS Foundation Trust No document uploaded"));
        // The two gaps of one trust are on separate lines.
        assertThat(page).contains("document 2\nCulture: own");
        assertThat(page).doesNotContain("No member trust has uploaded");
    }

    @Test
    void everyScoredTrustHasAProfilePageWithItsScoresChangeAndActions() throws IOException {
        for (Fixtures.Trust t : Fixtures.TRUSTS.stream().filter(t -> t.status().equals("APPROVED")).toList()) {
            int page = pageStartingProfile(t.name());
            String profile = Pdfs.page(doc, page);
            assertThat(profile).contains(t.name()).contains("ODS code " + t.ods()).contains("Scores against the medians");
        }
        String birmingham = Pdfs.page(doc, pageStartingProfile(Fixtures.TRUSTS.get(0).name()));
        assertThat(birmingham).contains("3.8 Green").contains("+0.4").contains("-0.3").contains("No change")
                .contains("Since 2025/26: improved in 5, fell in 1, no change in 1 of 7 characteristics.")
                .contains("Top actions").contains("15 January 2027");
        // Table cells wrap: compare without line breaks. Every median with the trusts it is over.
        assertThat(Pdfs.squash(birmingham)).contains(Pdfs.squash("Characteristic Owner Due Status"))
                .contains(Pdfs.squash("3.8 Green 3.4 +0.4 3.1 (3 trusts) 3.0 (212 trusts) 3.2 (41 trusts)"))
                .contains(Pdfs.squash("Publish a ranked list of no more than five digital priorities, with what is deferred and why Focus"))
                .contains(Pdfs.squash("Chief Digital Information Officer"));
    }

    @Test
    void unscoredTrustsAreListedWithTheirStatusOnOnePageNotGivenProfiles() {
        int page = pageContaining("Trusts without an approved assessment");
        String list = Pdfs.page(doc, page);
        assertThat(list).contains("3 of 6 member trusts have no approved assessment in this cycle")
                .contains("Isle of Wight NHS Trust (R1F): submitted, awaiting approval")
                .contains("Walsall Healthcare NHS Trust (RBK): draft, in progress")
                .contains("Yeovil District Hospital NHS Foundation Trust (RA4): returned for changes");
        for (String unscored : List.of("Isle of Wight NHS Trust", "Walsall Healthcare NHS Trust", "Yeovil District Hospital NHS Foundation Trust")) {
            assertThat(profilePages(unscored)).as(unscored).isEmpty();
        }
        assertThat(profilePages("Sherwood Forest Hospitals NHS Foundation Trust")).hasSize(1);
    }

    @Test
    void medianFiguresAreOneDecimalEverywhere() {
        // No median or score is printed with two decimals anywhere in the pack.
        assertThat(text).doesNotContainPattern("\\b\\d\\.\\d\\d\\b");
    }

    @Test
    void withFewerThanThreeApprovedTrustsEveryIcsMedianIsWithheld() throws IOException {
        // Two of the six approved: the PO's "ICS median 4.1 Green from 2 of 6 trusts".
        List<Fixtures.Trust> two = Fixtures.TRUSTS.stream()
                .map(t -> t.ods().equals("RK5") ? new Fixtures.Trust(t.name(), t.ods(), t.type(), "SUBMITTED", Fixtures.nulls(), null) : t)
                .toList();
        try (PDDocument small = Pdfs.load(new JasperReportRenderer().boardPack(Fixtures.boardPack("South East London ICS", "QKK", two, 2)))) {
            String all = Pdfs.text(small);
            String squashed = Pdfs.squash(all);
            assertThat(all).contains("Not shown: no ICS median of 3 or more trusts yet");
            assertThat(squashed).doesNotContain(Pdfs.squash("ICS median 3.1")).doesNotContain(Pdfs.squash("(2 trusts)"))
                    .contains(Pdfs.squash("ICS median Withheld: fewer than 3 trusts Withheld: fewer than 3 trusts"))
                    .contains(Pdfs.squash("3.0 Amber (212 trusts)"));
            assertThat(Pdfs.structure(small, "Figure")).allSatisfy(f -> assertThat(f.getAlternateDescription())
                    .doesNotContain("ICS median 3.1").contains("ICS median Withheld: fewer than 3 trusts"));
        }
    }

    @Test
    void everyScoreGivenIsPrintedExactly() {
        for (Fixtures.Trust t : Fixtures.TRUSTS) {
            for (var s : t.scores()) {
                if (s != null) {
                    assertThat(text).contains(s.toPlainString() + " " + Fmt.rag(s));
                }
            }
        }
    }

    @Test
    void methodologyExplainsScaleRagAndMedians() throws IOException {
        String m = Pdfs.page(doc, pages);
        Pdfs.assertInOrder(m, "Methodology", "1 Not in place", "2 Emerging", "3 Developing", "4 Established", "5 Leading");
        // Lines wrap where the font's metrics say: compare without line breaks.
        assertThat(Pdfs.squash(m)).contains(Pdfs.squash("Red when s is below 2.5")).contains(Pdfs.squash("2.5 <= s < 3.5"))
                .contains(Pdfs.squash("3.5 or above")).contains(Pdfs.squash("Only approved assessments count"))
                .contains(Pdfs.squash("mean of its four statement scores, to one decimal place"))
                .contains(Pdfs.squash("Medians are medians of trusts' characteristic scores")).contains(Pdfs.squash("seven characteristics"))
                .contains(Pdfs.squash("Each median says how many trusts it is over. A median of fewer than 3 trusts is withheld"))
                .contains(Pdfs.squash("Organisations: " + Fixtures.FOOTPRINT));
    }

    @Test
    void everyPageIsMarkedOfficialAndNumberedPageXOfY() throws IOException {
        for (int i = 1; i <= pages; i++) {
            String p = Pdfs.page(doc, i);
            assertThat(p).as("page %d", i).contains("OFFICIAL").contains("Page " + i + " of " + pages);
        }
        assertThat(pages).isBetween(10, 16);
    }

    @Test
    void isTaggedInBritishEnglishWithTitle() {
        assertThat(doc.getDocumentCatalog().getMarkInfo()).isNotNull();
        assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
        assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
        assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("South East London ICS board pack 2026/27");
        assertThat(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
        assertThat(Pdfs.structure(doc, "H1")).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void everyChartHasAlternativeText() {
        List<PDStructureElement> figures = Pdfs.structure(doc, "Figure");
        // Seven characteristic charts and one chart per profile: the three trusts with an approved assessment.
        assertThat(figures).hasSize(7 + 3);
        assertThat(figures).allSatisfy(f -> assertThat(f.getAlternateDescription()).startsWith("Bar chart of"));
        assertThat(figures.get(0).getAlternateDescription())
                .contains("Leadership").contains("ICS median 3.1 (3 trusts)").contains("Birmingham Women's and Children's NHS Foundation Trust 3.8 Green")
                .doesNotContain("Walsall");
    }

    @Test
    void everyFontIsLiberationSansEmbeddedIncludingInCharts() throws IOException {
        assertThat(Pdfs.countFonts(doc)).isPositive();
        assertThat(Pdfs.fontsNotEmbedded(doc)).isEmpty();
        assertThat(Pdfs.fontNames(doc)).isNotEmpty().allSatisfy(name -> assertThat(name).contains("LiberationSans"));
    }

    @Test
    void chartTextIsRealText() throws IOException {
        // Axis and legend text from the chart pages is extractable, not drawn as shapes.
        String charts = Pdfs.page(doc, pageContaining("Characteristics compared"));
        assertThat(charts).contains("Score (1 Not in place to 5 Leading)").contains("National median").contains("Trust score");
        // A profile's chart turns its score axis label on its side: that is text too (it comes out a few
        // letters to a line, so compared without whitespace).
        String profile = Pdfs.page(doc, pageStartingProfile(Fixtures.TRUSTS.get(0).name()));
        assertThat(Pdfs.squash(profile)).contains("Score(1Notinplaceto5Leading)");
    }

    @Test
    void everyPageRendersWithInk() throws IOException {
        assertThat(Pdfs.blankPages(doc)).isEmpty();
    }

    private static int pageContaining(String s) {
        for (int i = 1; i <= pages; i++) {
            if (Pdfs.page(doc, i).contains(s)) {
                return i;
            }
        }
        throw new AssertionError("No page contains " + s);
    }

    /** The page whose first line after the header is the trust's name: its profile. */
    private static int pageStartingProfile(String trust) {
        return profilePages(trust).stream().findFirst().orElseThrow(() -> new AssertionError("No profile page for " + trust));
    }

    private static List<Integer> profilePages(String trust) {
        List<Integer> found = new java.util.ArrayList<>();
        for (int i = 1; i <= pages; i++) {
            String page = Pdfs.page(doc, i);
            if (page.contains("Scores against the medians") && page.contains(trust + "\n")) {
                found.add(i);
            }
        }
        return found;
    }
}
