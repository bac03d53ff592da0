package uk.nhs.strategycheck.reports;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import uk.nhs.strategycheck.reporting.JasperReportRenderer;
import uk.nhs.strategycheck.shared.BoundedExecutor;
import uk.nhs.strategycheck.reporting.ReportRenderer;

@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

    /** Templates are compiled at build time and loaded once; the renderer is shared. */
    @Bean
    JasperReportRenderer jasperReportRenderer() {
        return new JasperReportRenderer();
    }

    /** What the reports are made with: Jasper, keeping what it has made while the data is the same. */
    @Bean
    @Primary
    ReportRenderer reportRenderer(JasperReportRenderer jasper, @Value("${dsc.reports.cache-megabytes:64}") long cacheMegabytes,
                                  MeterRegistry meters) {
        return cacheMegabytes > 0 ? new CachingReportRenderer(jasper, cacheMegabytes * 1024 * 1024, meters) : jasper;
    }

    /** PDFs are built off the UI thread, two at a time at most. */
    @Bean
    Executor reportExecutor() {
        return BoundedExecutor.of("report-", 2, 50);
    }
}
