package uk.nhs.strategycheck.strategydocument.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentRejected.Reason;

/** Every kind of file a user must be refused gets its reason and a message they can act on, quickly. */
class BadDocumentsTest {

    private static final Duration QUICKLY = Duration.ofSeconds(20);
    private final StrategyAnalyser analyser = new StrategyAnalyser();

    @Test
    void anEmptyFileIsEmpty() {
        assertRejected(StrategyFixtures.empty(), Reason.EMPTY, "empty");
    }

    @Test
    void aFileOfBlankSpaceIsEmpty() {
        assertRejected(analyser, " \n\t \n".getBytes(StandardCharsets.UTF_8), Reason.EMPTY, "no words");
    }

    @Test
    void aFileOverTheLimitIsTooLargeBeforeItIsRead() {
        assertRejected(StrategyFixtures.oversized(), Reason.TOO_LARGE, "largest we accept is 20 MB");
    }

    @Test
    void aProgramNamedAsPdfIsNotADocument() {
        assertRejected(StrategyFixtures.program(), Reason.UNSUPPORTED_TYPE, "a program");
    }

    @Test
    void anArchiveNamedAsPdfIsNotADocument() {
        assertRejected(StrategyFixtures.archive(), Reason.UNSUPPORTED_TYPE, "compressed archive");
    }

    @Test
    void aPictureNamedAsPdfIsNotADocument() throws Exception {
        BufferedImage picture = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        assertRejected(analyser, png.toByteArray(), Reason.UNSUPPORTED_TYPE, "an image (PNG)");
    }

    @Test
    void aSpreadsheetNamedAsPdfIsNotADocument() throws Exception {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Budget").createRow(0).createCell(0).setCellValue("Digital strategy budget");
            workbook.write(xlsx);
        }
        assertRejected(analyser, xlsx.toByteArray(), Reason.UNSUPPORTED_TYPE, "a spreadsheet");
    }

    @Test
    void aPasswordProtectedPdfIsEncrypted() {
        assertRejected(StrategyFixtures.encrypted(), Reason.ENCRYPTED, "without a password");
    }

    @Test
    void aScannedPdfHasNoTextLayer() {
        assertRejected(StrategyFixtures.scanned(), Reason.NO_TEXT_LAYER, "scan");
    }

    @Test
    void aDecompressionBombIsTooComplex() {
        assertRejected(StrategyFixtures.bomb(), Reason.TOO_COMPLEX, "far more than a strategy");
    }

    @Test
    void farMoreTextThanAStrategyIsTooComplex() {
        byte[] text = "strategy ".repeat(StrategyAnalyser.CHARACTER_LIMIT / 8).getBytes(StandardCharsets.UTF_8);
        assertRejected(analyser, text, Reason.TOO_COMPLEX, "far more than a strategy");
    }

    @Test
    void aDamagedPdfIsUnreadable() {
        assertRejected(StrategyFixtures.damaged(), Reason.UNREADABLE, "damaged");
    }

    @Test
    void aCanteenMenuIsNotAStrategy() {
        assertRejected(StrategyFixtures.notAStrategy(), Reason.NOT_A_STRATEGY, "does not look like a digital strategy");
    }

    @Test
    void aFewLinesAreNotAStrategy() {
        byte[] note = "Digital strategy: to follow. Please see the board papers.".getBytes(StandardCharsets.UTF_8);
        assertRejected(analyser, note, Reason.NOT_A_STRATEGY, "too short");
    }

    @Test
    void readingThatTakesTooLongIsStopped() {
        // No time at all: a warm parser reads the small PDF in under a millisecond (seen in CI), and its
        // result may even be there before the extractor asks for it; over the limit all the same.
        StrategyAnalyser impatient = new StrategyAnalyser(Duration.ZERO);
        assertRejected(impatient, StrategyFixtures.bytes(StrategyFixtures.goodPdf()), Reason.TOO_SLOW, "took too long");
    }

    private void assertRejected(Path file, Reason reason, String words) {
        assertRejected(analyser, StrategyFixtures.bytes(file), reason, words);
    }

    private static void assertRejected(StrategyAnalyser analyser, byte[] content, Reason reason, String words) {
        long start = System.nanoTime();
        DocumentRejected rejected = catchThrowableOfType(DocumentRejected.class,
                () -> analyser.analyse("upload.pdf", content, AnalysisProgress.NONE));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(rejected).as("rejected").isNotNull();
        assertThat(rejected.reason()).isEqualTo(reason);
        assertThat(rejected.getMessage()).contains(words).doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("tika").endsWith(".");
        assertThat(took).isLessThan(QUICKLY);
    }
}
