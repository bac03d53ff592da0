package uk.nhs.strategycheck.reports;

import java.util.concurrent.Executor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.nhs.strategycheck.reporting.JasperReportRenderer;
import uk.nhs.strategycheck.shared.BoundedExecutor;
import uk.nhs.strategycheck.reporting.ReportRenderer;

@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

    /** Templates are compiled at build time and loaded once; the renderer is shared. */
    @Bean
    ReportRenderer reportRenderer() {
        return new JasperReportRenderer();
    }

    /** PDFs are built off the UI thread, two at a time at most. */
    @Bean
    Executor reportExecutor() {
        return BoundedExecutor.of("report-", 2, 50);
    }
}
