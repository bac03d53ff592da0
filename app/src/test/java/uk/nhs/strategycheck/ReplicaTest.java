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
 * The whole application over a real primary and streaming replica of its own
 * (infra/cluster/test-replica.sh, started by {@link TestReplica} before the context), the replica
 * reached through a proxy the tests can cut ({@link TestReplica#proxy()}). One configuration for
 * every routing test, so they share one Spring context; it rebuilds the database on that primary
 * only, never on the other tests' server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = {ServiceAddressOnFreePort.class, TestReplica.class})
@ActiveProfiles("test")
@Import(TestSupport.class)
public @interface ReplicaTest {
}
