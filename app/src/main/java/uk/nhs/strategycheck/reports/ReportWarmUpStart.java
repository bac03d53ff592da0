package uk.nhs.strategycheck.reports;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import uk.nhs.strategycheck.reporting.JasperReportRenderer;

/**
 * Begins the warm-up's made-up PDFs (see {@link ReportWarmUp}) as soon as the application's settings
 * are read, before its context is refreshed: they need neither the database nor any bean. Begun when
 * the warm-up bean was made, about 3 s into a start, they could still be running when the rest was
 * done; begun here, they are done before it. Registered in META-INF/spring.factories;
 * with {@code dsc.reports.warm-up=false} nothing is begun, and there is no warm-up bean to wait for them.
 */
public class ReportWarmUpStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getEnvironment().getProperty(ReportWarmUp.ENABLED, Boolean.class, true)) {
            context.getBeanFactory().registerSingleton("madeUpReports", MadeUpReports.begin());
        }
    }

    /**
     * Work on a daemon thread of its own (a start that fails elsewhere is not kept waiting for it),
     * its result or its failure in the future returned.
     */
    static <T> CompletableFuture<T> onThreadOfItsOwn(String name, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, task -> {
            var thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The made-up PDFs being made on a thread of their own: their total size once made. */
    static final class MadeUpReports {

        private final CompletableFuture<Integer> rendered;

        private MadeUpReports(CompletableFuture<Integer> rendered) {
            this.rendered = rendered;
        }

        static MadeUpReports begin() {
            return new MadeUpReports(onThreadOfItsOwn("report-warm-up", () -> {
                // Jasper itself: made-up PDFs have no place among the kept ones (CachingReportRenderer).
                var renderer = new JasperReportRenderer();
                // Every section, so every class and code path; the board pack as large as the largest real
                // ICS's, and each twice, so that more of that code is compiled before a user asks. Once, and
                // the board pack of 8 trusts, the first real pack after a start was 0.1 s slower.
                int bytes = 0;
                for (int round = 0; round < ReportWarmUp.PDF_ROUNDS; round++) {
                    bytes = renderer.boardPack(ReportWarmUp.boardPackData(ReportWarmUp.LARGEST_ICS_TRUSTS)).length
                            + renderer.trustReport(ReportWarmUp.trustReportData()).length
                            + renderer.nationalPack(ReportWarmUp.nationalPackData(ReportWarmUp.WARM_UP_TRUSTS)).length;
                }
                return bytes;
            }));
        }

        /** Waits for them; a renderer that cannot make a made-up report cannot make a real one, so this throws. */
        int bytes() {
            return rendered.join();
        }
    }
}
