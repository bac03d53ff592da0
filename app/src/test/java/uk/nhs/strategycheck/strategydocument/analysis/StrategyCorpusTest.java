package uk.nhs.strategycheck.strategydocument.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis.Signal;

/**
 * The analyser over the whole evaluation corpus against the expected results written beside each
 * document. A found signal matches an expected one with the same code, sign and page whose key
 * phrase is in its quote. Prints precision and recall; fails below 90% of either, and on any
 * wrong period, foreword signatory or exclusion.
 */
class StrategyCorpusTest {

    private static final double LEAST_PRECISION = 0.9;
    private static final double LEAST_RECALL = 0.9;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Expected(String code, String sign, int page, String phrase) {
        boolean matches(Signal signal) {
            return signal.code().equals(code) && signal.sign().name().equalsIgnoreCase(sign) && signal.page() == page
                    && normalise(signal.quote()).contains(normalise(phrase));
        }
    }

    @Test
    void findsTheExpectedSignalsFactsAndNothingMuchElse() throws Exception {
        StrategyAnalyser analyser = new StrategyAnalyser();
        List<Path> corpus = StrategyFixtures.corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(12);
        int found = 0;
        int expectedTotal = 0;
        int matched = 0;
        List<String> problems = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (Path document : corpus) {
            String name = document.getFileName().toString();
            JsonNode expected = JSON.readTree(StrategyFixtures.expectedResults(document).toFile());
            DocumentAnalysis analysis = analyser.analyse(name, StrategyFixtures.bytes(document), AnalysisProgress.NONE);
            checkFacts(name, expected, analysis, problems);
            List<Signal> signals = analysis.characteristics().values().stream()
                    .flatMap(finding -> finding.signals().stream()).toList();
            List<Signal> unmatched = new ArrayList<>(signals);
            for (JsonNode node : expected.path("signals")) {
                Expected want = new Expected(node.path("code").asText(), node.path("sign").asText(),
                        node.path("page").asInt(), node.path("phrase").asText());
                expectedTotal++;
                Signal hit = unmatched.stream().filter(want::matches).findFirst().orElse(null);
                if (hit == null) {
                    misses.add(name + ": missed " + want);
                } else {
                    matched++;
                    unmatched.remove(hit);
                }
            }
            found += signals.size();
            unmatched.forEach(extra -> misses.add(name + ": not expected " + extra));
        }
        double precision = (double) matched / found;
        double recall = (double) matched / expectedTotal;
        System.out.printf(Locale.UK, "Strategy corpus: %d documents, %d signals found, %d expected, %d matched: "
                + "precision %.1f%%, recall %.1f%%%n", corpus.size(), found, expectedTotal, matched,
                100 * precision, 100 * recall);
        misses.forEach(miss -> System.out.println("  " + miss));
        assertThat(problems).isEmpty();
        assertThat(precision).isGreaterThanOrEqualTo(LEAST_PRECISION);
        assertThat(recall).isGreaterThanOrEqualTo(LEAST_RECALL);
    }

    private static void checkFacts(String name, JsonNode expected, DocumentAnalysis analysis, List<String> problems) {
        JsonNode horizon = expected.path("horizon");
        String wantHorizon = horizon.isNull() ? "none" : horizon.path("from").asInt() + "-" + horizon.path("to").asInt();
        String gotHorizon = analysis.horizon() == null ? "none"
                : analysis.horizon().from() + "-" + analysis.horizon().to();
        if (!wantHorizon.equals(gotHorizon)) {
            problems.add(name + ": period " + gotHorizon + ", expected " + wantHorizon);
        }
        String wantRole = expected.path("signatory_role").asText();
        if (!wantRole.equals(analysis.foreword().signatoryRole().name())) {
            problems.add(name + ": foreword signed by " + analysis.foreword().signatoryRole() + ", expected " + wantRole);
        }
        List<String> wantExclusions = new ArrayList<>();
        expected.path("exclusions").forEach(phrase -> wantExclusions.add(phrase.asText()));
        boolean sameExclusions = wantExclusions.size() == analysis.exclusions().size()
                && wantExclusions.stream().allMatch(phrase -> analysis.exclusions().stream()
                .anyMatch(quote -> normalise(quote.quote()).contains(normalise(phrase))));
        if (!sameExclusions) {
            problems.add(name + ": exclusions " + analysis.exclusions() + ", expected " + wantExclusions);
        }
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
