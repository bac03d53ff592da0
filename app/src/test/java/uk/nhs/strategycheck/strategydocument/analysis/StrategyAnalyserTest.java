package uk.nhs.strategycheck.strategydocument.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** What every analysis promises the service: progress, all seven characteristics, short verbatim quotes, one shared instance. */
class StrategyAnalyserTest {

    private final StrategyAnalyser analyser = new StrategyAnalyser();

    @Test
    void tellsProgressFromReadingToDone() throws Exception {
        List<String> steps = Collections.synchronizedList(new ArrayList<>());
        List<Double> fractions = Collections.synchronizedList(new ArrayList<>());
        analyser.analyse("riverside.pdf", StrategyFixtures.bytes(StrategyFixtures.goodPdf()), (fraction, step) -> {
            fractions.add(fraction);
            steps.add(step);
        });
        assertThat(steps).startsWith("Reading the file", "Reading the PDF", "Reading page 1 of 17")
                .contains("Reading page 17 of 17", "Finding signals").endsWith("Done");
        assertThat(fractions).isSorted().last().isEqualTo(1.0);
    }

    @Test
    void readsAWebPageAsOnePage() throws Exception {
        String html = "<!DOCTYPE html><html><head><title>Strategy</title></head><body>"
                + lakeside().replaceAll("(?m)^(.+)$", "<p>$1</p>") + "</body></html>";
        DocumentAnalysis analysis = analyser.analyse("lakeside.html", html.getBytes(StandardCharsets.UTF_8),
                AnalysisProgress.NONE);
        assertThat(analysis.mediaType()).isEqualTo("text/html");
        assertThat(analysis.pages()).isEqualTo(1);
        assertThat(analysis.horizon().to()).isEqualTo(2027);
        assertThat(analysis.foreword().signatoryRole()).isEqualTo(DocumentAnalysis.SignatoryRole.CHIEF_EXECUTIVE);
    }

    @Test
    void readsAnOpenDocumentTextPageByPage() throws Exception {
        StringBuilder content = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
                + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
                + "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                + "<office:automatic-styles><style:style style:name=\"P1\" style:family=\"paragraph\">"
                + "<style:paragraph-properties fo:break-before=\"page\"/></style:style></office:automatic-styles>"
                + "<office:body><office:text>");
        for (String line : lakeside().split("\n")) {
            // A new page at "Our three priorities" (a page-break style) and a soft break before "What we heard".
            String style = line.equals("Our three priorities") ? " text:style-name=\"P1\"" : "";
            if (line.equals("What we heard")) {
                content.append("<text:soft-page-break/>");
            }
            content.append("<text:p").append(style).append(">").append(line.replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</text:p>");
        }
        content.append("</office:text></office:body></office:document-content>");
        ByteArrayOutputStream odt = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(odt)) {
            ZipEntry mimetype = new ZipEntry("mimetype");
            byte[] type = TextExtractor.ODT.getBytes(StandardCharsets.US_ASCII);
            CRC32 crc = new CRC32();
            crc.update(type);
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(type.length);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.toString().getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:"
                    + "tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"/\" "
                    + "manifest:media-type=\"" + TextExtractor.ODT + "\"/><manifest:file-entry "
                    + "manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        DocumentAnalysis analysis = analyser.analyse("lakeside.odt", odt.toByteArray(), AnalysisProgress.NONE);
        assertThat(analysis.mediaType()).isEqualTo(TextExtractor.ODT);
        assertThat(analysis.pages()).isEqualTo(3);
        assertThat(analysis.horizon().from()).isEqualTo(2025);
        assertThat(analysis.priorities().items()).allMatch(item -> item.page() == 2);
        assertThat(analysis.targets()).hasSize(2).allMatch(target -> target.page() == 3);
    }

    private static String lakeside() {
        return new String(StrategyFixtures.bytes(StrategyFixtures.document("lakeside-short-strategy.txt")),
                StandardCharsets.UTF_8);
    }

    @Test
    void everyAnalysisIsComplete() throws Exception {
        for (var document : StrategyFixtures.corpus()) {
            DocumentAnalysis analysis = analyser.analyse(document.getFileName().toString(),
                    StrategyFixtures.bytes(document), AnalysisProgress.NONE);
            assertThat(analysis.characteristics().keySet()).containsExactlyElementsOf(DocumentAnalysis.CHARACTERISTICS);
            analysis.characteristics().values().forEach(finding -> {
                assertThat(finding.suggestedScore()).isBetween(1, 5);
                assertThat(finding.rule()).startsWith("Starts at 3").endsWith(String.valueOf(finding.suggestedScore()));
            });
            assertThat(analysis.words()).isPositive();
            assertThat(analysis.pages()).isPositive();
            assertThat(analysis.foreword()).isNotNull();
            assertThat(List.of(analysis.targets(), analysis.exclusions(), analysis.basics(), analysis.emerging(),
                    analysis.userResearch(), analysis.priorities().items())).doesNotContainNull();
        }
    }

    @Test
    void quotesAreVerbatimAndAtMostTwentyFiveWords() throws Exception {
        for (var document : StrategyFixtures.corpus()) {
            DocumentAnalysis analysis = analyser.analyse(document.getFileName().toString(),
                    StrategyFixtures.bytes(document), AnalysisProgress.NONE);
            analysis.characteristics().values().stream().flatMap(finding -> finding.signals().stream())
                    .forEach(signal -> {
                        assertThat(signal.quote().split(" ")).hasSizeLessThanOrEqualTo(Excerpt.MAX_WORDS);
                        assertThat(signal.page()).isBetween(1, analysis.pages());
                    });
        }
    }

    @Test
    void oneAnalyserServesManyDocumentsAtOnce() throws Exception {
        List<java.nio.file.Path> corpus = StrategyFixtures.corpus();
        List<DocumentAnalysis> alone = new ArrayList<>();
        for (var document : corpus) {
            alone.add(analyser.analyse(document.toString(), StrategyFixtures.bytes(document), AnalysisProgress.NONE));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<DocumentAnalysis>> together = new ArrayList<>();
            for (var document : corpus) {
                together.add(pool.submit(() -> analyser.analyse(document.toString(), StrategyFixtures.bytes(document),
                        AnalysisProgress.NONE)));
            }
            for (int i = 0; i < corpus.size(); i++) {
                assertThat(together.get(i).get()).isEqualTo(alone.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
