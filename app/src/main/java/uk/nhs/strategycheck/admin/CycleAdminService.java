package uk.nhs.strategycheck.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.nhs.strategycheck.audit.AuditLog;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.tenancy.CurrentScopeSource;
import uk.nhs.strategycheck.tenancy.ScopeAssignment;
import uk.nhs.strategycheck.tenancy.ScopeLevel;

/**
 * Assessment cycles: region admins create, open and close their region's (national admins
 * any region's), and reopen one trust's assessment after its cycle closed, with a reason.
 */
@Service
@Transactional
public class CycleAdminService {

    public static final int MAX_REOPEN_DAYS = 90;

    private final CycleAdminRepository cycles;
    private final OrganisationAdminRepository organisations;
    private final CurrentScopeSource scopes;
    private final AuditLog audit;
    private final Clock clock;

    CycleAdminService(CycleAdminRepository cycles, OrganisationAdminRepository organisations, CurrentScopeSource scopes,
                      AuditLog audit, Clock clock) {
        this.cycles = cycles;
        this.organisations = organisations;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the admin manages: their region's cycles, or every region's. */
    public record Cycles(List<CycleRow> cycles, List<RegionChoice> regions, boolean national, LocalDate today) {
    }

    @Transactional(readOnly = true)
    public Cycles cycles() {
        var admin = admin();
        boolean national = admin.level() == ScopeLevel.NATIONAL;
        var regions = organisations.regions().stream()
                .filter(r -> national || r.id() == admin.regionId()).toList();
        return new Cycles(cycles.cycles(national ? null : admin.regionId()), regions, national, LocalDate.now(clock));
    }

    public CycleRow create(Long regionId, String name, LocalDate opensOn, LocalDate closesOn) {
        var admin = admin();
        var errors = new AdminProblem.Errors();
        if (admin.level() == ScopeLevel.NATIONAL && regionId == null) {
            errors.add("region", "Choose the region the cycle is for.");
        }
        var cleanName = name == null ? "" : name.strip();
        if (!cleanName.matches("\\d{4}/\\d{2}")) {
            errors.add("name", "Name the cycle by its financial year, for example 2027/28.");
        }
        if (opensOn == null) {
            errors.add("opensOn", "Enter the first day of the cycle.");
        }
        if (closesOn == null) {
            errors.add("closesOn", "Enter the last day of the cycle.");
        } else if (opensOn != null && closesOn.isBefore(opensOn)) {
            errors.add("closesOn", "The last day must be the same as or after the first day, "
                    + Dates.format(opensOn) + ".");
        }
        Long region = admin.level() == ScopeLevel.NATIONAL ? regionId : admin.regionId();
        if (!errors.has("name") && region != null && cycles.nameTaken(region, cleanName)) {
            errors.add("name", "This region already has a " + cleanName + " cycle.");
        }
        errors.refuseIfAny();
        long id = cycles.insert(region, cleanName, opensOn, closesOn);
        var created = cycles.cycle(id).orElseThrow();
        audit.record("CYCLE_CREATED", "cycle", id, null, dates(created));
        return created;
    }

    /** Opens a cycle that has not opened yet, from today. */
    public CycleRow openNow(long cycleId) {
        var cycle = managed(cycleId);
        var today = LocalDate.now(clock);
        if (!today.isBefore(cycle.opensOn())) {
            throw new AdminProblem("The " + cycle.name() + " cycle opened on " + Dates.format(cycle.opensOn()) + ".");
        }
        cycles.changeDates(cycleId, today, cycle.closesOn().isBefore(today) ? today : cycle.closesOn());
        var opened = cycles.cycle(cycleId).orElseThrow();
        audit.record("CYCLE_OPENED", "cycle", cycleId, dates(cycle), dates(opened));
        return opened;
    }

    /**
     * What closing an open cycle now would do, for the admin to check before confirming: its last
     * day, the region's trusts it closes for, and the assessments not yet approved that become
     * read-only.
     */
    public record Closure(CycleRow cycle, LocalDate lastDay, int trusts, int assessments, int notApproved) {
    }

    @Transactional(readOnly = true)
    public Closure closure(long cycleId) {
        var cycle = closable(cycleId);
        var assessments = cycles.assessments(cycleId);
        int notApproved = (int) assessments.stream().filter(a -> !"APPROVED".equals(a.status())).count();
        return new Closure(cycle, LocalDate.now(clock).minusDays(1), cycles.openTrusts(cycle.regionId()),
                assessments.size(), notApproved);
    }

    /** Closes an open cycle: yesterday becomes its last day, so nothing more can change from today. */
    public CycleRow closeNow(long cycleId) {
        var cycle = closable(cycleId);
        cycles.changeDates(cycleId, cycle.opensOn(), LocalDate.now(clock).minusDays(1));
        var closed = cycles.cycle(cycleId).orElseThrow();
        audit.record("CYCLE_CLOSED", "cycle", cycleId, dates(cycle), dates(closed));
        return closed;
    }

    private CycleRow closable(long cycleId) {
        var cycle = managed(cycleId);
        var today = LocalDate.now(clock);
        if (!cycle.state(today).equals("Open")) {
            throw new AdminProblem("The " + cycle.name() + " cycle is not open.");
        }
        if (today.minusDays(1).isBefore(cycle.opensOn())) {
            throw new AdminProblem("The " + cycle.name() + " cycle opened today; it can be closed from tomorrow.");
        }
        return cycle;
    }

    /** The trusts' assessments in a cycle, for choosing one to reopen. */
    @Transactional(readOnly = true)
    public List<CycleAssessment> assessments(long cycleId) {
        managed(cycleId);
        return cycles.assessments(cycleId);
    }

    /**
     * Lets one trust change its assessment again after the cycle closed, until the given day;
     * a submitted or approved assessment goes back to the trust as returned.
     */
    public void reopen(long cycleId, String trustOdsCode, LocalDate until, String reason) {
        var cycle = managed(cycleId);
        var today = LocalDate.now(clock);
        if (!cycle.state(today).equals("Closed")) {
            throw new AdminProblem("The " + cycle.name() + " cycle has not closed, so its assessments are open anyway.");
        }
        boolean newerOpened = cycles.cycles(cycle.regionId()).stream()
                .anyMatch(other -> other.opensOn().isAfter(cycle.opensOn()) && !other.opensOn().isAfter(today));
        if (newerOpened) {
            throw new AdminProblem("A later cycle has opened in this region; only the latest cycle's assessments "
                    + "can be reopened.");
        }
        var errors = new AdminProblem.Errors();
        var assessment = cycles.assessments(cycleId).stream()
                .filter(a -> a.trustOdsCode().equals(trustOdsCode)).findFirst();
        if (assessment.isEmpty()) {
            errors.add("trust", trustOdsCode == null ? "Choose the trust whose assessment to reopen."
                    : "That trust has no assessment in the " + cycle.name() + " cycle.");
        }
        if (until == null || until.isBefore(today) || until.isAfter(today.plusDays(MAX_REOPEN_DAYS))) {
            errors.add("until", "Enter a day from " + Dates.format(today) + " to "
                    + Dates.format(today.plusDays(MAX_REOPEN_DAYS)) + ".");
        }
        var why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            errors.add("reason", why.isEmpty() ? "Say why it is reopened; the trust sees this."
                    : String.format("Keep the reason to 2,000 characters or fewer (it has %,d).", why.length()));
        }
        errors.refuseIfAny();
        var reopened = assessment.orElseThrow();
        cycles.reopen(reopened, until, "Reopened by the region until " + Dates.format(until) + ": " + why);
        var after = new LinkedHashMap<String, Object>();
        after.put("reopenedUntil", until.toString());
        after.put("reason", why);
        audit.recordFor(reopened.trustId(), "ASSESSMENT_REOPENED", "assessment", reopened.id(),
                Map.of("status", reopened.status()), after);
    }

    private CycleRow managed(long cycleId) {
        var admin = admin();
        return cycles.cycle(cycleId)
                .filter(c -> admin.level() == ScopeLevel.NATIONAL || c.regionId() == admin.regionId())
                .orElseThrow(() -> new AccessDeniedException("Not a cycle of your region"));
    }

    private ScopeAssignment admin() {
        var assignment = scopes.require().assignment();
        if (assignment.level() != ScopeLevel.REGION && assignment.level() != ScopeLevel.NATIONAL) {
            throw new AccessDeniedException("Only admins manage cycles");
        }
        return assignment;
    }

    private static Map<String, Object> dates(CycleRow cycle) {
        return Map.of("name", cycle.name(), "opensOn", cycle.opensOn().toString(), "closesOn", cycle.closesOn().toString());
    }
}
