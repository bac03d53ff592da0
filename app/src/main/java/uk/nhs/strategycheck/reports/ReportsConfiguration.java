package uk.nhs.strategycheck.reports;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.nhs.strategycheck.reporting.JasperReportRenderer;
import uk.nhs.strategycheck.shared.BoundedExecutor;
import uk.nhs.strategycheck.reporting.ReportRenderer;

@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

    /**
     * Templates are compiled at build time and loaded once; the renderer is shared, and keeps what it
     * has made for as long as the data is the same (CachingReportRenderer).
     */
    @Bean
    ReportRenderer reportRenderer(@Value("${dsc.reports.cache-megabytes:64}") long cacheMegabytes, MeterRegistry meters) {
        var renderer = new JasperReportRenderer();
        return cacheMegabytes > 0 ? new CachingReportRenderer(renderer, cacheMegabytes * 1024 * 1024, meters) : renderer;
    }

    /** PDFs are built off the UI thread, two at a time at most. */
    @Bean
    Executor reportExecutor() {
        return BoundedExecutor.of("report-", 2, 50);
    }
}
