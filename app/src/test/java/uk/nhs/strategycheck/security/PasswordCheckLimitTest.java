package uk.nhs.strategycheck.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import uk.nhs.strategycheck.browser.BrowserTest;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.TestDatabase;

/**
 * A burst of sign-ins cannot take every connection and core: no more password checks (bcrypt in
 * PostgreSQL) run at once than the setting allows, one that waits too long is refused as busy (and
 * counted so), and
 * a password sign-in is one statement, role assignments included. Real PostgreSQL throughout.
 */
@IntegrationTest
class PasswordCheckLimitTest {

    // Different accounts: checks of one account wait for each other on its row lock anyway.
    private static final List<String> ACCOUNTS = List.of("editor@demo.example", "approver@demo.example",
            "viewer@demo.example", "ics.leader@demo.example", "multi.viewer@demo.example",
            "region.admin@demo.example", "national.admin@demo.example");

    @Autowired
    AccountService accounts;
    @Autowired
    SignInSettings settings;
    @Autowired
    DSLContext db;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TestDatabase database;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void noMoreChecksRunAtOnceThanAllowed() throws Exception {
        int threads = ACCOUNTS.size() * 2;
        var pool = Executors.newFixedThreadPool(threads);
        var stop = new AtomicBoolean();
        int most = 0;
        // As the application role: pg_stat_activity shows a role only its own sessions' statements.
        try (var app = database.asApplication(); var watch = app.prepareStatement("""
                select count(*) from pg_stat_activity
                 where state = 'active' and query like '%sign_in_with_assignments%' and pid <> pg_backend_pid()""")) {
            var start = new CountDownLatch(1);
            List<Future<?>> burst = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                var email = ACCOUNTS.get(i % ACCOUNTS.size());
                burst.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 4 && !stop.get(); round++) {
                        accounts.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email,
                                BrowserTest.DEMO_PASSWORD));
                    }
                    return null;
                }));
            }
            start.countDown();
            while (burst.stream().anyMatch(future -> !future.isDone())) {
                try (var rs = watch.executeQuery()) {
                    rs.next();
                    most = Math.max(most, rs.getInt(1));
                }
            }
            for (var future : burst) {
                future.get();
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(settings.checksAtOnce()).isLessThan(ACCOUNTS.size());
        // Reaching the bound shows the watch sees checks running side by side at all.
        assertThat(most).isEqualTo(settings.checksAtOnce());
    }

    @Test
    void aCheckThatWaitsTooLongIsRefusedAsBusy() throws Exception {
        var checks = new PasswordChecks(1, Duration.ofMillis(200));
        var running = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        var pool = Executors.newSingleThreadExecutor();
        try {
            var first = pool.submit(() -> checks.check(() -> {
                running.countDown();
                await(finish);
                return "first";
            }));
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            long before = System.nanoTime();
            assertThatThrownBy(() -> checks.check(() -> "second")).isInstanceOf(SignInBusyException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
            finish.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
            // Its turn given back, the next check runs.
            assertThat(checks.check(() -> "third")).isEqualTo("third");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSignInRefusedAsBusyIsCountedAsBusy() throws Exception {
        var checking = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        // The first sign-in's statement holds the only turn until released.
        var held = DSL.using(db.configuration().derive(new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                checking.countDown();
                await(release);
            }
        })));
        var oneAtATime = new SignInSettings(true, null, 1, Duration.ofMillis(100));
        var counted = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        var service = new AccountService(new SignInRepository(held), oneAtATime, counted);
        var pool = Executors.newSingleThreadExecutor();
        try {
            var first = pool.submit(() -> service.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    "viewer@demo.example", BrowserTest.DEMO_PASSWORD)));
            assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> service.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    "editor@demo.example", BrowserTest.DEMO_PASSWORD))).isInstanceOf(SignInBusyException.class);
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).isAuthenticated()).isTrue();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(counted.counter("dsc.sign.ins", "method", "password", "outcome", "busy").count()).isEqualTo(1);
        assertThat(counted.counter("dsc.sign.ins", "method", "password", "outcome", "signed_in").count()).isEqualTo(1);
    }

    @Test
    void aPasswordSignInIsOneStatement() {
        var statements = new AtomicInteger();
        var counted = DSL.using(db.configuration().derive(new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                statements.incrementAndGet();
            }
        })));
        var service = new AccountService(new SignInRepository(counted), settings, meters);

        var user = (SignedInUser) service.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                "multi.viewer@demo.example", BrowserTest.DEMO_PASSWORD)).getPrincipal();

        assertThat(statements).hasValue(1);
        // The same assignments, in the same order, as a later request reads them by the token.
        assertThat(user.assignments()).hasSize(2)
                .containsExactlyElementsOf(accounts.signedIn(user.scopeToken()).assignments());
        assertThat(user.active()).contains(user.assignments().get(0));
    }

    @Test
    void passwordsAreHashedAtTheCostUnknownAccountsAreCheckedAt() throws Exception {
        var hash = passwords.encode("correct horse battery staple");
        assertThat(hash).startsWith("{bcrypt}$2a$10$");
        try (var owner = database.asOwner()) {
            assertThat(TestDatabase.text(owner, "select substr(dummy_hash, 1, 7) from sign_in_secret"))
                    .isEqualTo(hash.substring("{bcrypt}".length(), "{bcrypt}".length() + 7));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
