package uk.nhs.strategycheck.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.nhs.strategycheck.DatabaseProxy;
import uk.nhs.strategycheck.OperationsTest;
import uk.nhs.strategycheck.OperationsTestSupport;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.browser.BrowserTest;
import uk.nhs.strategycheck.shared.ServiceAddress;

/**
 * What a Patroni switchover or failover does to the service: PostgreSQL closes every connection
 * in the pool at once. A signed-in user's next click must still get its page (every request first
 * re-reads the user's roles, on a pooled connection that is now dead), not an error page.
 */
@OperationsTest
class DatabaseConnectionsCutTest {

    private static final String VIEWER = "rtd.cut.viewer@test.example";

    @Autowired
    TestDatabase database;
    @Autowired
    ServiceAddress address;
    @LocalServerPort
    int port;

    @Test
    void aSignedInRequestRightAfterEveryConnectionWasCutIsAnswered() throws Exception {
        database.trustUser(VIEWER, "Tyne Viewer", "TRUST_VIEWER", "RTD");
        var signedIn = Http.postForm(port, "/login", "username=" + URLEncoder.encode(VIEWER, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(BrowserTest.DEMO_PASSWORD, StandardCharsets.UTF_8), "Origin", address.origin());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        var session = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();

        var proxy = DatabaseProxy.running();
        // Several rounds: the pool hands out a connection unchecked when it was used within the
        // last half second, which is what happens to a busy service at the moment of a switchover.
        for (int round = 1; round <= 5; round++) {
            assertThat(Http.get(port, OperationsTestSupport.LOGGING_PAGE, "Cookie", session).statusCode())
                    .as("before the cut, round " + round).isEqualTo(200);
            proxy.cutEveryConnection();
            assertThat(Http.get(port, OperationsTestSupport.LOGGING_PAGE, "Cookie", session).statusCode())
                    .as("the first request after every connection was cut, round " + round).isEqualTo(200);
        }
    }
}
