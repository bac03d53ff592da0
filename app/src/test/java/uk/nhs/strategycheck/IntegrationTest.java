package uk.nhs.strategycheck;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a free port against the test database, at the address it is
 * configured with (ServiceAddressOnFreePort). Every integration test uses this one
 * configuration, so they share one Spring context (and one migration).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = ServiceAddressOnFreePort.class)
@ActiveProfiles("test")
@Import(TestSupport.class)
public @interface IntegrationTest {
}
