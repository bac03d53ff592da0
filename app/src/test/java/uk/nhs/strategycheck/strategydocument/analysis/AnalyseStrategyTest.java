package uk.nhs.strategycheck.strategydocument.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line, in this JVM: one JSON line per file, and the exit code says whether any was refused. */
class AnalyseStrategyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsOneJsonLinePerFile() throws Exception {
        int exit = run(StrategyFixtures.goodPdf().toString(), StrategyFixtures.goodDocx().toString());
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(exit).isZero();
        assertThat(lines).hasSize(2);
        JsonNode pdf = JSON.readTree(lines[0]);
        assertThat(pdf.path("file").asText()).endsWith("riverside-digital-strategy.pdf");
        assertThat(pdf.path("pages").asInt()).isEqualTo(17);
        assertThat(pdf.path("horizon").path("from").asInt()).isEqualTo(2025);
        assertThat(pdf.path("foreword").path("signatory_role").asText()).isEqualTo("CHIEF_EXECUTIVE");
        JsonNode docx = JSON.readTree(lines[1]);
        assertThat(docx.path("media_type").asText()).isEqualTo(TextExtractor.DOCX);
        assertThat(docx.path("characteristics").size()).isEqualTo(7);
    }

    @Test
    void aRefusedFileIsAnErrorLineAndExitCodeTwo() throws Exception {
        int exit = run(StrategyFixtures.goodDocx().toString(), StrategyFixtures.encrypted().toString());
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(exit).isEqualTo(2);
        assertThat(JSON.readTree(lines[1]).path("error").path("reason").asText()).isEqualTo("ENCRYPTED");
    }

    @Test
    void noFileIsAUsageError() {
        assertThat(run()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage");
    }

    private int run(String... files) {
        return AnalyseStrategy.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), files);
    }
}
