package uk.nhs.strategycheck.strategydocument;

import java.util.concurrent.Executor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.nhs.strategycheck.shared.BoundedExecutor;
import uk.nhs.strategycheck.strategydocument.analysis.StrategyAnalyser;

@Configuration(proxyBeanMethods = false)
class StrategyDocumentConfiguration {

    /** Plain Java and thread-safe: one analyser serves every upload. */
    @Bean
    StrategyAnalyser strategyAnalyser() {
        return new StrategyAnalyser();
    }

    /** Documents are read off the UI thread, two at a time at most. */
    @Bean
    Executor strategyAnalysisExecutor() {
        return BoundedExecutor.of("strategy-analysis-", 2, 20);
    }
}
