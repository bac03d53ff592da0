package uk.nhs.strategycheck.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One simulated browser tab speaking Vaadin Flow's client-server protocol over plain HTTP, as
 * recorded from Chromium: the bootstrap page, {@code ?v-r=init} for a UI's first state, then
 * {@code POST ?v-r=uidl} messages carrying the CSRF token, the server's sync id and the client's
 * own message id. It keeps the UI's node tree so journeys can find what they act on. Nothing is
 * rendered and no JavaScript runs, so one of these costs the load generator almost nothing.
 */
final class VaadinClient {

    /** A request the service answered with an error, or a page that is not as the journey expects. */
    static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** What a click on a button sends with it (Vaadin's ClickEvent reads these). */
    private static final String CLICK_DATA = "{\"event.shiftKey\":false,\"event.metaKey\":false,\"event.detail\":1,"
            + "\"event.ctrlKey\":false,\"event.clientX\":10,\"event.clientY\":10,\"event.altKey\":false,"
            + "\"event.button\":0,\"event.screenY\":10,\"event.screenX\":10}";

    /** What a desktop Chromium says about itself (Vaadin.Flow.getBrowserDetailsParameters). */
    private static final ObjectNode BROWSER_DETAILS = JSON.createObjectNode().put("v-sh", "768").put("v-sw", "1366")
            .put("v-wh", "768").put("v-ww", "1366").put("v-bh", "768").put("v-bw", "1366").put("v-curdate", "0")
            .put("v-tzo", "0").put("v-dstd", "0").put("v-rtzo", "0").put("v-dston", "false").put("v-tzid", "Europe/London")
            .put("v-wn", "v-load").put("v-td", "false").put("v-pr", "1").put("v-np", "Linux x86_64");

    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private NodeTree tree = new NodeTree();
    private String csrfToken;
    private int uiId = -1;
    private int syncId;
    private int clientId;
    private int promiseId;
    private int historyIndex;

    VaadinClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    NodeTree tree() {
        return tree;
    }

    /** The value of a cookie the client holds, such as the load balancer's instance affinity cookie. */
    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Signs in through the form, as the browser posts it: with the page's CSRF token and its Origin. */
    void signIn(String email, String password) {
        var page = get("/login");
        var csrf = CSRF_META.matcher(page.body());
        var form = "username=" + encode(email) + "&password=" + encode(password)
                + (csrf.find() ? "&_csrf=" + encode(csrf.group(1)) : "");
        var response = send(HttpRequest.newBuilder(URI.create(base + "/login")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        var location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new StepFailed("sign-in of " + email + " refused: HTTP " + response.statusCode() + " to " + location);
        }
    }

    /** Opens a route as a full page load: the bootstrap page, a new UI, and navigation to the route. */
    void open(String route) {
        get("/" + route);
        var init = get("/?v-r=init&location=" + encode(route) + "&query=");
        JsonNode config;
        try {
            config = JSON.readTree(init.body()).get("appConfig");
        } catch (IOException e) {
            throw new StepFailed("opening " + route + ": the service did not answer with a UI (" + abbreviate(init.body()) + ")");
        }
        tree = new NodeTree();
        uiId = config.get("v-uiId").asInt();
        var uidl = config.get("uidl");
        csrfToken = uidl.get("Vaadin-Security-Key").asText();
        syncId = uidl.path("syncId").asInt(0);
        clientId = 0;
        historyIndex = 0;
        tree.apply(uidl.get("changes"));
        navigate("/" + route, "");
    }

    /** Follows a router link inside the UI, as a click on one does (no new page load). */
    void followLink(String route) {
        historyIndex++;
        navigate(route, "link");
    }

    private void navigate(String route, String trigger) {
        var data = JSON.createObjectNode().put("route", route).put("query", "").put("appShellTitle", "Digital Strategy Check")
                .put("trigger", trigger);
        data.putObject("historyState").put("idx", historyIndex);
        var event = JSON.createObjectNode().put("type", "event").put("node", 1).put("event", "ui-navigate");
        event.set("data", data);
        rpc(List.of(event));
        loadGrids();
    }

    /** Asks every grid on the page for its first rows, as the browser's grid does when it is shown. */
    private void loadGrids() {
        var requests = tree.findAll(NodeTree.tag("vaadin-grid")).stream().map(grid -> {
            var call = JSON.createObjectNode().put("type", "publishedEventHandler").put("node", grid.id)
                    .put("templateEventMethodName", "setViewportRange").put("promise", promiseId++);
            call.putArray("templateEventMethodArgs").add(0).add(50);
            return (JsonNode) call;
        }).toList();
        if (!requests.isEmpty()) {
            rpc(requests);
        }
    }

    /** Sets a property of an element and fires the DOM event that tells the server about it. */
    void setValue(NodeTree.Node node, String property, String value, String event, JsonNode eventData) {
        var sync = JSON.createObjectNode().put("type", "mSync").put("node", node.id).put("feature", 1)
                .put("property", property).put("value", value);
        var fired = JSON.createObjectNode().put("type", "event").put("node", node.id).put("event", event);
        fired.set("data", eventData == null ? JSON.createObjectNode() : eventData);
        rpc(List.of(sync, fired));
    }

    /** Chooses an option of a radio group or a select by its item key, as a click on it does. */
    void choose(NodeTree.Node field, String key) {
        setValue(field, "value", key, "value-changed", null);
    }

    /** Types text into a text area whose value is sent when typing stops (ValueChangeMode.LAZY). */
    void type(NodeTree.Node textArea, String text) {
        var debounce = JSON.createObjectNode().put("1", 1).put("for", "trailing");
        setValue(textArea, "value", text, "input", debounce);
    }

    void click(NodeTree.Node button) {
        try {
            var event = JSON.createObjectNode().put("type", "event").put("node", button.id).put("event", "click");
            event.set("data", JSON.readTree(CLICK_DATA));
            rpc(List.of(event));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the browser sends while the page polls (UI.setPollInterval). */
    void poll() {
        rpc(List.of(JSON.createObjectNode().put("type", "event").put("node", 1).put("event", "ui-poll")));
    }

    /** Downloads a resource the page links to (such as a prepared PDF); returns its size in bytes. */
    long download(String href) {
        var response = sendBytes(HttpRequest.newBuilder(URI.create(base + "/" + href)).timeout(TIMEOUT).GET().build());
        if (response.statusCode() != 200) {
            throw new StepFailed("download of " + href + ": HTTP " + response.statusCode());
        }
        return response.body().length;
    }

    /**
     * Sends one UIDL message and applies the answer to the node tree; then answers what the server
     * asked the browser for in it, as the browser would.
     */
    private void rpc(List<JsonNode> invocations) {
        var replies = exchange(invocations);
        while (!replies.isEmpty()) {
            replies = exchange(replies);
        }
    }

    private List<JsonNode> exchange(List<JsonNode> invocations) {
        var replies = new ArrayList<JsonNode>();
        ObjectNode message = JSON.createObjectNode().put("csrfToken", csrfToken);
        ArrayNode rpc = message.putArray("rpc");
        invocations.forEach(rpc::add);
        message.put("syncId", syncId).put("clientId", clientId);
        var response = send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId)).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString())).build());
        var body = response.body();
        if (response.statusCode() != 200 || !body.startsWith("for(;;);")) {
            throw new StepFailed("HTTP " + response.statusCode() + " to a UIDL message: " + abbreviate(body));
        }
        JsonNode answers;
        try {
            answers = JSON.readTree(body.substring("for(;;);".length()));
        } catch (IOException e) {
            throw new StepFailed("unreadable UIDL answer: " + abbreviate(body));
        }
        for (var answer : answers) {
            var meta = answer.get("meta");
            if (meta != null && (meta.has("appError") || meta.has("sessionExpired"))) {
                throw new StepFailed("the service reported " + abbreviate(meta.toString()));
            }
            if (answer.has("syncId")) {
                syncId = answer.get("syncId").asInt();
            }
            if (answer.has("clientId")) {
                clientId = answer.get("clientId").asInt();
            }
            tree.apply(answer.get("changes"));
            answer.path("execute").forEach(call -> replyToBrowserDetails(call, replies));
        }
        return replies;
    }

    /**
     * Answers the server's request for the browser's details (window size, time zone), which
     * Page.retrieveExtendedClientDetails sends until it has them: unanswered, every callback waiting
     * for them (and the view it refers to) stays in the UI's memory.
     */
    private static void replyToBrowserDetails(JsonNode call, List<JsonNode> replies) {
        var script = call.get(call.size() - 1).asText();
        var resolve = call.get(0);
        if (script.contains("getBrowserDetailsParameters") && resolve.isArray() && resolve.get(0).asInt() == 2) {
            var reply = JSON.createObjectNode().put("type", "channel").put("node", resolve.get(1).asInt())
                    .put("channel", resolve.get(2).asInt());
            reply.putArray("args").add(BROWSER_DETAILS);
            replies.add(reply);
        }
    }

    private HttpResponse<String> get(String path) {
        var response = send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build());
        if (response.statusCode() >= 400) {
            throw new StepFailed("HTTP " + response.statusCode() + " for " + path);
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StepFailed(request.method() + " " + request.uri().getRawPath() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailed("interrupted");
        }
    }

    private HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new StepFailed(request.method() + " " + request.uri().getRawPath() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailed("interrupted");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        var line = text.replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
