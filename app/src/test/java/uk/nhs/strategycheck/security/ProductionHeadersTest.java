package uk.nhs.strategycheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The prod profile's headers over real HTTP, with the service's address an https one, as behind
 * the proxy that ends TLS in production (issue 10, finding 8). A Spring context of its own, on the
 * test database, which it must not rebuild under the other tests; and in Vaadin's development mode,
 * since the production bundle is built only by the production Maven profile (infra/run.sh).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dsc.mail.base-url=https://strategy-check.nhs.example",
        "spring.liquibase.drop-first=false",
        "vaadin.productionMode=false"})
@ActiveProfiles({"prod", "test"})
class ProductionHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void browsersAreToldToUseOnlyHttpsAndRedirectsGoToTheServicesOwnAddress() throws Exception {
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/changes"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000 ; includeSubDomains");
        assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("https://strategy-check.nhs.example/login");
        assertThat(response.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .isNotEmpty().allSatisfy(c -> assertThat(c).contains("Secure"));
    }
}
