package uk.nhs.strategycheck.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The failover drill (issue 14, infra/cluster/failover-test.sh): K simulated editors, each at a
 * trust of its own, sign in through HAProxy (so they spread over both instances) and keep
 * autosaving answers, each with a marker of its own, recording every save the page confirmed
 * ("Saved at"). Meanwhile the script kills the Patroni leader's PostgreSQL (or has Patroni switch
 * over to the replica), then one application instance, and writes when it did so to the events file. At the end, for every statement, the
 * database must hold the last value the page confirmed, or a later one the editor tried (a save
 * whose answer was lost): anything else is a lost save, and the drill fails. Tagged "failover",
 * so no other run includes it.
 *
 * <p>What the editors do when something fails is what the browser does: a request that HAProxy
 * could not pass to any instance (503) is sent again, as Vaadin's client does while it shows
 * "Server connection lost"; a statement that says "Not saved yet" is left to the page, which saves
 * it again when polled; a page whose session has gone (its instance was killed) means signing in
 * again.
 */
@Tag("failover")
class FailoverDrill {

    private static final String PASSWORD = "Demo-2026-strategy";
    private static final Pattern MARKER = Pattern.compile("^Drill (\\S+) editor (\\d+) (statement-\\S+) save (\\d+)");
    private static final long SAVE_EVERY_MS = 700;
    private static final int MAX_EDITORS = 100;
    private static final long MAX_RUN_MS = 600_000;

    /** A statement's answer as the drill compares it: score and evidence. */
    record Value(Integer score, String evidence) {
    }

    /** What one editor tried and what the page confirmed, per statement. */
    static final class Statement {
        final List<Value> attempted = new ArrayList<>();
        int lastConfirmed = -1;
    }

    /** Something an editor would have noticed. */
    record Disturbance(long at, String instance, String what) {
    }

    /** What happened to one editor, for the summary. */
    static final class Editor {
        final int number;
        final Map<String, Statement> statements = new HashMap<>();
        /** The instance the editor is on, and since when each it has been on. */
        volatile String instance = "?";
        final Map<Long, String> instances = new java.util.TreeMap<>();
        /** When the page confirmed each of its saves. */
        final List<Long> confirmations = new ArrayList<>();
        /** Everything the editor would have noticed (a failed request, a message), with when. */
        final List<Disturbance> disturbances = new ArrayList<>();
        int toldToSignInAgain;
        String signedOutBy = "";
        Value lastPending;

        Editor(int number) {
            this.number = number;
        }
    }

    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger confirmed = new AtomicInteger();
    private final AtomicInteger notSavedYet = new AtomicInteger();
    private final AtomicInteger resent = new AtomicInteger();
    private final AtomicInteger savedOnRetry = new AtomicInteger();

    private String baseUrl;
    private String runId;
    private Path events;

    @Test
    void run() throws Exception {
        baseUrl = LoadHarness.loopback(setting("drill.baseUrl", "http://localhost:18080"));
        int editors = Integer.parseInt(setting("drill.editors", "4"));
        assertThat(editors).as("editors").isBetween(1, MAX_EDITORS);
        events = Path.of(setting("drill.events", "target/failover-events"));
        var readyFile = Path.of(setting("drill.ready", "target/failover-ready"));
        var stopFile = Path.of(setting("drill.stop", "target/failover-stop"));
        runId = Long.toString(System.currentTimeMillis(), 36);
        long giveUpAt = System.currentTimeMillis() + MAX_RUN_MS;

        var all = new ArrayList<Editor>();
        var threads = new ArrayList<Thread>();
        var ready = new AtomicInteger();
        for (int n = 1; n <= editors; n++) {
            var editor = new Editor(n);
            all.add(editor);
            var thread = new Thread(() -> edit(editor, ready, stopFile, giveUpAt), "drill-editor-" + n);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        while (ready.get() < editors && System.currentTimeMillis() < giveUpAt && !Files.exists(stopFile)) {
            Thread.sleep(200);
        }
        Files.writeString(readyFile, "ready\n");
        System.out.printf("%nFailover drill %s: %d editors saving through %s%n", runId, editors, baseUrl);
        for (var thread : threads) {
            thread.join(MAX_RUN_MS);
        }
        report(all);
    }

    /** One editor: signs in, opens a characteristic and saves, every ~0.7 s, until told to stop. */
    private void edit(Editor editor, AtomicInteger ready, Path stopFile, long giveUpAt) {
        var email = Journeys.Role.EDITOR.email(editor.number);
        // One browser throughout: its cookies keep it on its instance, as HAProxy's affinity cookie does.
        var client = new VaadinClient(baseUrl);
        boolean counted = false;
        boolean open = false;
        int save = 0;
        while (!Files.exists(stopFile) && System.currentTimeMillis() < giveUpAt) {
            try {
                if (!open) {
                    signInAndOpen(client, email, editor.number);
                    onInstance(editor, client.cookie("DSC_NODE").orElse("?"));
                    editor.lastPending = null;
                    open = true;
                }
                var statements = client.tree().findAll(NodeTree.withClass("statement"));
                var statement = statements.get(save % statements.size());
                var key = statement.attributes.get("id");
                save++;
                var outcome = saveOnce(client, editor, statement, key, save);
                if (outcome == Outcome.SIGNED_OUT) {
                    open = false;
                    continue;
                }
                if (!counted && outcome == Outcome.CONFIRMED) {
                    counted = true;
                    ready.incrementAndGet();
                }
                pollWhilePending(client, editor);
            } catch (VaadinClient.StepFailed failed) {
                if (signInNeeded(failed)) {
                    signedOut(editor, failed);
                    open = false;
                } else {
                    disturbed(editor, failed.getMessage());
                    // A request the browser sends again by itself keeps the page; anything else
                    // makes a person reload it.
                    open = open && unavailable(failed);
                }
            }
            pause(SAVE_EVERY_MS);
        }
    }

    private enum Outcome { CONFIRMED, NOT_SAVED_YET, SIGNED_OUT }

    /** Types a new evidence note with a marker of its own, then a new score: two autosaves. */
    private Outcome saveOnce(VaadinClient client, Editor editor, NodeTree.Node statementNode, String key, int save) {
        var tree = client.tree();
        var evidence = only(tree.findUnder(statementNode, node -> "vaadin-text-area".equals(node.tag)
                && "Evidence".equals(node.property("label"))));
        var group = only(tree.findUnder(statementNode, NodeTree.tag("vaadin-radio-group")));
        var note = "Drill " + runId + " editor " + editor.number + " " + key + " save " + save;
        var current = scoreOf(group);
        var first = send(client, editor, statementNode, key, new Value(current, note), () -> client.type(evidence, note));
        if (first != Outcome.CONFIRMED && first != Outcome.NOT_SAVED_YET) {
            return first;
        }
        int score = 1 + Math.floorMod(Objects.requireNonNullElse(current, 0) + ThreadLocalRandom.current().nextInt(1, 5), 5);
        return send(client, editor, statementNode, key, new Value(score, note),
                () -> client.choose(group, String.valueOf(score)));
    }

    /** Sends one change, as the browser would until the service takes it, and reads what the statement says. */
    private Outcome send(VaadinClient client, Editor editor, NodeTree.Node statementNode, String key, Value value,
                         Runnable change) {
        var statement = statementOf(editor, key);
        synchronized (editor) {
            statement.attempted.add(value);
        }
        attempts.incrementAndGet();
        for (int tries = 0; ; tries++) {
            try {
                change.run();
                break;
            } catch (VaadinClient.StepFailed failed) {
                if (signInNeeded(failed)) {
                    signedOut(editor, failed);
                    return Outcome.SIGNED_OUT;
                }
                if (!unavailable(failed) || tries > 120) {
                    throw failed;
                }
                // Not passed to any instance: sent again, as Vaadin's client does while reconnecting.
                resent.incrementAndGet();
                disturbed(editor, failed.getMessage());
                pause(1000);
            }
        }
        return readStatus(client, editor, statementNode, key, value, false);
    }

    private Outcome readStatus(VaadinClient client, Editor editor, NodeTree.Node statementNode, String key, Value value,
                               boolean onRetry) {
        var status = client.tree().text(only(client.tree().findUnder(statementNode, NodeTree.withClass("save-status"))));
        var statement = statementOf(editor, key);
        if (status.startsWith("Saved at")) {
            synchronized (editor) {
                statement.lastConfirmed = statement.attempted.lastIndexOf(value);
                editor.lastPending = null;
            }
            confirmed.incrementAndGet();
            if (onRetry) {
                savedOnRetry.incrementAndGet();
            }
            synchronized (editor) {
                editor.confirmations.add(System.currentTimeMillis());
            }
            return Outcome.CONFIRMED;
        }
        if (status.startsWith("Not saved yet")) {
            if (!onRetry) {
                notSavedYet.incrementAndGet();
            }
            synchronized (editor) {
                editor.lastPending = value;
            }
            return Outcome.NOT_SAVED_YET;
        }
        throw new VaadinClient.StepFailed("the statement said \"" + status + "\"");
    }

    /** While a statement waits to save again, polls as the page does, until it says it is saved. */
    private void pollWhilePending(VaadinClient client, Editor editor) {
        for (int polls = 0; editor.lastPending != null && polls < 60; polls++) {
            pause(1000);
            client.poll();
            for (var node : client.tree().findAll(NodeTree.withClass("statement"))) {
                var key = node.attributes.get("id");
                var statement = statementOf(editor, key);
                Value last;
                synchronized (editor) {
                    last = statement.attempted.isEmpty() ? null : statement.attempted.get(statement.attempted.size() - 1);
                }
                if (last != null && last.equals(editor.lastPending)) {
                    readStatus(client, editor, node, key, last, true);
                }
            }
        }
    }

    private void signInAndOpen(VaadinClient client, String email, int number) {
        client.signIn(email, PASSWORD);
        client.open("assessment");
        var links = client.tree().findAll(NodeTree.withClass("characteristic-link"));
        if (links.isEmpty()) {
            throw new VaadinClient.StepFailed("no characteristic links on the assessment page");
        }
        client.followLink(links.get(number % links.size()).attributes.get("href"));
    }

    private void signedOut(Editor editor, VaadinClient.StepFailed how) {
        synchronized (editor) {
            editor.toldToSignInAgain++;
            editor.signedOutBy = how.getMessage();
            editor.disturbances.add(new Disturbance(System.currentTimeMillis(), editor.instance, "told to sign in again"));
        }
    }

    private static void onInstance(Editor editor, String instance) {
        synchronized (editor) {
            if (!instance.equals(editor.instance)) {
                editor.instances.put(System.currentTimeMillis(), instance);
            }
            editor.instance = instance;
        }
    }

    /** The instance the editor was on at the time. */
    private static String instanceAt(Editor editor, long millis) {
        synchronized (editor) {
            var on = "?";
            for (var entry : editor.instances.entrySet()) {
                if (entry.getKey() <= millis) {
                    on = entry.getValue();
                }
            }
            return on;
        }
    }

    private static void disturbed(Editor editor, String what) {
        synchronized (editor) {
            editor.disturbances.add(new Disturbance(System.currentTimeMillis(), editor.instance, what));
        }
    }

    /**
     * A request that failed in a way Vaadin's client recovers from by sending it again (any status
     * but 401, or no answer: HAProxy had no instance for it, the instance could not read the
     * user's roles, or went away under it), showing "Server connection lost" meanwhile.
     */
    private static boolean unavailable(VaadinClient.StepFailed failed) {
        var message = failed.getMessage();
        return message.startsWith("HTTP 5") || message.contains("IOException") || message.contains("ConnectException");
    }

    /** The instance answering has no session for this browser: the page would send its user to sign in. */
    private static boolean signInNeeded(VaadinClient.StepFailed failed) {
        var message = failed.getMessage();
        return message.startsWith("HTTP 302") || message.startsWith("HTTP 401") || message.startsWith("HTTP 403")
                || message.contains("sessionExpired") || message.contains("did not answer with a UI");
    }

    private static Statement statementOf(Editor editor, String key) {
        synchronized (editor) {
            return editor.statements.computeIfAbsent(key, k -> new Statement());
        }
    }

    private static Integer scoreOf(NodeTree.Node group) {
        var value = group.property("value");
        return value == null || value.isBlank() ? null : Integer.valueOf(value);
    }

    private static NodeTree.Node only(List<NodeTree.Node> found) {
        if (found.isEmpty()) {
            throw new VaadinClient.StepFailed("the statement is not on the page as expected");
        }
        return found.get(0);
    }

    /** Compares what the pages confirmed with the database and prints the figures; fails on a lost save. */
    private void report(List<Editor> editors) throws IOException, SQLException {
        var stored = storedAnswers();
        int lost = 0;
        int checked = 0;
        var lostLines = new ArrayList<String>();
        for (var editor : editors) {
            for (var entry : editor.statements.entrySet()) {
                var statement = entry.getValue();
                if (statement.lastConfirmed < 0) {
                    continue;
                }
                checked++;
                var holds = stored.get(editor.number + " " + entry.getKey());
                var acceptable = statement.attempted.subList(statement.lastConfirmed, statement.attempted.size());
                if (holds == null || !acceptable.contains(holds)) {
                    lost++;
                    lostLines.add("  LOST: editor " + editor.number + " " + entry.getKey() + ": confirmed "
                            + statement.attempted.get(statement.lastConfirmed) + ", database holds " + holds);
                }
            }
        }
        var times = readEvents();
        System.out.printf("%n=== Failover drill %s ===%n", runId);
        long onApp1 = editors.stream().filter(e -> "app1".equals(e.instances.values().stream().findFirst().orElse(""))).count();
        System.out.printf("Editors: %d (first signed in on app1: %d, app2: %d)%n", editors.size(), onApp1,
                editors.size() - onApp1);
        System.out.printf("Saves attempted: %d; confirmed (\"Saved at\"): %d; reported \"Not saved yet\": %d "
                        + "(of which saved later by the page trying again: %d); requests sent again, as Vaadin's client "
                        + "does while it shows \"Server connection lost\" (HTTP 5xx or no answer): %d%n", attempts.get(), confirmed.get(), notSavedYet.get(),
                savedOnRetry.get(), resent.get());
        System.out.printf("Statements checked against the database: %d; LOST saves: %d%n", checked, lost);
        lostLines.forEach(System.out::println);

        // The leader goes either way: killed, or handed over in a planned switchover.
        boolean switchover = times.containsKey("switchover");
        var leaderKilled = switchover ? times.get("switchover") : times.get("leader-killed");
        var appKilled = times.get("app-killed");
        if (leaderKilled != null) {
            var elected = times.get("leader-elected");
            long windowEnd = appKilled == null ? Long.MAX_VALUE : appKilled;
            // Each editor is back once the page confirms a save after the last failure it saw.
            var backAfter = new ArrayList<Long>();
            for (var editor : editors) {
                synchronized (editor) {
                    var lastFailure = editor.disturbances.stream().mapToLong(Disturbance::at)
                            .filter(t -> t >= leaderKilled && t < windowEnd).max();
                    long since = lastFailure.isPresent() ? lastFailure.getAsLong() : leaderKilled;
                    editor.confirmations.stream().filter(t -> t > since).findFirst()
                            .ifPresent(t -> backAfter.add(t - leaderKilled));
                }
            }
            var firstFailure = editors.stream().flatMap(e -> e.disturbances.stream()).mapToLong(Disturbance::at)
                    .filter(t -> t >= leaderKilled && t < windowEnd).min();
            var cause = switchover ? "the request" : "the kill";
            System.out.printf("%s (%s to Patroni reporting a new leader) %s; first failure an editor saw %s after %s; "
                            + "every editor saving again (a save confirmed after the last failure it saw) %s after %s "
                            + "(the first editor %s)%n",
                    switchover ? "Planned switchover: switchover" : "Leader's PostgreSQL killed: failover", cause,
                    elected == null ? "not seen" : seconds(elected - leaderKilled),
                    firstFailure.isPresent() ? seconds(firstFailure.getAsLong() - leaderKilled) : "none", cause,
                    backAfter.size() < editors.size() ? "never, for " + (editors.size() - backAfter.size()) + " editors"
                            : seconds(backAfter.stream().mapToLong(Long::longValue).max().orElse(0)), cause,
                    seconds(backAfter.stream().mapToLong(Long::longValue).min().orElse(0)));
        }
        int keptRunningErrors = 0;
        if (appKilled != null) {
            var keptRunning = editors.stream().filter(e -> "app1".equals(instanceAt(e, appKilled))).toList();
            var killedEditors = editors.stream().filter(e -> "app2".equals(instanceAt(e, appKilled))).toList();
            for (var editor : keptRunning) {
                for (var disturbance : editor.disturbances) {
                    if (disturbance.at() >= appKilled) {
                        keptRunningErrors++;
                        System.out.printf("  ERROR seen on app1 by editor %d at %s: %s%n", editor.number,
                                java.time.Instant.ofEpochMilli(disturbance.at()), disturbance.what());
                    }
                }
            }
            long toldToSignIn = killedEditors.stream().filter(e -> e.toldToSignInAgain > 0).count();
            System.out.printf("app2 killed: %d editors on app1, %d on app2; of app2's, %d were told to sign in again (%s) "
                            + "and went on on %s; errors seen by app1's editors: %d%n",
                    keptRunning.size(), killedEditors.size(), toldToSignIn,
                    killedEditors.stream().filter(e -> e.toldToSignInAgain > 0).map(e -> e.signedOutBy).findFirst().orElse("-"),
                    killedEditors.stream().map(e -> e.instance).distinct().toList(), keptRunningErrors);
        }
        assertThat(lost).as("saves confirmed to the user but not in the database").isZero();
        assertThat(checked).as("statements with a confirmed save").isPositive();
        assertThat(keptRunningErrors).as("errors seen by the editors of the instance that kept running").isZero();
    }

    /** Every drill answer of this run in the database, by editor and statement, read as the owner through the leader. */
    private Map<String, Value> storedAnswers() throws SQLException {
        var answers = new HashMap<String, Value>();
        var url = setting("drill.databaseUrl", "jdbc:postgresql://127.0.0.1:15000/dsc");
        try (var connection = DriverManager.getConnection(url, setting("drill.databaseUser", "dsc_owner"),
                setting("drill.databasePassword", "dsc_owner"));
             var query = connection.prepareStatement("select score, evidence from answer where evidence like ?")) {
            query.setString(1, "Drill " + runId + " %");
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    var evidence = rows.getString(2);
                    var marker = MARKER.matcher(evidence);
                    if (marker.find()) {
                        int score = rows.getInt(1);
                        answers.put(marker.group(2) + " " + marker.group(3), new Value(rows.wasNull() ? null : score, evidence));
                    }
                }
            }
        }
        return answers;
    }

    /** The script's events: a name and the epoch milliseconds it happened at, a line each. */
    private Map<String, Long> readEvents() throws IOException {
        var times = new HashMap<String, Long>();
        if (Files.exists(events)) {
            for (var line : Files.readAllLines(events)) {
                var parts = line.strip().split("\\s+");
                if (parts.length >= 2) {
                    times.putIfAbsent(parts[0], Long.parseLong(parts[1]));
                }
            }
        }
        return times;
    }

    private static String seconds(long millis) {
        return String.format("%.1f s", millis / 1000.0);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String setting(String name, String otherwise) {
        var value = System.getProperty(name);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }
}
