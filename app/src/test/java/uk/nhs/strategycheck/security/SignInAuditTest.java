package uk.nhs.strategycheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.browser.BrowserTest;
import uk.nhs.strategycheck.shared.ServiceAddress;

/** Sign-ins through the real login endpoint, failed and successful, reach the audit log (issue 10, finding 15). */
@IntegrationTest
class SignInAuditTest {

    private static final String EMAIL = "viewer@demo.example";

    @LocalServerPort
    int port;
    @Autowired
    TestDatabase database;
    @Autowired
    ServiceAddress address;
    @Autowired
    MeterRegistry meters;

    @Test
    void failedAndSuccessfulSignInsAreAudited() throws Exception {
        var owner = database.owner();
        long before = events(owner, "SIGN_IN_FAILED") + events(owner, "SIGNED_IN");
        var refused = meters.counter("dsc.sign.ins", "method", "password", "outcome", "refused");
        var signedIn = meters.counter("dsc.sign.ins", "method", "password", "outcome", "signed_in");
        double refusedBefore = refused.count();
        double signedInBefore = signedIn.count();

        signIn("not-the-password");
        signIn(BrowserTest.DEMO_PASSWORD);

        assertThat(owner.queryForList("""
                select action from audit_event where user_email = ? and action in ('SIGN_IN_FAILED', 'SIGNED_IN')
                 order by id desc limit 2""", String.class, EMAIL)).containsExactly("SIGNED_IN", "SIGN_IN_FAILED");
        assertThat(events(owner, "SIGN_IN_FAILED") + events(owner, "SIGNED_IN")).isEqualTo(before + 2);
        assertThat(owner.queryForObject("select r.ods_code from audit_event e join region r on r.id = e.region_id "
                + "where e.user_email = ? and e.action = 'SIGNED_IN' order by e.id desc limit 1", String.class, EMAIL))
                .as("the user's region admins see it").isEqualTo("Y56");
        // Operations count them too, by outcome and never by whom (dsc_sign_ins_total).
        assertThat(refused.count()).isEqualTo(refusedBefore + 1);
        assertThat(signedIn.count()).isEqualTo(signedInBefore + 1);
    }

    @Test
    void behindAProxyTheClientsOwnAddressIsCountedNotTheProxys() throws Exception {
        var owner = database.owner();
        var user = owner.queryForObject("select id from app_user where email = ?", Long.class, EMAIL);
        owner.update("delete from sign_in_failure where user_id = ?", user);

        // The test's loopback address stands for the proxy; the header names the client behind it.
        send(form("not-the-password"), "203.0.113.7");
        signIn(BrowserTest.DEMO_PASSWORD);

        assertThat(owner.queryForList("select client from sign_in_failure where user_id = ?", String.class, user))
                .as("cleared by the good sign-in").isEmpty();
        send(form("not-the-password"), "203.0.113.7");
        assertThat(owner.queryForList("select client from sign_in_failure where user_id = ?", String.class, user))
                .containsExactly("203.0.113.7");
        signIn(BrowserTest.DEMO_PASSWORD);
    }

    private void signIn(String password) throws Exception {
        send(form(password), null);
    }

    private static String form(String password) {
        return "username=" + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    private void send(String form, String forwardedFor) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", address.origin());
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                request.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static long events(org.springframework.jdbc.core.JdbcTemplate owner, String action) throws SQLException {
        return owner.queryForObject("select count(*) from audit_event where user_email = ? and action = ?", Long.class,
                EMAIL, action);
    }
}
