package uk.nhs.strategycheck.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import uk.nhs.strategycheck.shared.Csv;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.tenancy.CurrentScopeSource;
import uk.nhs.strategycheck.tenancy.ScopeLevel;

/**
 * Writes the append-only audit log: who, when, in which scope, what, before and after.
 * Runs inside the caller's transaction, so a change and its audit row commit together.
 */
@Service
public class AuditLog {

    private final AuditRepository events;
    private final CurrentScopeSource scopes;
    private final ObjectMapper json;
    private final AuditWording wording;

    AuditLog(AuditRepository events, CurrentScopeSource scopes, ObjectMapper json) {
        this.events = events;
        this.scopes = scopes;
        this.json = json;
        this.wording = new AuditWording(json);
    }

    /**
     * Records a change made in the current scope. Before and after are plain values (records,
     * maps, strings) written as JSON; null where there was nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        recordFor(scopes.require().assignment().trustId(), action, entityType, entityId, before, after);
    }

    /**
     * Records a change an ICS (or wider) scope made concerning one of its trusts, so that the
     * trust sees it in its own log. Row level security refuses a trust outside the scope.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordFor(Long trustId, String action, String entityType, Object entityId, Object before, Object after) {
        var scope = scopes.require();
        var assignment = scope.assignment();
        events.insert(new AuditRepository.NewEvent(scope.userId(), scope.userEmail(), scope.userName(),
                assignment.role().name(), assignment.regionId(), assignment.icsId(), trustId,
                action, entityType, entityId == null ? null : entityId.toString(), toJson(before), toJson(after)));
    }

    /** Rows of the log the admin may read (their region's, or all for a national admin), newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> search(AuditFilter filter, int offset, int limit) {
        requireAdmin();
        return events.find(filter, offset, limit).stream().map(this::inWords).toList();
    }

    private AuditEntry inWords(AuditRepository.StoredEvent event) {
        return new AuditEntry(event.id(), event.at(), event.userName(), event.userEmail(), AuditWording.role(event.role()),
                event.organisation(), AuditWording.action(event.action()),
                wording.subject(event.entityType(), event.entityId(), event.subject(), event.before(), event.after()),
                wording.changes(event.before(), event.after()),
                event.action(), event.entityType(), event.entityId(), event.before(), event.after());
    }

    @Transactional(readOnly = true)
    public int count(AuditFilter filter) {
        requireAdmin();
        return events.count(filter);
    }

    /** The kinds of change in the log, in words and in alphabetical order, for filtering. */
    @Transactional(readOnly = true)
    public List<AuditAction> actions() {
        requireAdmin();
        return events.actions().stream().map(code -> new AuditAction(code, AuditWording.action(code)))
                .sorted(java.util.Comparator.comparing(AuditAction::label)).toList();
    }

    /**
     * The matching rows as CSV (UTF-8 with BOM), at most {@value #CSV_LIMIT} of them: in words first,
     * then the codes and the JSON as stored, for auditors who need them.
     */
    @Transactional(readOnly = true)
    public byte[] csv(AuditFilter filter) {
        requireAdmin();
        var csv = new Csv().row(List.of("When", "User", "Email", "Role", "Organisation", "Action", "What", "Changes",
                "Action code", "Entity type", "Entity id", "Before (JSON)", "After (JSON)"));
        for (var entry : search(filter, 0, CSV_LIMIT)) {
            csv.row(java.util.Arrays.asList(Dates.dateTime(entry.at()), entry.userName(), entry.userEmail(), entry.role(),
                    entry.organisation(), entry.action(), entry.subject(), String.join("\n", entry.changes()),
                    entry.actionCode(), entry.entityType(), entry.entityId(), entry.before(), entry.after()));
        }
        return csv.bytes();
    }

    public static final int CSV_LIMIT = 100_000;

    private void requireAdmin() {
        var level = scopes.require().assignment().level();
        if (level != ScopeLevel.REGION && level != ScopeLevel.NATIONAL) {
            throw new AccessDeniedException("Only admins read the audit log");
        }
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit value cannot be written as JSON", e);
        }
    }
}
