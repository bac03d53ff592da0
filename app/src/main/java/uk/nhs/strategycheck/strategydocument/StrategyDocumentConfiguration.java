package uk.nhs.strategycheck.strategydocument;

import java.util.concurrent.Executor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import uk.nhs.strategycheck.strategydocument.analysis.StrategyAnalyser;

@Configuration(proxyBeanMethods = false)
class StrategyDocumentConfiguration {

    /** Plain Java and thread-safe: one analyser serves every upload. */
    @Bean
    StrategyAnalyser strategyAnalyser() {
        return new StrategyAnalyser();
    }

    /**
     * Documents are read off the UI thread, two at a time at most: extraction is CPU- and
     * memory-heavy, and a short queue keeps a burst of uploads from starving the service.
     */
    @Bean
    Executor strategyAnalysisExecutor() {
        var executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("strategy-analysis-");
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(20);
        executor.initialize();
        return executor;
    }
}
