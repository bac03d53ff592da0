package uk.nhs.strategycheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.nhs.strategycheck.IntegrationTest;

/** What every response tells the browser, read over real HTTP from the running service (issue 10, finding 8). */
@IntegrationTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void pagesLimitReferrersAndPowerfulFeaturesAndTheSessionCookieStaysOnThisSite() throws Exception {
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        var headers = response.headers();
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("Permissions-Policy")).get().asString()
                .contains("camera=()").contains("microphone=()").contains("geolocation=()");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .isNotEmpty().allSatisfy(c -> assertThat(c).contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void theSessionIdNeverAppearsInAUrl() throws Exception {
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/changes")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isBetween(300, 399);
        assertThat(response.headers().firstValue("Location")).get().asString()
                .endsWith("/login").doesNotContainIgnoringCase("jsessionid");
    }
}
