package uk.nhs.strategycheck.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.nhs.strategycheck.DatabaseProxy;
import uk.nhs.strategycheck.OperationsTest;

/**
 * Health, readiness and liveness on the management port, as Kubernetes asks for them; and that
 * the management endpoints are there only.
 */
@OperationsTest
class HealthProbesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalManagementPort
    int managementPort;
    @LocalServerPort
    int port;

    @Test
    void readinessFollowsPostgresqlAndLivenessDoesNot() throws Exception {
        var ready = Http.get(managementPort, "/actuator/health/readiness");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(Http.json(ready).at("/status").asText()).isEqualTo("UP");
        assertThat(Http.json(ready).at("/components/db/status").asText()).isEqualTo("UP");
        var liveness = Http.json(Http.get(managementPort, "/actuator/health/liveness"));
        assertThat(liveness.at("/components").fieldNames()).as("liveness checks the application itself, not PostgreSQL")
                .toIterable().containsExactly("livenessState");

        var database = DatabaseProxy.running();
        database.stop();
        try {
            var notReady = until(() -> Http.get(managementPort, "/actuator/health/readiness"), 503);
            assertThat(Http.json(notReady).at("/status").asText()).isEqualTo("DOWN");
            assertThat(Http.json(notReady).at("/components/db/status").asText()).isEqualTo("DOWN");
            assertThat(Http.json(notReady).at("/components/readinessState/status").asText()).isEqualTo("UP");
            var alive = Http.get(managementPort, "/actuator/health/liveness");
            assertThat(alive.statusCode()).as("a database outage must not restart the pod").isEqualTo(200);
            assertThat(Http.json(alive).at("/status").asText()).isEqualTo("UP");
        } finally {
            database.start();
        }

        var readyAgain = until(() -> Http.get(managementPort, "/actuator/health/readiness"), 200);
        assertThat(Http.json(readyAgain).at("/status").asText()).isEqualTo("UP");
    }

    @Test
    void managementEndpointsAreOnTheManagementPortOnly() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);

        var health = Http.get(managementPort, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Http.json(health).at("/status").asText()).isEqualTo("UP");
        assertThat(Http.json(health).at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.body()).as("no details (database product, disk paths) for anyone").doesNotContain("details");
        assertThat(Http.get(managementPort, "/actuator/prometheus").statusCode()).isEqualTo(200);
        var environment = Http.get(managementPort, "/actuator/env");
        assertThat(environment.statusCode()).as("not exposed").isNotEqualTo(200);
        assertThat(environment.body()).doesNotContain("propertySources");
        assertThat(Http.get(managementPort, "/nothing-here").statusCode()).as("anything else is refused, not an error")
                .isEqualTo(403);

        for (var path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/prometheus", "/actuator/info"}) {
            var onServicePort = Http.get(port, path);
            assertThat(onServicePort.statusCode()).as(path + " on the service's port").isNotEqualTo(200);
            assertThat(onServicePort.body()).as(path + " on the service's port")
                    .doesNotContain("\"status\"").doesNotContain("jvm_").doesNotContain("\"build\"");
        }
    }

    @Test
    void infoGivesTheBuildVersionAndCommit() throws Exception {
        var info = Http.json(Http.get(managementPort, "/actuator/info"));

        assertThat(info.at("/build/version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(info.at("/build/artifact").asText()).isEqualTo("app");
        assertThat(info.at("/git/commit/id").asText()).matches("[0-9a-f]{7,40}");
    }

    private interface Request {
        HttpResponse<String> send() throws Exception;
    }

    /** The response once it has the status, asking again every half second (the pool needs a moment to notice). */
    private static HttpResponse<String> until(Request request, int status) throws Exception {
        var deadline = Instant.now().plus(PATIENCE);
        var response = request.send();
        while (response.statusCode() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            response = request.send();
        }
        assertThat(response.statusCode()).as("within " + PATIENCE + ": " + response.body()).isEqualTo(status);
        return response;
    }
}
