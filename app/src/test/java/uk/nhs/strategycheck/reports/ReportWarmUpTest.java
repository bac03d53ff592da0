package uk.nhs.strategycheck.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import uk.nhs.strategycheck.IntegrationTest;

/** Readiness reports UP only after the reports have been warmed up. */
@IntegrationTest
class ReportWarmUpTest {

    @Autowired
    ReportWarmUp warmUp;
    @Autowired
    ApplicationAvailability availability;
    @Autowired
    ReportWarmUpStart.MadeUpReports madeUp;

    @Test
    void theServiceBecomesReadyOnlyAfterTheWarmUpHasFinished() {
        var ready = availability.getLastChangeEvent(ReadinessState.class);

        assertThat(ready.getState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(warmUp.finishedAtMillis()).isPositive().isLessThanOrEqualTo(ready.getTimestamp());
    }

    @Test
    void theMadeUpPdfsBegunAsTheApplicationStartedWereMade() {
        // Three PDFs of made-up figures: each some tens of kilobytes.
        assertThat(madeUp.bytes()).isGreaterThan(3 * 10_000);
    }
}
