package uk.nhs.strategycheck.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The load test harness (issue 14): simulated users of each role sign in and do their real
 * journeys against a running service, one instance or the cluster behind HAProxy, and the harness
 * prints p50, p95 and p99 of every step, the errors, the heap each Vaadin session holds and the
 * service's CPU time. Run it with infra/load/run.sh, which creates the accounts first; it is tagged
 * "load" and so left out of every other run. Bounded: loopback addresses only, at most
 * {@value #MAX_USERS} users at once and {@value #MAX_STAGE_SECONDS} s a stage.
 *
 * <p>Either one stage with {@code load.editors}, {@code load.approvers} and {@code load.leaders}
 * users, or, with {@code load.stepUp=5,10,20,40}, stages of that many users (split by
 * {@code load.mix}, editors:approvers:leaders) until the p95 of interactions reaches 250 ms or a
 * step fails, and the largest number of users that stayed below it.
 */
@Tag("load")
class LoadHarness {

    static final int MAX_USERS = 200;
    static final int MAX_STAGE_SECONDS = 600;
    static final int MAX_RAMP_UP_SECONDS = 300;
    static final double INTERACTION_P95_TARGET_MS = 250;

    @Test
    void run() throws Exception {
        var baseUrl = loopback(setting("load.baseUrl", "http://localhost:28080"));
        var managementUrls = Arrays.stream(setting("load.managementUrls", "http://localhost:29080").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(LoadHarness::loopback).toList();
        var pids = Arrays.stream(setting("load.pids", "").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        int accounts = Integer.parseInt(setting("load.accounts", "100"));
        int rampUp = bounded("load.rampUp", 10, 0, MAX_RAMP_UP_SECONDS);
        int duration = bounded("load.duration", 60, 5, MAX_STAGE_SECONDS);
        int thinkMin = bounded("load.thinkMinMs", 1000, 0, 60_000);
        int thinkMax = bounded("load.thinkMaxMs", 3000, thinkMin, 60_000);
        var journeys = new Journeys(baseUrl, setting("load.password", "Demo-2026-strategy"), thinkMin, thinkMax);
        var gauge = new ServiceGauge(managementUrls, pids);

        System.out.printf("%nLoad test of %s: ramp-up %d s, %d s a stage, think time %d-%d ms, metrics from %s%s%n",
                baseUrl, rampUp, duration, thinkMin, thinkMax, managementUrls,
                pids.isEmpty() ? " (no pid given: heap is read without a full collection first)" : ", pids " + pids);

        int warmUp = bounded("load.warmUp", 30, 0, MAX_STAGE_SECONDS);
        if (warmUp > 0) {
            // A cold service compiles and caches as it goes: a stage to warm it, whose figures are not the result.
            System.out.printf("%nWarm-up (its figures are not the result):");
            runStage(journeys, gauge, new int[] {2, 1, 1}, 0, warmUp);
        }

        var stepUp = setting("load.stepUp", "");
        if (stepUp.isBlank()) {
            var mix = new int[] {bounded("load.editors", 2, 0, accounts), bounded("load.approvers", 1, 0, accounts),
                    bounded("load.leaders", 1, 0, accounts)};
            runStage(journeys, gauge, mix, rampUp, duration);
            return;
        }
        var ratio = Arrays.stream(setting("load.mix", "3:1:1").split(":")).mapToInt(Integer::parseInt).toArray();
        var summary = new ArrayList<String>();
        int held = 0;
        for (var size : stepUp.split(",")) {
            int users = Integer.parseInt(size.strip());
            var mix = split(users, ratio, accounts);
            var result = runStage(journeys, gauge, mix, rampUp, duration);
            boolean holds = result.p95 < INTERACTION_P95_TARGET_MS && result.errors == 0;
            summary.add(String.format("%6d %5d/%d/%d %12.0f %7d %6s", users, mix[0], mix[1], mix[2], result.p95, result.errors,
                    holds ? "yes" : "no"));
            if (!holds) {
                break;
            }
            held = users;
        }
        System.out.printf("%nStep-up summary (interaction p95 under %.0f ms and no errors):%n%6s %9s %12s %7s %6s%n",
                INTERACTION_P95_TARGET_MS, "users", "E/A/L", "p95 ms", "errors", "holds");
        summary.forEach(System.out::println);
        System.out.printf("Largest number of concurrent users held: %s%n", held == 0 ? "none of the sizes tried" : held);
    }

    private record StageResult(double p95, int errors) {
    }

    private static StageResult runStage(Journeys journeys, ServiceGauge gauge, int[] mix, int rampUp, int duration)
            throws InterruptedException {
        int users = mix[0] + mix[1] + mix[2];
        if (users < 1 || users > MAX_USERS) {
            throw new IllegalArgumentException("A stage has 1 to " + MAX_USERS + " users, not " + users);
        }
        var times = new StepTimes();
        var before = gauge.available() ? gauge.read() : null;
        long start = System.currentTimeMillis();
        long endAt = start + (rampUp + duration) * 1000L;
        var idle = new CountDownLatch(users);
        var measured = new CountDownLatch(1);
        var threads = new ArrayList<Thread>();
        var roles = new ArrayList<Journeys.Role>();
        var numbers = new ArrayList<Integer>();
        for (var role : Journeys.Role.values()) {
            for (int n = 1; n <= mix[role.ordinal()]; n++) {
                roles.add(role);
                numbers.add(n);
            }
        }
        // Interleaved, so that every role is represented throughout the ramp-up.
        var order = interleave(roles.size(), mix);
        for (int i = 0; i < order.size(); i++) {
            int index = order.get(i);
            var thread = new Thread(() -> journeys.run(roles.get(index), numbers.get(index), endAt, times, idle, measured),
                    "load-" + roles.get(index).name().toLowerCase() + "-" + numbers.get(index));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
            if (users > 1) {
                Thread.sleep(rampUp * 1000L / users);
            }
        }
        Thread.sleep(Math.max(0, endAt - System.currentTimeMillis()));
        idle.await(2, TimeUnit.MINUTES);
        var after = before == null ? null : gauge.read();
        measured.countDown();
        for (var thread : threads) {
            thread.join(120_000);
        }
        double seconds = (System.currentTimeMillis() - start) / 1000.0;
        // Once the users have signed out their sessions are gone: what the heap lost is what they held,
        // whatever caches the stage warmed on the way.
        Thread.sleep(1000);
        var signedOut = before == null ? null : gauge.read();

        System.out.printf("%n=== %d users (editors %d, approvers %d, ICS leaders %d), %.0f s including %d s ramp-up ===%n",
                users, mix[0], mix[1], mix[2], seconds, rampUp);
        System.out.print(times.table());
        double p95 = times.interactionP95();
        System.out.printf("Journeys completed: %d; errors: %d; interaction p95: %.0f ms%n", times.journeys(), times.errors(), p95);
        if (before != null) {
            double cpu = after.cpuSeconds() - before.cpuSeconds();
            System.out.printf("Service heap after a full GC: %.1f MiB before the stage (%.0f Vaadin sessions), %.1f MiB at its end "
                            + "(%.0f sessions), %.1f MiB once its users signed out (%.0f sessions)%n",
                    before.heapBytes() / 1048576, before.sessions(), after.heapBytes() / 1048576, after.sessions(),
                    signedOut.heapBytes() / 1048576, signedOut.sessions());
            double closed = after.sessions() - signedOut.sessions();
            if (closed > 0) {
                System.out.printf("Heap per Vaadin session: %.0f KiB (freed when they signed out, per session closed)%n",
                        (after.heapBytes() - signedOut.heapBytes()) / closed / 1024);
            }
            System.out.printf("Service CPU: %.1f s over the stage, %.2f s per completed journey, %.2f s per user-minute%n",
                    cpu, cpu / Math.max(1, times.journeys()), cpu / (users * (rampUp / 2.0 + duration) / 60));
        }
        return new StageResult(p95, times.errors());
    }

    /** Splits a number of users by the ratio, with at least one of each role the ratio asks for. */
    static int[] split(int users, int[] ratio, int accounts) {
        int parts = Arrays.stream(ratio).sum();
        var mix = new int[3];
        for (int role = 1; role < 3; role++) {
            mix[role] = ratio[role] == 0 ? 0 : Math.max(1, Math.round((float) users * ratio[role] / parts));
        }
        mix[0] = Math.max(0, users - mix[1] - mix[2]);
        for (int count : mix) {
            if (count > accounts) {
                throw new IllegalArgumentException(users + " users need " + count + " accounts of one role; there are "
                        + accounts + " (load.accounts, made by infra/load/run.sh)");
            }
        }
        return mix;
    }

    /** The order to start users in: round robin over the roles. */
    private static List<Integer> interleave(int total, int[] mix) {
        var order = new ArrayList<Integer>();
        int[] offset = {0, mix[0], mix[0] + mix[1]};
        int[] next = new int[3];
        while (order.size() < total) {
            for (int role = 0; role < 3; role++) {
                if (next[role] < mix[role]) {
                    order.add(offset[role] + next[role]++);
                }
            }
        }
        return order;
    }

    /** The address, if it is on this machine's loopback interface; the harness loads nothing else. */
    static String loopback(String url) {
        var host = URI.create(url).getHost();
        try {
            if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalArgumentException("The load test runs against loopback addresses only, not " + url);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host in " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static int bounded(String name, int otherwise, int min, int max) {
        int value = Integer.parseInt(setting(name, String.valueOf(otherwise)));
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    private static String setting(String name, String otherwise) {
        var value = System.getProperty(name);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }
}
