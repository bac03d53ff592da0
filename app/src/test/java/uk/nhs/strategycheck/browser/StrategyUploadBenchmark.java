package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.strategydocument.analysis.StrategyFixtures;

/**
 * A benchmark, not a test: what a trust editor waits for when uploading a 60-page strategy, from
 * choosing the file in the browser to the page saying it was checked and saved, through the
 * running service (upload, analysis off the UI thread, storing in PostgreSQL, the page redrawn).
 * Prints p50 and p95 over the measured uploads.
 *
 * <p>Run it with {@code ./mvnw -pl app -am test -Dtest=StrategyUploadBenchmark -Dgroups=benchmark
 * -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class StrategyUploadBenchmark extends BrowserTest {

    private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 3);
    private static final int ITERATIONS = Integer.getInteger("benchmark.iterations", 15);
    private static final int PAGES = 60;

    @Autowired
    TestDatabase database;

    @AfterEach
    void removeTheUploads() {
        database.owner().update("delete from strategy_document where trust_id = (select id from trust where ods_code = 'RJ1')");
    }

    @Test
    void uploadsASixtyPageStrategy() {
        byte[] pdf = StrategyFixtures.longPdf(PAGES);
        signInAs("editor@demo.example");
        open("strategy-document");
        var status = page.locator(".document-status");
        long[] nanos = new long[ITERATIONS];
        for (int i = 0; i < WARM_UP + ITERATIONS; i++) {
            var name = "strategy-" + i + ".pdf";
            long start = System.nanoTime();
            page.locator("vaadin-upload input[type=file]").setInputFiles(new FilePayload(name, "application/pdf", pdf));
            assertThat(status).containsText("Checked and saved: " + name, new LocatorAssertions.ContainsTextOptions()
                    .setTimeout(60_000));
            if (i >= WARM_UP) {
                nanos[i - WARM_UP] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.UK, "Strategy upload through the service, %d-page PDF of %,d bytes, %d uploads after %d "
                        + "warm-up: choose file to \"Checked and saved\" p50 %.0f ms, p95 %.0f ms%n", PAGES, pdf.length,
                ITERATIONS, WARM_UP, nanos[ITERATIONS / 2] / 1e6, nanos[(int) Math.ceil(ITERATIONS * 0.95) - 1] / 1e6);
    }
}
