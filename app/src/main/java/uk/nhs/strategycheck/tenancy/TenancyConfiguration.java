package uk.nhs.strategycheck.tenancy;

import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource, CurrentScopeSource scopes, MeterRegistry meters) {
        return new TenantScopedTransactionManager(dataSource, scopes, meters);
    }
}
