package uk.nhs.strategycheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.browser.BrowserTest;
import uk.nhs.strategycheck.shared.ServiceAddress;

/** What every response tells the browser, read over real HTTP from the running service (issue 10, finding 8). */
@IntegrationTest
class SecurityHeadersTest {

    private static final String FORGED_HOST = "evil.example";

    @LocalServerPort
    int port;
    @Autowired
    ServiceAddress address;

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
    void pagesMayUseOnlyTheServicesOwnResourcesAndNobodyMayFrameThem() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address.link("/login"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
                        "frame-ancestors 'none'")
                .doesNotContain("http:", "https:", "*");
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .as("HSTS only in production (ProductionHeadersTest)").isEmpty();
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

    @Test
    void aForgedHostHeaderNeverReachesARedirect() throws Exception {
        var toSignIn = send("GET /admin/changes HTTP/1.1", List.of());
        assertThat(toSignIn.status()).isEqualTo(302);
        assertThat(toSignIn.location()).hasValue(address.link("/login"));

        var failed = send("POST /login HTTP/1.1", List.of("Origin: " + address.origin()), "username=viewer%40demo.example"
                + "&password=wrong");
        assertThat(failed.status()).isEqualTo(302);
        assertThat(failed.location()).hasValue("/login?error");
    }

    @Test
    void afterSignInTheServiceReturnsToThePageAskedForAtItsOwnAddressWhateverTheHostHeaderSaid() throws Exception {
        var asked = send("GET /trust HTTP/1.1", List.of());
        var session = asked.header("Set-Cookie").orElseThrow().split(";")[0];

        var signedIn = send("POST /login HTTP/1.1", List.of("Origin: " + address.origin(), "Cookie: " + session),
                "username=" + URLEncoder.encode("viewer@demo.example", StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(BrowserTest.DEMO_PASSWORD, StandardCharsets.UTF_8));

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).get().asString().startsWith(address.link("/trust"));
    }

    private record Response(int status, List<String> headers) {

        Optional<String> header(String name) {
            return headers.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(h -> h.substring(name.length() + 1).strip()).findFirst();
        }

        Optional<String> location() {
            return header("Location");
        }
    }

    private Response send(String requestLine, List<String> headers) throws IOException {
        return send(requestLine, headers, null);
    }

    /** Sends a request with a forged Host header, as a script can and a browser cannot, over a plain socket. */
    private Response send(String requestLine, List<String> headers, String form) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            var request = new StringBuilder(requestLine).append("\r\nHost: ").append(FORGED_HOST).append("\r\n");
            headers.forEach(h -> request.append(h).append("\r\n"));
            if (form != null) {
                request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
                        .append(form.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n").append(form == null ? "" : form);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            int status = Integer.parseInt(reader.readLine().split(" ")[1]);
            var received = new ArrayList<String>();
            for (var line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                received.add(line);
            }
            assertThat(received).as("no header names the forged host").noneMatch(h -> h.contains(FORGED_HOST));
            return new Response(status, received);
        }
    }
}
