package uk.nhs.strategycheck.strategydocument.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentRejected.Reason;

/** The JSON of STRATEGY-CHECK.md: its field names, and back to the same analysis. */
class AnalysisJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCorpusAnalysisRoundTripsExactly() throws Exception {
        StrategyAnalyser analyser = new StrategyAnalyser();
        for (var document : StrategyFixtures.corpus()) {
            DocumentAnalysis analysis = analyser.analyse(document.getFileName().toString(),
                    StrategyFixtures.bytes(document), AnalysisProgress.NONE);
            assertThat(AnalysisJson.read(AnalysisJson.write(analysis))).isEqualTo(analysis);
        }
    }

    /** PostgreSQL's jsonb keeps keys shortest first, then alphabetically; the characteristics still come in framework order. */
    @Test
    void characteristicsReadBackInTheFrameworksOrderWhateverOrderTheJsonKeeps() throws Exception {
        DocumentAnalysis analysis = new StrategyAnalyser().analyse("riverside.pdf",
                StrategyFixtures.bytes(StrategyFixtures.goodPdf()), AnalysisProgress.NONE);
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(AnalysisJson.write(analysis));
        var characteristics = (com.fasterxml.jackson.databind.node.ObjectNode) json.get("characteristics");
        var sorted = JSON.createObjectNode();
        var keys = new ArrayList<>(DocumentAnalysis.CHARACTERISTICS);
        keys.sort(java.util.Comparator.comparing(String::length).thenComparing(java.util.Comparator.naturalOrder()));
        keys.forEach(key -> sorted.set(key, characteristics.get(key)));
        json.set("characteristics", sorted);

        assertThat(AnalysisJson.read(json.toString()).characteristics().keySet())
                .containsExactlyElementsOf(DocumentAnalysis.CHARACTERISTICS);
    }

    @Test
    void usesTheFieldNamesOfTheDesign() throws Exception {
        DocumentAnalysis analysis = new StrategyAnalyser().analyse("riverside.pdf",
                StrategyFixtures.bytes(StrategyFixtures.goodPdf()), AnalysisProgress.NONE);
        JsonNode json = JSON.readTree(AnalysisJson.write(analysis));
        assertThat(names(json)).containsExactly("file", "media_type", "pages", "words", "horizon", "review_cadence",
                "foreword", "priorities", "targets", "exclusions", "basics", "emerging", "user_research",
                "characteristics");
        assertThat(names(json.path("horizon"))).containsExactly("from", "to", "years", "quote", "page");
        assertThat(names(json.path("review_cadence"))).containsExactly("quote", "page");
        assertThat(names(json.path("foreword"))).containsExactly("signatory_role", "quote", "page");
        assertThat(names(json.path("priorities"))).containsExactly("count", "items");
        assertThat(names(json.path("priorities").path("items").get(0))).containsExactly("text", "page");
        assertThat(names(json.path("targets").get(0))).containsExactly("quote", "page");
        assertThat(names(json.path("basics").get(0))).containsExactly("term", "quote", "page");
        assertThat(names(json.path("emerging").get(0))).containsExactly("term", "quote", "page");
        assertThat(names(json.path("characteristics"))).containsExactlyElementsOf(DocumentAnalysis.CHARACTERISTICS);
        JsonNode leadership = json.path("characteristics").path("LEADERSHIP");
        assertThat(names(leadership)).containsExactly("suggested_score", "rule", "signals");
        assertThat(names(leadership.path("signals").get(0))).containsExactly("code", "sign", "quote", "page");
        assertThat(leadership.path("signals").get(0).path("sign").asText()).isEqualTo("good");
        assertThat(json.path("media_type").asText()).isEqualTo("application/pdf");
    }

    @Test
    void absentFactsAreNullAndAnUnknownSignatoryHasNoQuote() throws Exception {
        DocumentAnalysis analysis = new StrategyAnalyser().analyse("moorland.docx",
                StrategyFixtures.bytes(StrategyFixtures.document("moorland-acute-strategy.docx")), AnalysisProgress.NONE);
        JsonNode json = JSON.readTree(AnalysisJson.write(analysis));
        assertThat(json.path("review_cadence").isNull()).isTrue();
        assertThat(json.path("foreword").path("signatory_role").asText()).isEqualTo("UNKNOWN");
        assertThat(json.path("foreword").path("quote").isNull()).isTrue();
        assertThat(AnalysisJson.read(json.toString())).isEqualTo(analysis);
    }

    @Test
    void aRejectedFileIsItsReasonAndMessage() throws Exception {
        JsonNode json = JSON.readTree(AnalysisJson.writeRejected("locked.pdf",
                new DocumentRejected(Reason.ENCRYPTED, "This PDF is protected with a password.")));
        assertThat(json.path("file").asText()).isEqualTo("locked.pdf");
        assertThat(json.path("error").path("reason").asText()).isEqualTo("ENCRYPTED");
        assertThat(json.path("error").path("message").asText()).isEqualTo("This PDF is protected with a password.");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
