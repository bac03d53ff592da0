package uk.nhs.strategycheck.reports;

import java.util.concurrent.Executor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import uk.nhs.strategycheck.reporting.JasperReportRenderer;
import uk.nhs.strategycheck.reporting.ReportRenderer;

@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

    /** Templates are compiled at build time and loaded once; the renderer is shared. */
    @Bean
    ReportRenderer reportRenderer() {
        return new JasperReportRenderer();
    }

    /**
     * PDFs are built off the UI thread, two at a time at most: filling and exporting is
     * CPU-heavy, and a queue keeps a burst of requests from starving the rest of the service.
     */
    @Bean
    Executor reportExecutor() {
        var executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("report-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(50);
        executor.initialize();
        return executor;
    }
}
