package uk.nhs.strategycheck.strategydocument.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
