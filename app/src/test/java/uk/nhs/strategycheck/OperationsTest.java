package uk.nhs.strategycheck;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application as production runs it (the prod profile: JSON logs, the management
 * port), on the test database, reached through a proxy the tests can cut (DatabaseProxy). One
 * configuration for every operations test, so they share one Spring context. It must not rebuild
 * the database under the other tests' context; Vaadin runs in development mode, since the
 * production bundle is built only by the production Maven profile. Pool timeouts are short, so a
 * lost database shows within seconds. Metrics are exported, as in production (Spring Boot's tests
 * leave them out unless asked).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "management.server.port=0",
        "spring.liquibase.drop-first=false",
        "vaadin.productionMode=false",
        "spring.datasource.hikari.connection-timeout=2000",
        "spring.datasource.hikari.validation-timeout=1000"})
@ContextConfiguration(initializers = {ServiceAddressOnFreePort.class, DatabaseProxy.Between.class})
@ActiveProfiles({"prod", "test"})
@AutoConfigureObservability(tracing = false)
@Import({TestSupport.class, OperationsTestSupport.class})
public @interface OperationsTest {
}
