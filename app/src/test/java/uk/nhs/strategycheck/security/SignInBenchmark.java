package uk.nhs.strategycheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.browser.BrowserTest;
import uk.nhs.strategycheck.shared.ServiceAddress;

/**
 * A benchmark, not a test: a password sign-in through the running service (POST /login to the
 * redirect), alone and during a burst of sign-ins, and a page load of a user already signed in,
 * alone and during the same burst. Prints p50 and p95; asserts only that the requests succeeded.
 *
 * <p>Excluded from {@code ./mvnw verify}; run it with
 * {@code ./mvnw -pl app test -Dtest=SignInBenchmark -Dgroups=benchmark -DexcludedGroups=none}.
 * {@code -Dbenchmark.iterations} (40) measured requests of each kind, {@code -Dbenchmark.burst}
 * (40) clients signing in over and over during the burst.
 */
@IntegrationTest
@Tag("benchmark")
class SignInBenchmark {

    private static final int ITERATIONS = Integer.getInteger("benchmark.iterations", 40);
    private static final int BURST = Integer.getInteger("benchmark.burst", 40);
    private static final List<String> ACCOUNTS = List.of("editor@demo.example", "approver@demo.example",
            "viewer@demo.example", "ics.leader@demo.example", "multi.viewer@demo.example");

    @LocalServerPort
    int port;
    @Autowired
    ServiceAddress address;
    @Autowired
    SignInSettings settings;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void signInAloneAndDuringABurst() throws Exception {
        var working = client();
        signIn(working, "viewer@demo.example");
        // Warm-up: the first requests pay for class loading and the pool's connections.
        for (int i = 0; i < 10; i++) {
            signIn(client(), "editor@demo.example");
            pageLoad(working);
        }
        var signInAlone = new ArrayList<Long>();
        var pageAlone = new ArrayList<Long>();
        for (int i = 0; i < ITERATIONS; i++) {
            signInAlone.add(signIn(client(), "editor@demo.example"));
            pageAlone.add(pageLoad(working));
        }

        var stop = new AtomicBoolean();
        var burstSignIns = Collections.synchronizedList(new ArrayList<Long>());
        var pool = Executors.newFixedThreadPool(BURST);
        List<Future<?>> burst = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            var email = ACCOUNTS.get(i % ACCOUNTS.size());
            burst.add(pool.submit(() -> {
                while (!stop.get()) {
                    burstSignIns.add(signIn(client(), email));
                }
                return null;
            }));
        }
        var pageDuring = new ArrayList<Long>();
        try {
            Thread.sleep(2000);
            for (int i = 0; i < ITERATIONS; i++) {
                pageDuring.add(pageLoad(working));
                Thread.sleep(50);
            }
        } finally {
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        }
        for (var future : burst) {
            future.get();
        }

        // {bcrypt}$2a$10$...: the cost is the third field.
        System.out.printf(Locale.ROOT, "%nSign-in benchmark (%d password checks at once, bcrypt cost %s)%n",
                settings.checksAtOnce(), passwords.encode("benchmark").split("\\$")[2]);
        print("sign-in, alone", signInAlone);
        print("sign-in, during a burst of " + BURST + " clients", burstSignIns);
        print("signed-in page load, alone", pageAlone);
        print("signed-in page load, during the burst", pageDuring);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs in through the form as a browser does and returns the time to the redirect, in microseconds. */
    private long signIn(HttpClient client, String email) throws Exception {
        var form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(BrowserTest.DEMO_PASSWORD, StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", address.origin())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        long start = System.nanoTime();
        var response = client.send(request, HttpResponse.BodyHandlers.discarding());
        long micros = (System.nanoTime() - start) / 1000;
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return micros;
    }

    /** A signed-in user's page (Vaadin's bootstrap page of their home view), in microseconds. */
    private long pageLoad(HttpClient client) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/trust")).GET().build();
        long start = System.nanoTime();
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - start) / 1000;
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("Sign in");
        return micros;
    }

    private static void print(String what, List<Long> micros) {
        var sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-45s n=%4d  p50 %8.1f ms  p95 %8.1f ms%n", what, sorted.size(),
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1000.0);
    }
}
