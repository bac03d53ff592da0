package uk.nhs.strategycheck.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Dates such as a cycle's close are English dates. */
    @Bean
    Clock clock() {
        return Clock.system(Dates.ENGLAND);
    }
}
