package uk.nhs.strategycheck.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The timings of every step of every simulated user in one stage of a run: how many, how many
 * failed and why, and p50, p95 and p99. A step is an interaction when a person waits for the page
 * to answer a click or a keystroke (opening a page, an autosave, a filter); signing in, preparing a
 * PDF and downloading it are timed but are not interactions.
 */
final class StepTimes {

    /** What one step failed with; the first few of each kind are printed. */
    private final Map<String, AtomicInteger> failures = new ConcurrentSkipListMap<>();
    private final Map<String, Step> steps = new ConcurrentHashMap<>();
    private final AtomicInteger journeys = new AtomicInteger();
    private final AtomicInteger untimedErrors = new AtomicInteger();
    /** Whether the current thread's last failure was already counted against a step. */
    private final ThreadLocal<Boolean> countedInStep = new ThreadLocal<>();

    static final class Step {
        final String name;
        final boolean interaction;
        final List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger errors = new AtomicInteger();

        Step(String name, boolean interaction) {
            this.name = name;
            this.interaction = interaction;
        }
    }

    interface Action {
        void run();
    }

    /** Times the action; a failure counts as an error of the step and is thrown on. */
    void time(String name, boolean interaction, Action action) {
        var step = steps.computeIfAbsent(name, n -> new Step(n, interaction));
        long start = System.nanoTime();
        try {
            action.run();
            step.millis.add((System.nanoTime() - start) / 1e6);
        } catch (RuntimeException failure) {
            step.errors.incrementAndGet();
            countedInStep.set(true);
            failures.computeIfAbsent(name + ": " + String.valueOf(failure.getMessage()).replaceAll("[0-9a-f-]{36}", "<id>"),
                    k -> new AtomicInteger()).incrementAndGet();
            throw failure;
        }
    }

    /**
     * Counts a journey that stopped on a page that was not as expected outside a timed step; a
     * failure inside one is counted there already.
     */
    void journeyFailed(String journey, RuntimeException failure) {
        if (!Boolean.TRUE.equals(countedInStep.get())) {
            untimedErrors.incrementAndGet();
            failures.computeIfAbsent(journey + ": " + failure.getMessage(), k -> new AtomicInteger()).incrementAndGet();
        }
        countedInStep.remove();
    }

    void journeyDone() {
        countedInStep.remove();
        journeys.incrementAndGet();
    }

    int journeys() {
        return journeys.get();
    }

    int errors() {
        return untimedErrors.get() + steps.values().stream().mapToInt(s -> s.errors.get()).sum();
    }

    /** p95 of every interaction of the stage taken together. */
    double interactionP95() {
        var all = new ArrayList<Double>();
        steps.values().stream().filter(s -> s.interaction).forEach(s -> {
            synchronized (s.millis) {
                all.addAll(s.millis);
            }
        });
        return percentile(all, 95);
    }

    String table() {
        var out = new StringBuilder(String.format("%-46s %6s %6s %9s %9s %9s%n", "step", "count", "errors", "p50 ms", "p95 ms", "p99 ms"));
        steps.values().stream().sorted((a, b) -> a.name.compareTo(b.name)).forEach(step -> {
            List<Double> times;
            synchronized (step.millis) {
                times = new ArrayList<>(step.millis);
            }
            out.append(String.format("%-46s %6d %6d %9.0f %9.0f %9.0f%n", step.name + (step.interaction ? "" : " *"),
                    times.size(), step.errors.get(), percentile(times, 50), percentile(times, 95), percentile(times, 99)));
        });
        out.append("(* not an interaction: left out of the interaction p95)\n");
        if (!failures.isEmpty()) {
            out.append("Errors:\n");
            failures.forEach((what, count) -> out.append(String.format("  %5d x %s%n", count.get(), what)));
        }
        return out.toString();
    }

    /** Nearest-rank percentile; NaN when nothing was timed. */
    static double percentile(List<Double> values, int percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
