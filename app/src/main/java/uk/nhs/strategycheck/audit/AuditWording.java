package uk.nhs.strategycheck.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.tenancy.Role;

/**
 * The audit log in plain English: what each action code means, what its entity is, and its
 * before and after values field by field ("Status: Draft → Submitted"), never codes or JSON.
 */
final class AuditWording {

    /** Every action the service records (Java and the database's own functions), in words. */
    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("ACCOUNT_ACTIVATED", "Activated their account"),
            Map.entry("ACCOUNT_UNLOCKED", "Unlocked an account"),
            Map.entry("ACTION_ADDED", "Added an improvement action"),
            Map.entry("ACTION_CHANGED", "Changed an improvement action"),
            Map.entry("ANSWER_CHANGED", "Changed an answer"),
            Map.entry("APPROVERS_EMAILED", "Emailed the trust's approvers that an assessment awaits approval"),
            Map.entry("ASSESSMENT_APPROVED", "Approved an assessment"),
            Map.entry("ASSESSMENT_REOPENED", "Reopened an assessment"),
            Map.entry("ASSESSMENT_RETURNED", "Returned an assessment for changes"),
            Map.entry("ASSESSMENT_STARTED", "Started an assessment"),
            Map.entry("ASSESSMENT_SUBMITTED", "Submitted an assessment for approval"),
            Map.entry("CYCLE_CLOSED", "Closed an assessment cycle"),
            Map.entry("CYCLE_CREATED", "Created an assessment cycle"),
            Map.entry("CYCLE_OPENED", "Opened an assessment cycle"),
            Map.entry("EDITORS_EMAILED", "Emailed the trust's editors that an assessment was returned"),
            Map.entry("ICS_CLOSED", "Closed an ICS"),
            Map.entry("ICS_CREATED", "Created an ICS"),
            Map.entry("ICS_OPENED", "Opened an ICS"),
            Map.entry("ICS_RENAMED", "Renamed an ICS"),
            Map.entry("IDENTITY_LINKED", "Linked their account to their NHS identity at first sign-in"),
            Map.entry("INVITATION_SENT", "Sent a new invitation"),
            Map.entry("ORGANISATION_CHANGE_APPLIED", "Applied an organisation change"),
            Map.entry("ORGANISATION_CHANGE_CANCELLED", "Cancelled an organisation change"),
            Map.entry("ORGANISATION_CHANGE_PLANNED", "Planned an organisation change"),
            Map.entry("REMINDER_SENT", "Sent a reminder to a trust"),
            Map.entry("REPORT_DOWNLOADED", "Downloaded a report"),
            Map.entry("ROLE_ASSIGNED", "Gave a user a role"),
            Map.entry("ROLE_REMOVED", "Removed a user's role"),
            Map.entry("SECOND_FACTOR_ENROLLED", "Set up their security code app"),
            Map.entry("SECOND_FACTOR_FAILED", "Entered a wrong security code"),
            Map.entry("SECOND_FACTOR_PASSED", "Entered their security code"),
            Map.entry("SIGNED_IN", "Signed in"),
            Map.entry("SIGN_IN_FAILED", "Failed to sign in"),
            Map.entry("STRATEGY_DOCUMENT_DOWNLOADED", "Downloaded a strategy document"),
            Map.entry("STRATEGY_DOCUMENT_UPLOADED", "Uploaded a strategy document"),
            Map.entry("TRUSTS_IMPORTED", "Imported trusts from a file"),
            Map.entry("TRUST_CHANGED", "Changed a trust's details"),
            Map.entry("TRUST_CLOSED", "Closed a trust"),
            Map.entry("TRUST_CREATED", "Created a trust"),
            Map.entry("TRUST_MOVED_IN", "Moved a trust into an ICS"),
            Map.entry("TRUST_MOVED_OUT", "Moved a trust out of an ICS"),
            Map.entry("TRUST_OPENED", "Opened a trust"),
            Map.entry("TRUST_RENAMED", "Renamed a trust"),
            Map.entry("USER_DISABLED", "Disabled a user"),
            Map.entry("USER_ENABLED", "Enabled a user"),
            Map.entry("USER_INVITED", "Invited a user"));

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("status", "Status"),
            Map.entry("score", "Score"),
            Map.entry("evidence", "Evidence"),
            Map.entry("links", "Links"),
            Map.entry("reason", "Reason"),
            Map.entry("declaration", "Declaration"),
            Map.entry("emailSubject", "Email subject"),
            Map.entry("cycle", "Cycle"),
            Map.entry("email", "Email"),
            Map.entry("user", "User"),
            Map.entry("name", "Name"),
            Map.entry("shortName", "Short name"),
            Map.entry("role", "Role"),
            Map.entry("organisation", "Organisation"),
            Map.entry("linkExpires", "Invitation link expires"),
            Map.entry("failedSignIns", "Failed sign-ins"),
            Map.entry("failures", "Wrong codes in a row"),
            Map.entry("locked", "Locked"),
            Map.entry("lockedUntil", "Locked until"),
            Map.entry("opensOn", "Opens on"),
            Map.entry("closesOn", "Closes on"),
            Map.entry("reopenedUntil", "Reopened until"),
            Map.entry("title", "Title"),
            Map.entry("ownerName", "Owner"),
            Map.entry("dueOn", "Due on"),
            Map.entry("odsCode", "ODS code"),
            Map.entry("odsCodes", "ODS codes"),
            Map.entry("trustType", "Trust type"),
            Map.entry("organisationForm", "Organisation form"),
            Map.entry("postcode", "Postcode"),
            Map.entry("icsName", "ICS"),
            Map.entry("ics", "ICS"),
            Map.entry("closedOn", "Closed on"),
            Map.entry("successors", "Successors"),
            Map.entry("count", "Number"),
            Map.entry("effectiveOn", "Takes effect on"),
            Map.entry("steps", "Changes"),
            Map.entry("recipients", "Emailed"),
            Map.entry("report", "Report"),
            Map.entry("subject", "Of"),
            Map.entry("bytes", "Size"),
            Map.entry("file", "File"),
            Map.entry("pages", "Pages"),
            Map.entry("period", "Period covered"),
            Map.entry("method", "Signed in with"),
            Map.entry("issuer", "Identity provider"));

    /** Kept in the JSON for auditors, but not worth a line in words: internal numbers and checksums. */
    private static final Set<String> UNSHOWN = Set.of("id", "version", "sha256", "organisationChange", "characteristicId",
            "icsId");

    private static final Map<String, String> VALUES = Map.of(
            "DRAFT", "Draft",
            "SUBMITTED", "Submitted",
            "APPROVED", "Approved",
            "RETURNED", "Returned for changes",
            "IN_PROGRESS", "In progress",
            "NOT_STARTED", "Not started",
            "DONE", "Done");

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+|[A-Z]{3,}");
    private static final Pattern SNAKE_CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})");
    /** Abbreviations that stay in capitals when a code is turned into words. */
    private static final Set<String> ABBREVIATIONS = Set.of("ICS", "ICB", "ODS", "NHS", "CSV", "PDF", "URL");

    private final ObjectMapper json;

    AuditWording(ObjectMapper json) {
        this.json = json;
    }

    /** "Disabled a user"; a code with no label yet in words: "SOMETHING_NEW_HAPPENED" is "Something new happened". */
    static String action(String code) {
        return code == null ? "" : ACTIONS.getOrDefault(code, words(code));
    }

    /** "Trust editor" for a role code; the role's code in words if it is not one of ours. */
    static String role(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        for (var role : Role.values()) {
            if (role.name().equals(code)) {
                return role.label();
            }
        }
        return words(code);
    }

    /**
     * What the event concerns: the name the database found for it, else what the event itself
     * recorded about it ("User jane@example.org"), else its kind and number in words.
     */
    String subject(String entityType, String entityId, String named, String before, String after) {
        if (named != null) {
            return named;
        }
        var values = new LinkedHashMap<String, Object>(read(before));
        values.putAll(read(after));
        var type = entityType == null ? "" : entityType;
        var recorded = switch (type) {
            case "app_user" -> text(values.get("email"), values.get("user")).map(email -> "User " + email);
            case "role_assignment" -> text(values.get("user")).map(user -> "Role of " + user);
            case "improvement_action" -> text(values.get("title")).map(title -> "Improvement action: " + title);
            case "organisation_change" -> text(values.get("title")).map(title -> "Organisation change: " + title);
            case "strategy_document" -> text(values.get("file")).map(file -> "Strategy document " + file);
            case "trust" -> text(values.get("name")).map(name -> name + (entityId == null ? "" : " (" + entityId + ")"));
            case "country" -> java.util.Optional.ofNullable(entityId);
            case "ics" -> text(values.get("shortName"), values.get("name"))
                    .map(name -> name + (entityId == null ? "" : " (" + entityId + ")"));
            default -> java.util.Optional.<String>empty();
        };
        return recorded.orElseGet(() -> {
            var kind = switch (type) {
                case "app_user" -> "A user account";
                case "role_assignment" -> "A role";
                case "answer" -> "An answer";
                case "improvement_action" -> "An improvement action";
                case "organisation_change" -> "An organisation change";
                case "strategy_document" -> "A strategy document";
                case "assessment" -> "An assessment";
                case "cycle" -> "An assessment cycle";
                case "trust" -> "A trust";
                case "ics" -> "An ICS";
                case "" -> "";
                default -> words(type);
            };
            if (entityId == null) {
                return type.equals("trust") ? "Trusts" : kind;
            }
            return kind.isEmpty() ? entityId : kind + " (number " + entityId + ")";
        });
    }

    /**
     * The change field by field. With both sides: each field that changed, "Status: Draft →
     * Submitted", and a field only before as "Status was: Approved". With one side (a creation or
     * a removal): each field, "Role: Trust editor".
     */
    List<String> changes(String before, String after) {
        var old = read(before);
        var now = read(after);
        var lines = new ArrayList<String>();
        if (before == null || after == null) {
            (after == null ? old : now).forEach((key, value) -> {
                if (!UNSHOWN.contains(key)) {
                    lines.add(field(key) + ": " + value(key, value));
                }
            });
            return lines;
        }
        var keys = new LinkedHashSet<String>(now.keySet());
        keys.addAll(old.keySet());
        for (var key : keys) {
            if (UNSHOWN.contains(key)) {
                continue;
            }
            if (!now.containsKey(key)) {
                lines.add(field(key) + " was: " + value(key, old.get(key)));
            } else if (!old.containsKey(key)) {
                lines.add(field(key) + ": " + value(key, now.get(key)));
            } else if (!Objects.equals(old.get(key), now.get(key))) {
                lines.add(field(key) + ": " + value(key, old.get(key)) + " → " + value(key, now.get(key)));
            }
        }
        return lines;
    }

    private Map<String, Object> read(String value) {
        if (value == null || value.isBlank()) {
            return Map.of();
        }
        try {
            var node = json.readTree(value);
            if (node.isObject()) {
                return json.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() { });
            }
            return Map.of("value", json.convertValue(node, Object.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Map.of("value", value);
        }
    }

    private static String field(String key) {
        return FIELDS.getOrDefault(key, camelWords(key));
    }

    private static String value(String key, Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Boolean yes) {
            return yes ? "Yes" : "No";
        }
        if (value instanceof Number number) {
            return key.equals("bytes") ? size(number.longValue()) : number.toString();
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "none" : list.stream().map(item -> value("", item)).collect(Collectors.joining("; "));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .filter(entry -> !UNSHOWN.contains(String.valueOf(entry.getKey())))
                    .map(entry -> field(String.valueOf(entry.getKey())) + " " + value(String.valueOf(entry.getKey()),
                            entry.getValue()))
                    .collect(Collectors.joining(", "));
        }
        var text = value.toString();
        if (text.isBlank()) {
            return "none";
        }
        if (key.equals("role")) {
            return role(text);
        }
        if (VALUES.containsKey(text)) {
            return VALUES.get(text);
        }
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return Dates.format(LocalDate.parse(text));
            } catch (DateTimeParseException notADate) {
                return text;
            }
        }
        if (ISO_INSTANT.matcher(text).matches()) {
            try {
                return Dates.dateTime(java.time.OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException notATime) {
                return text;
            }
        }
        if (SNAKE_CODE.matcher(text).matches() || key.equals("status") && CODE.matcher(text).matches()) {
            return words(text);
        }
        return text;
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.UK, "%.0f KB", bytes / 1024.0);
        }
        return String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** "SOMETHING_NEW_HAPPENED" as "Something new happened", keeping ICS, ODS and the like in capitals. */
    static String words(String code) {
        var parts = code.strip().toLowerCase(Locale.UK).split("[_\\s]+");
        var text = new StringBuilder();
        for (var part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(' ');
            }
            var upper = part.toUpperCase(Locale.UK);
            text.append(ABBREVIATIONS.contains(upper) ? upper : part);
        }
        if (text.isEmpty()) {
            return "";
        }
        text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
        return text.toString();
    }

    /** "failedSignIns" as "Failed sign ins". */
    private static String camelWords(String key) {
        return words(key.replaceAll("([a-z0-9])([A-Z])", "$1_$2"));
    }

    private static java.util.Optional<String> text(Object... candidates) {
        for (var candidate : candidates) {
            if (candidate instanceof String text && !text.isBlank()) {
                return java.util.Optional.of(text);
            }
        }
        return java.util.Optional.empty();
    }
}
