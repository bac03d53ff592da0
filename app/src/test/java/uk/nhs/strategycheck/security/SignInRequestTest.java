package uk.nhs.strategycheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.browser.BrowserTest;
import uk.nhs.strategycheck.shared.ServiceAddress;

/**
 * The sign-in endpoint over real HTTP: only a sign-in from the service's own page signs anyone in
 * (issue 10, finding 7), and an e-mail address with a hidden character fails cleanly (finding 10).
 */
@IntegrationTest
class SignInRequestTest {

    private static final String EMAIL = "viewer@demo.example";

    @Autowired
    ServiceAddress address;
    @Autowired
    TestDatabase database;

    /** A browser of its own: cookies kept between requests, redirects not followed. */
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aSignInFromTheServicesOwnPageSignsIn() throws Exception {
        var response = signIn(Map.of("Origin", address.origin()), EMAIL, BrowserTest.DEMO_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().doesNotContain("error");
        assertThat(get("/trust").statusCode()).as("signed in: the trust's page is shown").isEqualTo(200);
    }

    @Test
    void aBrowserThatSendsOnlyARefererOfTheServicesOwnPageSignsIn() throws Exception {
        var response = signIn(Map.of("Referer", address.link("/login")), EMAIL, BrowserTest.DEMO_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(get("/trust").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Origin: http://evil.example",
        "Origin: null",
        "Referer: http://evil.example/login",
        "Origin: http://localhost:1",
        "Origin: https://localhost",
        "Referer: http://localhost.evil.example/login"})
    void aSignInFromAnywhereElseIsRefusedAndSignsNobodyIn(String header) throws Exception {
        var name = header.substring(0, header.indexOf(':'));
        var value = header.substring(header.indexOf(':') + 1).strip();
        long signedInBefore = signIns();

        var response = signIn(Map.of(name, value), EMAIL, BrowserTest.DEMO_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).startsWith("Sign-in refused: it did not come from Digital Strategy Check's own "
                + "sign-in page.");
        assertSignedOut();
        assertThat(signIns()).isEqualTo(signedInBefore);
    }

    @Test
    void aSignInWithNeitherOriginNorRefererIsRefused() throws Exception {
        var response = signIn(Map.of(), EMAIL, BrowserTest.DEMO_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(403);
        assertSignedOut();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "0007", "007F", "202E", "2066"})
    void anEmailAddressWithAHiddenCharacterFailsSignInCleanly(String codePoint) throws Exception {
        var email = EMAIL + Character.toString(Integer.parseInt(codePoint, 16));

        var response = signIn(Map.of("Origin", address.origin()), email, BrowserTest.DEMO_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/login?error=characters");
        var page = get("/login?error=characters");
        assertThat(page.statusCode()).isEqualTo(200);
        assertSignedOut();
    }

    private HttpResponse<String> signIn(Map<String, String> headers, String email, String password) throws Exception {
        var form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create(address.link("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(address.link(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void assertSignedOut() throws Exception {
        var trustPage = get("/trust");
        assertThat(trustPage.statusCode()).as("not signed in: sent to the sign-in page").isEqualTo(302);
        assertThat(trustPage.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    private long signIns() throws Exception {
        return database.owner().queryForObject("select count(*) from audit_event where user_email = ? and action = "
                + "'SIGNED_IN'", Long.class, EMAIL);
    }
}
