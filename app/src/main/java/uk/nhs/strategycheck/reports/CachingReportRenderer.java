package uk.nhs.strategycheck.reports;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import uk.nhs.strategycheck.reporting.BoardPackData;
import uk.nhs.strategycheck.reporting.NationalPackData;
import uk.nhs.strategycheck.reporting.ReportRenderer;
import uk.nhs.strategycheck.reporting.TrustReportData;

/**
 * Keeps the PDFs it has made, each under the very data it was made from, so a report whose figures
 * have not changed is not filled and exported again: a board pack costs 0.2-0.5 CPU-seconds, and a
 * board's members, its secretary and its rehearsals download the same one many times.
 *
 * <p>The key is the whole report data (records, compared by value: every figure, name, date and
 * quote printed), gathered under the asking user's row level security. So a kept PDF is exactly what
 * a fresh one would be, it can never be stale (any change to what it shows is a different key), and
 * it reaches only someone who could read every figure in it. The date of preparation is in the data,
 * so nothing outlives its day. Bounded by the bytes of the PDFs kept, least recently used out first;
 * the same report asked for twice at once is made once.
 */
final class CachingReportRenderer implements ReportRenderer {

    private final ReportRenderer renderer;
    private final long maxBytes;
    /** Access order: the least recently used first. */
    private final Map<Object, byte[]> kept = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Object, CompletableFuture<byte[]>> inProgress = new HashMap<>();
    private long keptBytes;
    private final Counter hits;
    private final Counter misses;
    private final Counter shared;

    CachingReportRenderer(ReportRenderer renderer, long maxBytes, MeterRegistry meters) {
        this.renderer = renderer;
        this.maxBytes = maxBytes;
        this.hits = cacheCounter(meters, "hit");
        this.misses = cacheCounter(meters, "miss");
        this.shared = cacheCounter(meters, "shared");
        Gauge.builder("dsc.reports.cache.bytes", this, CachingReportRenderer::keptBytes)
                .description("Bytes of the PDFs kept for reports whose data has not changed").baseUnit("bytes")
                .register(meters);
    }

    private static Counter cacheCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("dsc.reports.cache").tag("outcome", outcome)
                .description("Reports asked for: kept already (hit), made (miss), or being made for someone else (shared)")
                .register(meters);
    }

    @Override
    public byte[] trustReport(TrustReportData data) {
        return kept(data, renderer::trustReport);
    }

    @Override
    public byte[] boardPack(BoardPackData data) {
        return kept(data, renderer::boardPack);
    }

    @Override
    public byte[] nationalPack(NationalPackData data) {
        return kept(data, renderer::nationalPack);
    }

    synchronized long keptBytes() {
        return keptBytes;
    }

    /** Each caller gets its own copy: nobody can change what the next one downloads. */
    private <T> byte[] kept(T data, Function<T, byte[]> render) {
        CompletableFuture<byte[]> pending;
        CompletableFuture<byte[]> making = null;
        synchronized (this) {
            var pdf = kept.get(data);
            if (pdf != null) {
                hits.increment();
                return pdf.clone();
            }
            pending = inProgress.get(data);
            if (pending == null) {
                pending = making = new CompletableFuture<>();
                inProgress.put(data, making);
            }
        }
        if (making == null) {
            shared.increment();
            return awaited(pending).clone();
        }
        misses.increment();
        try {
            var pdf = render.apply(data);
            synchronized (this) {
                inProgress.remove(data);
                keep(data, pdf);
            }
            making.complete(pdf);
            return pdf.clone();
        } catch (RuntimeException | Error failure) {
            synchronized (this) {
                inProgress.remove(data);
            }
            making.completeExceptionally(failure);
            throw failure;
        }
    }

    private void keep(Object data, byte[] pdf) {
        if (pdf.length > maxBytes) {
            return;
        }
        var replaced = kept.put(data, pdf);
        keptBytes += pdf.length - (replaced == null ? 0 : replaced.length);
        var eldest = kept.entrySet().iterator();
        while (keptBytes > maxBytes) {
            keptBytes -= eldest.next().getValue().length;
            eldest.remove();
        }
    }

    private static byte[] awaited(CompletableFuture<byte[]> making) {
        try {
            return making.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while another request made the same report", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Making the report failed", e.getCause());
        }
    }
}
