package uk.nhs.strategycheck.strategydocument.analysis;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The analyser on the command line: one JSON object per file, one per line, on standard output.
 * Exit code 0 when every file was analysed, 2 when any was rejected, 1 on a usage error.
 * No web service, database or Spring context is started.
 */
public final class AnalyseStrategy {

    private AnalyseStrategy() {
    }

    public static void main(String... files) {
        System.exit(run(System.out, System.err, files));
    }

    static int run(PrintStream out, PrintStream err, String... files) {
        if (files.length == 0) {
            err.println("Usage: analyse-strategy.sh FILE...  (PDF, DOCX, ODT, HTML or plain text)");
            return 1;
        }
        StrategyAnalyser analyser = new StrategyAnalyser();
        int exit = 0;
        for (String file : files) {
            byte[] content;
            try {
                content = readAtMost(Path.of(file));
            } catch (IOException e) {
                err.println("Cannot read " + file + ": " + e.getMessage());
                return 1;
            }
            try {
                out.println(AnalysisJson.write(analyser.analyse(file, content, AnalysisProgress.NONE)));
            } catch (DocumentRejected rejected) {
                out.println(AnalysisJson.writeRejected(file, rejected));
                exit = 2;
            }
        }
        return exit;
    }

    /** The file, or its first bytes past the limit: enough for the analyser to refuse it as too large. */
    private static byte[] readAtMost(Path file) throws IOException {
        if (Files.size(file) <= StrategyAnalyser.MAX_BYTES) {
            return Files.readAllBytes(file);
        }
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(StrategyAnalyser.MAX_BYTES + 1);
        }
    }
}
