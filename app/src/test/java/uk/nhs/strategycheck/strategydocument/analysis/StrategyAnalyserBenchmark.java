package uk.nhs.strategycheck.strategydocument.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test: the time and memory to analyse a 60-page PDF, made from the corpus's
 * long strategy repeated, about 350 words a page. Prints the median and 95th percentile time over the
 * measured runs, the bytes allocated by all threads (Tika reads on a worker thread) and the peak
 * heap. It asserts only that the analysis worked.
 *
 * <p>Excluded from {@code ./mvnw verify}; run it with
 * {@code ./mvnw -pl app -am test -Dtest=StrategyAnalyserBenchmark -Dgroups=benchmark -DexcludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false}. {@code -Dbenchmark.warmup} and {@code -Dbenchmark.iterations}
 * change the 5 warm-up and 20 measured runs.
 */
@Tag("benchmark")
class StrategyAnalyserBenchmark {

    private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 5);
    private static final int ITERATIONS = Integer.getInteger("benchmark.iterations", 20);
    private static final int PAGES = 60;

    @Test
    void analysesASixtyPagePdf() throws Exception {
        byte[] pdf = StrategyFixtures.longPdf(PAGES);
        StrategyAnalyser analyser = new StrategyAnalyser();
        for (int i = 0; i < WARM_UP; i++) {
            analyser.analyse("sixty-pages.pdf", pdf, AnalysisProgress.NONE);
        }
        long[] nanos = new long[ITERATIONS];
        long allocated = 0;
        long peakHeap = 0;
        DocumentAnalysis analysis = null;
        for (int i = 0; i < ITERATIONS; i++) {
            System.gc();
            List<MemoryPoolMXBean> heap = heapPools();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            Map<Long, Long> before = allocatedByThread();
            long start = System.nanoTime();
            analysis = analyser.analyse("sixty-pages.pdf", pdf, AnalysisProgress.NONE);
            nanos[i] = System.nanoTime() - start;
            allocated += allocatedSince(before);
            peakHeap = Math.max(peakHeap, heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum());
        }
        assertThat(analysis.pages()).isEqualTo(PAGES);
        Arrays.sort(nanos);
        System.out.printf(Locale.UK, "Strategy analyser, %d-page PDF of %,d bytes (%,d words), %d runs after %d "
                        + "warm-up: p50 %.0f ms, p95 %.0f ms; allocated %.1f MB per run; peak heap %.0f MB%n",
                PAGES, pdf.length, analysis.words(), ITERATIONS, WARM_UP, nanos[ITERATIONS / 2] / 1e6,
                nanos[(int) Math.ceil(ITERATIONS * 0.95) - 1] / 1e6, allocated / (double) ITERATIONS / 1048576,
                peakHeap / 1048576.0);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
    }

    private static com.sun.management.ThreadMXBean threads() {
        return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }

    private static Map<Long, Long> allocatedByThread() {
        long[] ids = threads().getAllThreadIds();
        long[] bytes = threads().getThreadAllocatedBytes(ids);
        Map<Long, Long> allocated = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            allocated.put(ids[i], bytes[i]);
        }
        return allocated;
    }

    private static long allocatedSince(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> now : allocatedByThread().entrySet()) {
            total += Math.max(0, now.getValue() - before.getOrDefault(now.getKey(), 0L));
        }
        return total;
    }
}
