package uk.nhs.strategycheck.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uk.nhs.strategycheck.reporting.BoardPackData;
import uk.nhs.strategycheck.reporting.JasperReportRenderer;
import uk.nhs.strategycheck.reporting.NationalPackData;
import uk.nhs.strategycheck.reporting.ReportRenderer;
import uk.nhs.strategycheck.reporting.TrustReportData;

/** PDFs are kept under their data, within their size bound, and a failure is never kept. */
class CachingReportRendererTest {

    private static final JasperReportRenderer JASPER = new JasperReportRenderer();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void equalDataIsMadeOnceAndEachCallerGetsItsOwnCopy() {
        var renderer = new CachingReportRenderer(JASPER, 64L << 20, meters);

        var first = renderer.boardPack(ReportWarmUp.boardPackData(3));
        var second = renderer.boardPack(ReportWarmUp.boardPackData(3));

        assertThat(second).isEqualTo(first).isNotSameAs(first);
        first[0] = 0;
        assertThat(renderer.boardPack(ReportWarmUp.boardPackData(3))).isEqualTo(second);
        assertThat(count("miss")).isEqualTo(1);
        assertThat(count("hit")).isEqualTo(2);
        assertThat(meters.get("dsc.reports.cache.bytes").gauge().value()).isEqualTo(second.length);
    }

    @Test
    void differentDataIsADifferentPdf() {
        var renderer = new CachingReportRenderer(JASPER, 64L << 20, meters);

        var before = renderer.boardPack(pack("South East London"));
        var after = renderer.boardPack(pack("South West London"));

        assertThat(after).isNotEqualTo(before);
        assertThat(count("miss")).isEqualTo(2);
        assertThat(count("hit")).isZero();
    }

    @Test
    void theLeastRecentlyUsedGoesFirstWhenTheBoundIsReached() {
        var a = pack("ICS A");
        var b = pack("ICS B");
        var c = pack("ICS C");
        int largest = Math.max(JASPER.boardPack(a).length, Math.max(JASPER.boardPack(b).length, JASPER.boardPack(c).length));
        // Room for two of the three.
        long bound = largest * 5L / 2;
        var renderer = new CachingReportRenderer(JASPER, bound, meters);

        renderer.boardPack(a);
        renderer.boardPack(b);
        renderer.boardPack(a);
        renderer.boardPack(c);
        renderer.boardPack(a);
        renderer.boardPack(b);

        // A was used after B, so C pushed B out, not A.
        assertThat(count("hit")).isEqualTo(2);
        assertThat(count("miss")).isEqualTo(4);
        assertThat(meters.get("dsc.reports.cache.bytes").gauge().value()).isLessThanOrEqualTo(bound);
    }

    @Test
    void aPdfLargerThanTheBoundIsNotKept() {
        var data = pack("ICS A");
        var renderer = new CachingReportRenderer(JASPER, JASPER.boardPack(data).length / 2, meters);

        renderer.boardPack(data);
        renderer.boardPack(data);

        assertThat(count("miss")).isEqualTo(2);
        assertThat(meters.get("dsc.reports.cache.bytes").gauge().value()).isZero();
    }

    @Test
    void aReportAskedForTwiceAtOnceIsMadeOnce() {
        var renderer = new CachingReportRenderer(JASPER, 64L << 20, meters);
        var data = ReportWarmUp.boardPackData(16);

        var one = CompletableFuture.supplyAsync(() -> renderer.boardPack(data));
        var other = CompletableFuture.supplyAsync(() -> renderer.boardPack(data));

        assertThat(one.join()).isEqualTo(other.join());
        assertThat(count("miss")).isEqualTo(1);
        assertThat(count("hit") + count("shared")).isEqualTo(1);
    }

    @Test
    void aFailureIsNotKept() {
        // Jasper makes something of any data, so the failure is staged: the first attempt fails as an export can.
        var attempts = new AtomicInteger();
        var failsOnce = new ReportRenderer() {
            @Override
            public byte[] trustReport(TrustReportData data) {
                return JASPER.trustReport(data);
            }

            @Override
            public byte[] boardPack(BoardPackData data) {
                if (attempts.getAndIncrement() == 0) {
                    throw new IllegalStateException("The board pack could not be exported");
                }
                return JASPER.boardPack(data);
            }

            @Override
            public byte[] nationalPack(NationalPackData data) {
                return JASPER.nationalPack(data);
            }
        };
        var renderer = new CachingReportRenderer(failsOnce, 64L << 20, meters);
        var data = pack("ICS A");

        assertThatThrownBy(() -> renderer.boardPack(data)).hasMessage("The board pack could not be exported");
        assertThat(meters.get("dsc.reports.cache.bytes").gauge().value()).isZero();
        var made = renderer.boardPack(data);

        assertThat(renderer.boardPack(data)).isEqualTo(made);
        assertThat(count("miss")).isEqualTo(2);
        assertThat(count("hit")).isEqualTo(1);
    }

    /** The made-up pack of three trusts, for an ICS of this name. */
    private static BoardPackData pack(String icsName) {
        var three = ReportWarmUp.boardPackData(3);
        return new BoardPackData(icsName, three.icsOdsCode(), three.cycleName(), three.previousCycleName(),
                three.generatedOn(), three.memberTrusts(), three.submitted(), three.approved(), three.characteristics(),
                three.trusts(), three.footprintNote(), three.strategyDocuments());
    }

    private double count(String outcome) {
        return meters.get("dsc.reports.cache").tag("outcome", outcome).counter().count();
    }
}
