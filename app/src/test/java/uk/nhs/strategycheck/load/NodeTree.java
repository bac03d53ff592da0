package uk.nhs.strategycheck.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The client's copy of a Vaadin UI's state tree, kept from the "changes" of every UIDL response,
 * so that a simulated user can find what a person would look at (a button by its text, a text
 * area by its label, a statement's radio buttons) and address events to its node id. Only the
 * features a journey needs are kept: tag (feature 0), properties (1), children (2), attributes
 * (3), text (7) and class names (11).
 */
final class NodeTree {

    private static final int ELEMENT_DATA = 0;
    private static final int PROPERTIES = 1;
    private static final int CHILDREN = 2;
    private static final int ATTRIBUTES = 3;
    private static final int TEXT = 7;
    private static final int CLASS_LIST = 11;

    /** One element or text node. */
    static final class Node {
        final int id;
        String tag;
        String text;
        boolean visible = true;
        final Map<String, JsonNode> properties = new HashMap<>();
        final Map<String, String> attributes = new HashMap<>();
        final List<Integer> children = new ArrayList<>();
        final List<String> classes = new ArrayList<>();

        Node(int id) {
            this.id = id;
        }

        String property(String name) {
            var value = properties.get(name);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    private final Map<Integer, Node> nodes = new HashMap<>();

    void apply(JsonNode changes) {
        if (changes == null) {
            return;
        }
        for (var change : changes) {
            int id = change.get("node").asInt();
            var type = change.get("type").asText();
            if ("detach".equals(type)) {
                nodes.remove(id);
                continue;
            }
            var node = nodes.computeIfAbsent(id, Node::new);
            int feature = change.path("feat").asInt(-1);
            switch (type) {
                case "put" -> put(node, feature, change.get("key").asText(), change.get("value"));
                case "remove" -> remove(node, feature, change.get("key").asText());
                case "splice" -> splice(node, feature, change);
                case "clear" -> {
                    if (feature == CHILDREN) {
                        node.children.clear();
                    } else if (feature == CLASS_LIST) {
                        node.classes.clear();
                    }
                }
                default -> { } // attach, and features no journey reads
            }
        }
    }

    private static void put(Node node, int feature, String key, JsonNode value) {
        switch (feature) {
            case ELEMENT_DATA -> {
                if ("tag".equals(key)) {
                    node.tag = value.asText();
                } else if ("visible".equals(key)) {
                    node.visible = value.asBoolean(true);
                }
            }
            case PROPERTIES -> node.properties.put(key, value == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : value);
            // A link to a resource the server registered (such as a prepared PDF) comes as {"uri": ...}.
            case ATTRIBUTES -> node.attributes.put(key, value == null ? "" : value.has("uri") ? value.get("uri").asText() : value.asText());
            case TEXT -> node.text = value == null ? "" : value.asText();
            default -> { }
        }
    }

    private static void remove(Node node, int feature, String key) {
        if (feature == PROPERTIES) {
            node.properties.remove(key);
        } else if (feature == ATTRIBUTES) {
            node.attributes.remove(key);
        }
    }

    private static void splice(Node node, int feature, JsonNode change) {
        int index = change.path("index").asInt();
        int removed = change.path("remove").asInt(0);
        if (feature == CHILDREN) {
            for (int i = 0; i < removed && index < node.children.size(); i++) {
                node.children.remove(index);
            }
            var added = new ArrayList<Integer>();
            change.path("addNodes").forEach(n -> added.add(n.asInt()));
            node.children.addAll(Math.min(index, node.children.size()), added);
        } else if (feature == CLASS_LIST) {
            for (int i = 0; i < removed && index < node.classes.size(); i++) {
                node.classes.remove(index);
            }
            var added = new ArrayList<String>();
            change.path("add").forEach(n -> added.add(n.asText()));
            node.classes.addAll(Math.min(index, node.classes.size()), added);
        }
    }

    Optional<Node> get(int id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** The text a person would read in the node: its own and its descendants', in order. */
    String text(Node node) {
        var text = new StringBuilder();
        appendText(node, text, 0);
        return text.toString().strip();
    }

    private void appendText(Node node, StringBuilder text, int depth) {
        if (node.text != null) {
            text.append(node.text);
        }
        if (depth > 50) {
            return;
        }
        for (int child : node.children) {
            var childNode = nodes.get(child);
            if (childNode != null) {
                appendText(childNode, text, depth + 1);
            }
        }
    }

    /** Every node under the given one (itself excluded), depth first, that matches. */
    List<Node> findUnder(Node root, Predicate<Node> matches) {
        var found = new ArrayList<Node>();
        collect(root, matches, found, 0);
        return found;
    }

    private void collect(Node node, Predicate<Node> matches, List<Node> found, int depth) {
        if (depth > 60) {
            return;
        }
        for (int child : node.children) {
            var childNode = nodes.get(child);
            if (childNode != null) {
                if (matches.test(childNode)) {
                    found.add(childNode);
                }
                collect(childNode, matches, found, depth + 1);
            }
        }
    }

    /** Every node of the tree that matches, wherever it is (detached nodes are already gone). */
    List<Node> findAll(Predicate<Node> matches) {
        return nodes.values().stream().filter(matches).sorted((a, b) -> Integer.compare(a.id, b.id)).toList();
    }

    static Predicate<Node> tag(String tag) {
        return node -> tag.equals(node.tag);
    }

    static Predicate<Node> withClass(String className) {
        return node -> node.classes.contains(className);
    }
}
