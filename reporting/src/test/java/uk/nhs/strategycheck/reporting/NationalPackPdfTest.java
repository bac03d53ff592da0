package uk.nhs.strategycheck.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The national board pack, rendered once from 205 made-up trusts in England's 42 ICSs, read back with PDFBox. */
class NationalPackPdfTest {

    private static final NationalPackData DATA = Fixtures.nationalPack();
    private static PDDocument doc;
    private static String text;
    private static int pages;

    @BeforeAll
    static void render() throws IOException {
        doc = Pdfs.rendered("national-pack.pdf", new JasperReportRenderer().nationalPack(DATA));
        text = Pdfs.text(doc);
        pages = doc.getNumberOfPages();
    }

    @AfterAll
    static void close() throws IOException {
        doc.close();
    }

    @Test
    void fixtureIsEnglandSized() {
        assertThat(DATA.regions()).hasSize(7);
        assertThat(DATA.icss()).hasSize(42);
        assertThat(DATA.trusts()).hasSize(205);
        assertThat(unapproved()).hasSizeBetween(20, 40);
    }

    @Test
    void sectionsComeInOrder() {
        Pdfs.assertInOrder(text, "OFFICIAL", "National board pack", "England", "Assessment cycle: 2026/27", "Generated 25 November 2026",
                Fixtures.FOOTPRINT, "Executive summary", "Regions", "Integrated care systems", "Trusts by characteristic",
                "Characteristics compared", "1. Leadership: Led by the executive, framed as outcomes",
                "7. Culture: Lived in culture, practices and processes", "Trusts without an approved assessment", "Methodology");
        // No per-trust profiles: those are in the ICS packs.
        assertThat(text).doesNotContain("Scores against the medians").doesNotContain("Top actions");
    }

    @Test
    void executiveSummaryGivesSubmissionsStrengthsAndWhoNeedsSupport() {
        String summary = Pdfs.page(doc, 2);
        int approved = DATA.trusts().size() - unapproved().size();
        int submitted = approved + (int) unapproved().stream().filter(t -> t.status().equals("SUBMITTED")).count();
        assertThat(summary).contains("205 trusts in England, in 42 integrated care systems and 7 regions.")
                .contains(submitted + " of 205 trusts submitted (" + NationalPackModel.rate(submitted, 205) + "), " + approved
                        + " approved (" + NationalPackModel.rate(approved, 205) + ").");
        String squashed = Pdfs.squash(summary);
        // Basics is the strongest nationally, Clarity and Focus the weakest, each with its RAG in words.
        assertThat(squashed).contains(Pdfs.squash("By national median: Basics (Fixes the basics first), national median "
                        + Fmt.medianWithRag(DATA.characteristics().get(2).nationalMedian())))
                .containsPattern(Pattern.quote(Pdfs.squash("By national median: Clarity (Clear, measurable and credible), national median"))
                        + "\\d\\.\\d(Red|Amber|Green)");
        long needing = DATA.trusts().stream()
                .filter(t -> !t.status().equals("APPROVED") || t.scores().stream().anyMatch(s -> "Red".equals(Fmt.rag(s)))).count();
        assertThat(summary).contains(needing + " of 205 trusts need support (any red characteristic, or no approved assessment)")
                .contains("The five ICSs with the most trusts needing support:");
        // A short list of ICSs, not every trust's name.
        assertThat(Pattern.compile("^• .* ICS: \\d+ of \\d+ trusts$", Pattern.MULTILINE).matcher(summary).results().count()).isEqualTo(5);
        // Every ICS as badly placed as the fifth is counted, not silently cut.
        long allFive = DATA.icss().stream().filter(ics -> ics.trusts() == 5 && DATA.trusts().stream()
                .filter(t -> t.icsName().equals(ics.name()))
                .allMatch(t -> !t.status().equals("APPROVED") || t.scores().stream().anyMatch(s -> "Red".equals(Fmt.rag(s))))).count();
        assertThat(allFive).isGreaterThan(5);
        assertThat(summary).contains("• and " + (allFive - 5) + " more ICSs with 5 of 5 trusts");
        assertThat(summary).doesNotContain("Fictional");
    }

    @Test
    void regionsTableHasEveryRegionAndEnglandWithMediansAsTextAndColour() throws IOException {
        int page = pageContaining("Regions\n");
        String squashed = Pdfs.squash(Pdfs.page(doc, page));
        for (NationalPackData.Area r : DATA.regions()) {
            List<String> cells = new ArrayList<>();
            for (MedianFigure m : r.medians()) {
                cells.add(Fmt.scoreWithRag(Fmt.shown(m), NationalPackModel.WITHHELD_CELL));
            }
            assertThat(squashed).as(r.name()).contains(Pdfs.squash(r.name() + " " + r.trusts() + " " + r.submitted() + " " + r.approved()
                    + " " + String.join(" ", cells)));
        }
        assertThat(squashed).contains(Pdfs.squash("England (" + DATA.characteristics().get(0).nationalMedian().trusts() + " trusts) 205"));
        assertThat(Pdfs.hasColour(doc, page, 0xFFB81C)).as("amber fill").isTrue();
        assertThat(Pdfs.hasColour(doc, page, 0x007F3B)).as("green fill").isTrue();
    }

    @Test
    void icsHeatmapHasEveryIcsWithItsRegionThenTheNationalMedianAndSaysWhereAMedianIsWithheld() {
        String icsPages = Pdfs.squash(pagesBetween("Integrated care systems\n", "Trusts by characteristic\n"));
        int from = 0;
        for (NationalPackData.Area ics : DATA.icss()) {
            String row = Pdfs.squash(ics.name() + " " + ics.parentName() + " " + ics.approved() + " of " + ics.trusts());
            int at = icsPages.indexOf(row, from);
            assertThat(at).as(ics.name()).isGreaterThanOrEqualTo(0);
            from = at + row.length();
        }
        int approved = DATA.trusts().size() - unapproved().size();
        assertThat(icsPages.indexOf(Pdfs.squash("National median (" + approved + " trusts) England " + approved + " of 205"), from))
                .isPositive();
        // Somerset has two approved trusts: every median is withheld, and no value of it is printed.
        assertThat(icsPages).contains(Pdfs.squash("Somerset ICS South West 2 of 3 " + "Withheld ".repeat(7)));
        assertThat(icsPages).contains(Pdfs.squash("A median of fewer than 3 trusts is \"Withheld\""));
    }

    @Test
    void everyTrustIsInTheHeatmapUnderItsRegionAndIcsWithScoresAndRagInWords() {
        String heat = Pdfs.squash(pagesBetween("Trusts by characteristic\n", "Characteristics compared\n"));
        int from = 0;
        String region = null;
        String ics = null;
        for (NationalPackData.Trust t : DATA.trusts()) {
            List<String> needles = new ArrayList<>();
            if (!t.regionName().equals(region)) {
                needles.add(t.regionName());
                region = t.regionName();
            }
            if (!t.icsName().equals(ics)) {
                needles.add(t.icsName());
                ics = t.icsName();
            }
            List<String> cells = new ArrayList<>();
            for (BigDecimal s : t.scores()) {
                // The RAG word right after its score: the rating never rests on colour alone.
                cells.add(s == null ? "Not scored" : s.toPlainString() + " " + Fmt.rag(s));
            }
            needles.add(t.name() + " " + String.join(" ", cells));
            for (String n : needles) {
                int at = heat.indexOf(Pdfs.squash(n), from);
                assertThat(at).as("\"%s\" in order", n).isGreaterThanOrEqualTo(0);
                from = at + Pdfs.squash(n).length();
            }
        }
    }

    @Test
    void trustHeatmapSpansPagesWithItsColumnHeaderOnEach() {
        int first = pageContaining("Trusts by characteristic\n");
        int charts = pageContaining("Characteristics compared\n");
        assertThat(charts - first).as("heatmap pages").isBetween(6, 14);
        for (int p = first; p < charts; p++) {
            assertThat(Pdfs.squash(Pdfs.page(doc, p))).as("page %d", p)
                    .contains(Pdfs.squash("Trust 1 Leadership 2 Context 3 Basics 4 Clarity 5 Horizon 6 Focus 7 Culture"));
        }
    }

    @Test
    void oneChartPerCharacteristicWithEveryIcsAndTheNationalMedianInItsAltText() {
        List<PDStructureElement> figures = Pdfs.structure(doc, "Figure");
        assertThat(figures).hasSize(7);
        for (int c = 0; c < figures.size(); c++) {
            String alt = figures.get(c).getAlternateDescription();
            NationalPackData.Characteristic ch = DATA.characteristics().get(c);
            assertThat(alt).startsWith("Bar chart of the " + Fmt.shortName(ch.code(), ch.name()) + " median of each of 42 integrated care systems")
                    .contains("national median " + Fmt.median(ch.nationalMedian()))
                    .contains("Somerset ICS Withheld: fewer than 3 trusts");
            for (NationalPackData.Area ics : DATA.icss()) {
                assertThat(alt).contains(ics.name() + " ");
            }
        }
        String firstChart = Pdfs.page(doc, pageContaining("1. Leadership: Led by the executive"));
        assertThat(firstChart).contains("ICS median score (1 Not in place to 5 Leading)").contains("National median")
                .contains("Somerset ICS (withheld)").contains("Gloucestershire ICS");
    }

    @Test
    void unapprovedTrustsAreListedByIcsWithTheirStatus() {
        String list = pagesBetween("Trusts without an approved assessment\n", "Methodology\n");
        List<NationalPackData.Trust> unapproved = unapproved();
        assertThat(list).contains(unapproved.size() + " of 205 trusts in England have no approved assessment in this cycle");
        String squashed = Pdfs.squash(list);
        int from = 0;
        for (NationalPackData.Trust t : unapproved) {
            String line = Pdfs.squash("• " + t.name() + " (" + t.odsCode() + "): " + Fmt.status(t.status()).toLowerCase(java.util.Locale.UK));
            int at = squashed.indexOf(line, from);
            assertThat(at).as(t.name()).isGreaterThanOrEqualTo(0);
            from = at + line.length();
        }
        assertThat(squashed).contains(Pdfs.squash("Somerset ICS (1 of 3 trusts)"));
        assertThat(list).doesNotContain("<b>");
    }

    @Test
    void methodologyExplainsScaleRagMediansAndWithholding() {
        String m = Pdfs.squash(Pdfs.page(doc, pages));
        assertThat(m).contains("Methodology").contains(Pdfs.squash("Red when s is below 2.5")).contains(Pdfs.squash("2.5 <= s < 3.5"))
                .contains(Pdfs.squash("the national median across all trusts in England"))
                .contains(Pdfs.squash("A median of fewer than 3 trusts is withheld"))
                .contains(Pdfs.squash("Organisations: " + Fixtures.FOOTPRINT))
                .doesNotContain("peer").doesNotContain(Pdfs.squash("Change since last cycle"));
    }

    @Test
    void everyPageIsA4MarkedOfficialAndNumberedPageXOfY() {
        for (int i = 1; i <= pages; i++) {
            assertThat(Pdfs.page(doc, i)).as("page %d", i).contains("OFFICIAL").contains("Page " + i + " of " + pages);
            assertThat(doc.getPage(i - 1).getMediaBox().getWidth()).isEqualTo(595f);
            assertThat(doc.getPage(i - 1).getMediaBox().getHeight()).isEqualTo(842f);
        }
        assertThat(pages).isBetween(18, 30);
    }

    @Test
    void isTaggedInBritishEnglishWithTitleAndBookmarks() {
        assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
        assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
        assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("National board pack 2026/27");
        assertThat(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
        assertThat(Pdfs.structure(doc, "H1")).hasSizeGreaterThanOrEqualTo(8);
        List<String> top = new ArrayList<>();
        for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
            top.add(item.getTitle());
        }
        assertThat(top).containsExactly("Cover", "Executive summary", "Regions", "Integrated care systems", "Trusts by characteristic",
                "Characteristics compared", "Trusts without an approved assessment", "Methodology");
    }

    @Test
    void noTextOverlapsAndNoPageIsBlank() throws IOException {
        for (int p = 1; p <= pages; p++) {
            assertThat(Pdfs.overlappingGlyphs(doc, p)).as("page %d", p).isEmpty();
        }
        assertThat(Pdfs.blankPages(doc)).isEmpty();
    }

    @Test
    void noWordIsBrokenAcrossLinesInTheNarrowColumns() {
        // A heatmap cell too narrow for its word would wrap it: "Amb" / "er", "Withheld" / ":".
        assertThat(text).doesNotContainPattern("(?m)^(er|ber|een|ed|d|:)\\b").doesNotContain("Submitte\n");
    }

    @Test
    void everyFontIsLiberationSansEmbedded() throws IOException {
        assertThat(Pdfs.fontsNotEmbedded(doc)).isEmpty();
        assertThat(Pdfs.fontNames(doc)).isNotEmpty().allSatisfy(name -> assertThat(name).contains("LiberationSans"));
    }

    @Test
    void figuresAreOneDecimalEverywhere() {
        assertThat(text).doesNotContainPattern("\\b\\d\\.\\d\\d\\b");
    }

    private static List<NationalPackData.Trust> unapproved() {
        return DATA.trusts().stream().filter(t -> !t.status().equals("APPROVED")).toList();
    }

    private static int pageContaining(String s) {
        for (int i = 1; i <= pages; i++) {
            if (Pdfs.page(doc, i).contains(s)) {
                return i;
            }
        }
        throw new AssertionError("No page contains " + s);
    }

    /** The text from the page with the first heading to the page before the second's. */
    private static String pagesBetween(String heading, String next) {
        StringBuilder out = new StringBuilder();
        for (int p = pageContaining(heading); p < pageContaining(next); p++) {
            out.append(Pdfs.page(doc, p));
        }
        return out.toString();
    }
}
