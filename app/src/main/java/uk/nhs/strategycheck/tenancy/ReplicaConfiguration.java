package uk.nhs.strategycheck.tenancy;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * With a read replica configured (dsc.replica.host), the application's data source is a router
 * over two pools: the primary's, as Spring Boot would make it from spring.datasource, and the
 * replica's, at the same database with the same role. Without one, Spring Boot's single pool
 * stays as it is. Liquibase has its own address (spring.liquibase.url) and never comes here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${dsc.replica.host:}'.isBlank()")
class ReplicaConfiguration {

    private static final Pattern POSTGRESQL_URL = Pattern.compile("jdbc:postgresql://[^/]+/(.+)");

    @Bean(destroyMethod = "close")
    ReplicaRoutingDataSource dataSource(DataSourceProperties properties, Environment environment, MeterRegistry meters) {
        var primary = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(primary));

        var url = POSTGRESQL_URL.matcher(properties.determineUrl());
        if (!url.matches()) {
            throw new IllegalStateException("spring.datasource.url is not a PostgreSQL address");
        }
        var replica = new HikariDataSource();
        replica.setPoolName("replica");
        replica.setJdbcUrl("jdbc:postgresql://" + environment.getRequiredProperty("dsc.replica.host") + ":"
                + environment.getProperty("dsc.replica.port", "5432") + "/" + url.group(1));
        replica.setUsername(properties.determineUsername());
        replica.setPassword(properties.determinePassword());
        replica.setMaximumPoolSize(primary.getMaximumPoolSize());
        // The primary's driver settings (timeouts, keepalives, no JIT, error details) apply to the replica too.
        primary.getDataSourceProperties().forEach((name, value) -> replica.addDataSourceProperty((String) name, value));
        // A replica that is away costs a read at most this long before it falls back to the primary.
        replica.setConnectionTimeout(1500);
        replica.setValidationTimeout(1000);
        replica.addDataSourceProperty("connectTimeout", "2");
        // The service starts and serves from the primary while the replica is away.
        replica.setInitializationFailTimeout(-1);
        replica.setMetricRegistry(meters);
        return new ReplicaRoutingDataSource(primary, replica, new WritePositions(System::nanoTime), meters);
    }
}
