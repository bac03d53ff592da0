package uk.nhs.strategycheck.reporting;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fill + export time and memory of the reports, not a test: excluded from the default run.
 * <pre>./mvnw -B -pl reporting test -Dgroups=benchmark -Dreporting.excludedGroups=none</pre>
 * Times are wall-clock per render after warm-up; "allocated" is what the rendering thread
 * allocated (ThreadMXBean); "peak heap" is the peak of the heap pools during one render,
 * garbage included, so an upper bound on what a render needs.
 */
@Tag("benchmark")
class ReportBenchmark {

    private final JasperReportRenderer renderer = new JasperReportRenderer();

    @Test
    void boardPackAndTrustReport() throws Exception {
        BoardPackData largest = Fixtures.boardPack("Largest real-sized ICS (18 trusts)", "QHM", Fixtures.syntheticTrusts(18));
        BoardPackData hundred = Fixtures.boardPack("Synthetic ICS (100 trusts)", "QZZ", Fixtures.syntheticTrusts(100));
        TrustReportData trust = Fixtures.trustReport();
        NationalPackData national = Fixtures.nationalPack();

        System.out.printf(Locale.UK, "%nJava %s, %d processors, max heap %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        measure("Trust report (28 evidence notes)", () -> renderer.trustReport(trust), 10, 40);
        measure("Board pack, 18 trusts", () -> renderer.boardPack(largest), 8, 30);
        measure("Board pack, 100 trusts", () -> renderer.boardPack(hundred), 3, 12);
        measure("National pack, 205 trusts", () -> renderer.nationalPack(national), 8, 30);
    }

    private static void measure(String name, Supplier<byte[]> render, int warmUp, int runs) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            render.get();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long[] millis = new long[runs];
        long allocated = 0;
        long peakHeap = 0;
        byte[] pdf = null;
        for (int i = 0; i < runs; i++) {
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long before = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            pdf = render.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            allocated += threads.getCurrentThreadAllocatedBytes() - before;
            peakHeap = Math.max(peakHeap, heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
        }
        System.gc();
        long retained = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        int pages;
        try (PDDocument doc = Pdfs.load(pdf)) {
            pages = doc.getNumberOfPages();
        }
        Arrays.sort(millis);
        System.out.printf(Locale.UK, "%-34s %3d pages %6d KiB  fill+export p50 %5d ms  p95 %5d ms  max %5d ms  "
                        + "allocated %5d MiB/render  peak heap %4d MiB  heap after GC %3d MiB  (%d runs)%n",
                name, pages, pdf.length >> 10, percentile(millis, 50), percentile(millis, 95), millis[runs - 1],
                (allocated / runs) >> 20, peakHeap >> 20, retained >> 20, runs);
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
