package uk.nhs.strategycheck.reporting;

import java.nio.file.Files;
import java.nio.file.Path;

/** Writes sample PDFs to look at: mvn -pl reporting test-compile, then run this class. Not a test. */
public class WritePdfs {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/sample-pdfs");
        Files.createDirectories(dir);
        JasperReportRenderer r = new JasperReportRenderer();
        Files.write(dir.resolve("board-pack.pdf"), r.boardPack(Fixtures.boardPack()));
        Files.write(dir.resolve("trust-report.pdf"), r.trustReport(Fixtures.trustReport()));
        Files.write(dir.resolve("board-pack-100.pdf"), r.boardPack(Fixtures.boardPack("Synthetic ICS", "QZZ", Fixtures.syntheticTrusts(100))));
        System.out.println("Written to " + dir.toAbsolutePath());
    }
}
