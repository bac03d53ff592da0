package uk.nhs.strategycheck.load;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What each role's simulated user does, step by step, as a person would through the pages:
 * an editor answering statements, an approver reading the answers, an ICS leader comparing
 * member trusts and preparing the board pack. Each user signs in once and repeats its journey,
 * with think time between steps, until the stage ends; then it signs out.
 */
final class Journeys {

    /** The roles a simulated user can have, with the accounts the set-up script creates for them. */
    enum Role {
        EDITOR("load.editor.%03d@load.example"),
        APPROVER("load.approver.%03d@load.example"),
        LEADER("load.leader.%03d@load.example");

        private final String emailPattern;

        Role(String emailPattern) {
            this.emailPattern = emailPattern;
        }

        String email(int number) {
            return String.format(emailPattern, number);
        }
    }

    private static final long BOARD_PACK_TIMEOUT_MS = 60_000;
    private static final long POLL_INTERVAL_MS = 500;

    private final String baseUrl;
    private final String password;
    private final int thinkMinMs;
    private final int thinkMaxMs;

    Journeys(String baseUrl, String password, int thinkMinMs, int thinkMaxMs) {
        this.baseUrl = baseUrl;
        this.password = password;
        this.thinkMinMs = thinkMinMs;
        this.thinkMaxMs = thinkMaxMs;
    }

    /**
     * One simulated user, from sign-in to sign-out; a failed step starts its journey again. It says when
     * it has stopped (idle), and signs out once the service has been measured.
     */
    void run(Role role, int number, long endAtMillis, StepTimes times, CountDownLatch idle, CountDownLatch measured) {
        var client = new VaadinClient(baseUrl);
        var email = role.email(number);
        try {
            times.time("sign in", false, () -> client.signIn(email, password));
            var start = switch (role) {
                case EDITOR -> "assessment";
                case APPROVER -> "check-your-answers";
                case LEADER -> "ics/heatmap";
            };
            times.time(prefix(role) + "open " + start + " (page load)", true, () -> client.open(start));
        } catch (RuntimeException failed) {
            idle.countDown();
            return;
        }
        int round = 0;
        while (System.currentTimeMillis() < endAtMillis) {
            try {
                switch (role) {
                    case EDITOR -> editor(client, email, number + round, endAtMillis, times);
                    case APPROVER -> approver(client, endAtMillis, times);
                    case LEADER -> leader(client, endAtMillis, times);
                }
                times.journeyDone();
            } catch (StageOver over) {
                break;
            } catch (RuntimeException failed) {
                times.journeyFailed(role.name().toLowerCase() + " journey", failed);
                if (!reload(client, role, endAtMillis)) {
                    break;
                }
            }
            round++;
        }
        // Idle but signed in until the service's heap and sessions have been read at the end of the stage,
        // so that the reading holds the sessions and no request (no board pack being made) in flight.
        idle.countDown();
        try {
            measured.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        signOut(client);
    }

    /** Resynchronises as a person would, by reloading the page; false when the stage ended first. */
    private boolean reload(VaadinClient client, Role role, long endAtMillis) {
        try {
            think(endAtMillis);
            client.open(role == Role.LEADER ? "ics/heatmap" : "assessment");
        } catch (StageOver over) {
            return false;
        } catch (RuntimeException stillFailing) {
            // The next journey starts from whatever the page is; its first step will say if it is wrong.
        }
        return true;
    }

    /** Opens a characteristic, scores two of its statements and writes evidence for them, then goes back. */
    private void editor(VaadinClient client, String email, int round, long endAtMillis, StepTimes times) {
        var links = client.tree().findAll(NodeTree.withClass("characteristic-link"));
        if (links.isEmpty()) {
            throw new VaadinClient.StepFailed("no characteristic links on the assessment page");
        }
        var characteristic = links.get(Math.floorMod(round, links.size())).attributes.get("href");
        think(endAtMillis);
        times.time("editor: open characteristic", true, () -> client.followLink(characteristic));

        var statements = new ArrayList<>(client.tree().findAll(NodeTree.withClass("statement")));
        Collections.shuffle(statements);
        for (var statement : statements.subList(0, Math.min(2, statements.size()))) {
            var group = only(client.tree().findUnder(statement, NodeTree.tag("vaadin-radio-group")), "score");
            var options = client.tree().findUnder(group, NodeTree.tag("vaadin-radio-button")).stream()
                    .filter(option -> !"true".equals(option.property("checked"))).toList();
            var option = options.get(ThreadLocalRandom.current().nextInt(options.size()));
            think(endAtMillis);
            times.time("editor: choose score (autosave)", true, () -> {
                client.choose(group, option.property("value"));
                expectSaved(client, statement);
            });

            var evidence = only(client.tree().findUnder(statement, node -> "vaadin-text-area".equals(node.tag)
                    && "Evidence".equals(node.property("label"))), "evidence");
            var note = "Evidence typed by the load test as " + email + " at " + LocalTime.now().withNano(0)
                    + ": the board reviewed this in its last strategy session and agreed the next steps.";
            think(endAtMillis);
            times.time("editor: type evidence (autosave)", true, () -> {
                client.type(evidence, note);
                expectSaved(client, statement);
            });
        }
        think(endAtMillis);
        times.time("editor: back to overview", true, () -> client.followLink("assessment"));
    }

    /** Reads the whole assessment on one page, then the overview, as an approver checking it does. */
    private void approver(VaadinClient client, long endAtMillis, StepTimes times) {
        think(endAtMillis);
        times.time("approver: open assessment", true, () -> client.followLink("assessment"));
        think(endAtMillis);
        times.time("approver: open check your answers", true, () -> {
            client.followLink("check-your-answers");
            if (client.tree().findAll(node -> "h1".equals(node.tag)).isEmpty()) {
                throw new VaadinClient.StepFailed("check your answers showed no heading");
            }
        });
    }

    /** Filters and changes the heatmap's cycle, then prepares the board pack and downloads it. */
    private void leader(VaadinClient client, long endAtMillis, StepTimes times) {
        think(endAtMillis);
        chooseAnother(client, "Trust type", "leader: filter heatmap by trust type", times);
        think(endAtMillis);
        chooseAnother(client, "Cycle", "leader: change heatmap cycle", times);
        think(endAtMillis);
        times.time("leader: open reports", true, () -> client.followLink("reports"));

        var prepare = only(client.tree().findAll(node -> "vaadin-button".equals(node.tag)
                && client.tree().text(node).startsWith("Prepare ICS board pack")), "board pack button");
        think(endAtMillis);
        var href = new String[1];
        times.time("leader: board pack, click to ready", false, () -> {
            long giveUpAt = System.currentTimeMillis() + BOARD_PACK_TIMEOUT_MS;
            client.click(prepare);
            while ((href[0] = downloadLink(client)) == null) {
                var status = client.tree().findAll(NodeTree.withClass("report-status"));
                if (!status.isEmpty() && client.tree().text(status.get(0)).contains("could not be prepared")) {
                    throw new VaadinClient.StepFailed("the board pack could not be prepared");
                }
                if (System.currentTimeMillis() > giveUpAt) {
                    throw new VaadinClient.StepFailed("the board pack was not ready within a minute");
                }
                pause(POLL_INTERVAL_MS);
                client.poll();
            }
        });
        times.time("leader: download board pack PDF", false, () -> {
            if (client.download(href[0]) < 1000) {
                throw new VaadinClient.StepFailed("the board pack PDF was too small to be one");
            }
        });
        think(endAtMillis);
        times.time("leader: open heatmap", true, () -> client.followLink("ics/heatmap"));
    }

    /** Step names start with the role, so each role's steps sort together. */
    private static String prefix(Role role) {
        return switch (role) {
            case EDITOR -> "editor: ";
            case APPROVER -> "approver: ";
            case LEADER -> "leader: ";
        };
    }

    private static String downloadLink(VaadinClient client) {
        return client.tree().findAll(NodeTree.withClass("report-download")).stream()
                .map(link -> link.attributes.get("href")).filter(href -> href != null && !href.isEmpty())
                .findFirst().orElse(null);
    }

    /** Chooses an option of the labelled select other than the one chosen. */
    private static void chooseAnother(VaadinClient client, String label, String step, StepTimes times) {
        var select = only(client.tree().findAll(node -> "vaadin-select".equals(node.tag) && label.equals(node.property("label"))),
                label);
        var current = select.property("value");
        var others = client.tree().findUnder(select, NodeTree.tag("vaadin-select-item")).stream()
                .map(item -> item.property("value")).filter(value -> value != null && !value.equals(current)).distinct().toList();
        if (others.isEmpty()) {
            return;
        }
        var choice = others.get(ThreadLocalRandom.current().nextInt(others.size()));
        times.time(step, true, () -> client.choose(select, choice));
    }

    private static void expectSaved(VaadinClient client, NodeTree.Node statement) {
        var status = only(client.tree().findUnder(statement, NodeTree.withClass("save-status")), "save status");
        var text = client.tree().text(status);
        if (!text.startsWith("Saved at")) {
            throw new VaadinClient.StepFailed("autosave not confirmed: \"" + text + "\"");
        }
    }

    private static NodeTree.Node only(List<NodeTree.Node> found, String what) {
        if (found.isEmpty()) {
            throw new VaadinClient.StepFailed("no " + what + " on the page");
        }
        return found.get(0);
    }

    private static void signOut(VaadinClient client) {
        try {
            client.tree().findAll(node -> "vaadin-button".equals(node.tag) && "Sign out".equals(client.tree().text(node)))
                    .stream().findFirst().ifPresent(client::click);
        } catch (RuntimeException ignored) {
            // The answer to a sign-out is a redirect to the sign-in page, not a UI update.
        }
    }

    /** Thrown by think time that would end after the stage: the user stops there rather than rush on. */
    private static final class StageOver extends RuntimeException {
        StageOver() {
            super("the stage is over", null, false, false);
        }
    }

    private void think(long endAtMillis) {
        long wait = ThreadLocalRandom.current().nextLong(thinkMinMs, thinkMaxMs + 1L);
        long left = endAtMillis - System.currentTimeMillis();
        if (wait >= left) {
            pause(Math.max(0, left));
            throw new StageOver();
        }
        pause(wait);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VaadinClient.StepFailed("interrupted");
        }
    }
}
