package uk.nhs.strategycheck.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.TestDatabase;
import uk.nhs.strategycheck.browser.BrowserTest;
import uk.nhs.strategycheck.shared.ServiceAddress;

/**
 * Sign-in as an attacker would try it, through the real sign-in code and the database's
 * tenancy.sign_in (issue 10, findings 5, 6 and 12).
 */
@IntegrationTest
class SignInUnderAttackTest {

    private static final String PREFIX = "attack.";

    @Autowired
    AccountService accounts;
    @Autowired
    TestDatabase database;
    @Autowired
    ServiceAddress address;
    @LocalServerPort
    int port;

    private JdbcTemplate owner;

    @BeforeEach
    void accounts() throws SQLException {
        owner = database.owner();
        for (var name : List.of("burst", "race", "known", "locked", "disabled", "spread")) {
            database.trustUser(PREFIX + name + "@test.example", "Attack " + name, "TRUST_VIEWER", "RJ1");
        }
        owner.update("update app_user set failed_sign_ins = 0, locked_until = null, enabled = true where email like ?",
                PREFIX + "%");
        owner.update("delete from sign_in_client where client like '10.%'");
    }

    @AfterEach
    void clean() {
        owner.update("update app_user set failed_sign_ins = 0, locked_until = null, enabled = true where email like ?",
                PREFIX + "%");
        owner.update("delete from sign_in_client where client like '10.%'");
    }

    @Test
    void aParallelBurstOfWrongPasswordsChecksNoMoreThanFive() throws Exception {
        var email = PREFIX + "burst@test.example";
        var outcomes = inParallel(40, i -> attempt(email, "wrong password " + i, "10.0.0.1"));

        assertThat(outcomes).containsOnly("REFUSED");
        // Counted one after another, none lost: the address is now refused even the right password.
        assertThat(owner.queryForObject("select failed_sign_ins from app_user where email = ?", Integer.class, email))
                .isEqualTo(40);
        assertThat(attempt(email, BrowserTest.DEMO_PASSWORD, "10.0.0.1")).isEqualTo("REFUSED");
        assertThat(owner.queryForObject("select locked_until > now() from app_user where email = ?", Boolean.class, email))
                .as("twenty failures lock the account for every address").isTrue();
    }

    @Test
    void theRightPasswordInABurstSignsInOnlyIfFewerThanFiveFailuresCameFirst() throws Exception {
        var email = PREFIX + "race@test.example";
        for (int round = 0; round < 3; round++) {
            owner.update("update app_user set failed_sign_ins = 0, locked_until = null where email = ?", email);
            long firstEvent = owner.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
            var outcomes = inParallel(25, i -> attempt(email, i == 12 ? BrowserTest.DEMO_PASSWORD : "wrong " + i, "10.0.0.2"));

            var events = owner.queryForList("select action from audit_event where id > ? and user_email = ? "
                    + "and action in ('SIGNED_IN', 'SIGN_IN_FAILED') order by id", String.class, firstEvent, email);
            assertThat(events).hasSize(25);
            int signedIn = events.indexOf("SIGNED_IN");
            if (outcomes.contains("SIGNED_IN")) {
                assertThat(signedIn).as("failures before the right password").isLessThan(5);
            } else {
                assertThat(signedIn).isEqualTo(-1);
            }
        }
    }

    @Test
    void aBurstAtTheLoginPageSignsInOnlyIfFewerThanFiveFailuresCameFirst() throws Exception {
        var email = PREFIX + "page@test.example";
        database.trustUser(email, "Attack page", "TRUST_VIEWER", "RJ1");
        owner.update("update app_user set failed_sign_ins = 0, locked_until = null where email = ?", email);
        long firstEvent = owner.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        var locations = inParallel(25, i -> {
            var form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(i == 12 ? BrowserTest.DEMO_PASSWORD : "wrong " + i, StandardCharsets.UTF_8);
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Origin", address.origin())
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElse("");
        });

        var events = owner.queryForList("select action from audit_event where id > ? and user_email = ? "
                + "and action in ('SIGNED_IN', 'SIGN_IN_FAILED') order by id", String.class, firstEvent, email);
        assertThat(events).hasSize(25);
        assertThat(locations).filteredOn(location -> location.endsWith("/login?error")).hasSizeBetween(24, 25);
        int signedIn = events.indexOf("SIGNED_IN");
        assertThat(signedIn).as("failures before the right password, if it got in").isLessThan(5);
        assertThat(owner.queryForObject("select failed_sign_ins from app_user where email = ?", Integer.class, email))
                .isEqualTo(signedIn == -1 ? 25 : 24 - signedIn);
    }

    @Test
    void lockedDisabledUnknownAndWrongPasswordsCostTheSameAndReadTheSame() throws Exception {
        owner.update("update app_user set locked_until = now() + interval '1 hour', failed_sign_ins = 20 where email = ?",
                PREFIX + "locked@test.example");
        owner.update("update app_user set enabled = false where email = ?", PREFIX + "disabled@test.example");
        record Kind(String name, String email) {
        }
        var kinds = List.of(new Kind("wrong password", PREFIX + "known@test.example"),
                new Kind("unknown account", PREFIX + "nobody@test.example"),
                new Kind("locked account", PREFIX + "locked@test.example"),
                new Kind("disabled account", PREFIX + "disabled@test.example"));
        for (int warm = 0; warm < 3; warm++) {
            attempt(PREFIX + "nobody@test.example", "warm up", "10.0.1.0");
        }
        // Round by round, one attempt of each kind, so that a busy moment of the machine slows all alike.
        var times = new ArrayList<List<Long>>();
        kinds.forEach(kind -> times.add(new ArrayList<>()));
        var shuffle = new java.util.Random(2026);
        for (int round = 0; round < 21; round++) {
            String client = "10.0.2." + round;
            // The failures reset, so the wrong password stays a wrong password, not a locked account.
            owner.update("update app_user set failed_sign_ins = 0 where email = ?", PREFIX + "known@test.example");
            // In a different order each round, so that no kind always follows another.
            var order = new ArrayList<>(List.of(0, 1, 2, 3));
            Collections.shuffle(order, shuffle);
            for (int k : order) {
                var kind = kinds.get(k);
                long start = System.nanoTime();
                var message = assertThatThrownBy(() -> authenticate(kind.email(), "not the password", client))
                        .isInstanceOf(BadCredentialsException.class).actual().getMessage();
                times.get(k).add(System.nanoTime() - start);
                assertThat(message).as(kind.name()).isEqualTo(AccountService.REFUSED);
            }
        }
        var medians = new ArrayList<Double>();
        for (var measured : times) {
            Collections.sort(measured);
            medians.add(measured.get(measured.size() / 2) / 1e6);
        }
        System.out.printf("Sign-in refusals, median of 21 (ms): wrong password %.1f, unknown %.1f, locked %.1f, disabled %.1f%n",
                medians.get(0), medians.get(1), medians.get(2), medians.get(3));
        double fastest = Collections.min(medians);
        double slowest = Collections.max(medians);
        assertThat(slowest / fastest).as("median milliseconds: wrong, unknown, locked, disabled " + medians)
                .isLessThan(1.2);
        assertThat(fastest).as("bcrypt runs every time").isGreaterThan(10);
    }

    @Test
    void aHundredFailuresFromOneAddressThrottleItWhateverTheAccounts() throws Exception {
        inParallel(100, i -> attempt(PREFIX + "spread" + i + "@test.example", "guess", "10.0.3.1"));

        assertThat(attempt(PREFIX + "spread@test.example", BrowserTest.DEMO_PASSWORD, "10.0.3.1")).isEqualTo("THROTTLED");
        assertThat(attempt(PREFIX + "spread@test.example", BrowserTest.DEMO_PASSWORD, "10.0.3.2")).isEqualTo("SIGNED_IN");
    }

    @Test
    void theApplicationRoleReadsNoHashAndCannotSkipTheCheck() throws SQLException {
        try (var app = database.asApplication()) {
            for (var sql : List.of("select password_hash from app_user", "select token_hash from invitation",
                    "select * from scope_grant", "select * from sign_in_secret", "select tenancy.seal()",
                    "select tenancy.issue_scope_token(1)", "select * from tenancy.sign_in_assignments(1)")) {
                assertThatThrownBy(() -> app.createStatement().executeQuery(sql).close()).as(sql)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isIn("42501", "42883"));
            }
            // The old functions that handed out hashes and cleared lockouts are gone.
            for (var sql : List.of("select * from tenancy.sign_in_account('editor@demo.example')",
                    "select tenancy.record_sign_in(1, true)")) {
                assertThatThrownBy(() -> app.createStatement().executeQuery(sql).close()).as(sql)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42883"));
            }
        }
    }

    private String attempt(String email, String password, String client) throws SQLException {
        try (var app = database.asApplication();
             var signIn = app.prepareStatement("select outcome from tenancy.sign_in(?, ?, ?)")) {
            signIn.setString(1, email);
            signIn.setString(2, password);
            signIn.setString(3, client);
            try (var outcome = signIn.executeQuery()) {
                outcome.next();
                return outcome.getString(1);
            }
        }
    }

    private void authenticate(String email, String password, String client) {
        var request = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        request.setDetails(new WebAuthenticationDetails(client, null));
        accounts.authenticate(request);
    }

    interface Attempt {
        String run(int index) throws Exception;
    }

    private static List<String> inParallel(int count, Attempt attempt) throws Exception {
        var pool = Executors.newFixedThreadPool(Math.min(count, 25));
        try {
            var tasks = new ArrayList<Callable<String>>();
            for (int i = 0; i < count; i++) {
                int index = i;
                tasks.add(() -> attempt.run(index));
            }
            var results = new ArrayList<String>();
            for (Future<String> future : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
