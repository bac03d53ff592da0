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
        long region = admin.level() == ScopeLevel.NATIONAL ? requireRegion(regionId) : admin.regionId();
        var cleanName = name == null ? "" : name.strip();
        if (!cleanName.matches("\\d{4}/\\d{2}")) {
            throw new AdminProblem.Invalid("name", "Name the cycle by its financial year, for example 2027/28.");
        }
        if (opensOn == null || closesOn == null) {
            throw new AdminProblem.Invalid(opensOn == null ? "opensOn" : "closesOn", "Enter the dates the cycle opens and closes.");
        }
        if (closesOn.isBefore(opensOn)) {
            throw new AdminProblem.Invalid("closesOn", "The cycle must close on or after the day it opens.");
        }
        if (cycles.nameTaken(region, cleanName)) {
            throw new AdminProblem.Invalid("name", "This region already has a " + cleanName + " cycle.");
        }
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

    /** Closes an open cycle: yesterday becomes its last day, so nothing more can change from today. */
    public CycleRow closeNow(long cycleId) {
        var cycle = managed(cycleId);
        var today = LocalDate.now(clock);
        if (!cycle.state(today).equals("Open")) {
            throw new AdminProblem("The " + cycle.name() + " cycle is not open.");
        }
        var yesterday = today.minusDays(1);
        if (yesterday.isBefore(cycle.opensOn())) {
            throw new AdminProblem("The " + cycle.name() + " cycle opened today; it can be closed from tomorrow.");
        }
        cycles.changeDates(cycleId, cycle.opensOn(), yesterday);
        var closed = cycles.cycle(cycleId).orElseThrow();
        audit.record("CYCLE_CLOSED", "cycle", cycleId, dates(cycle), dates(closed));
        return closed;
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
        var assessment = cycles.assessments(cycleId).stream()
                .filter(a -> a.trustOdsCode().equals(trustOdsCode)).findFirst()
                .orElseThrow(() -> new AdminProblem.Invalid("trust", "That trust has no assessment in the " + cycle.name() + " cycle."));
        if (until == null || until.isBefore(today) || until.isAfter(today.plusDays(MAX_REOPEN_DAYS))) {
            throw new AdminProblem.Invalid("until", "Choose a day from today to " + Dates.format(today.plusDays(MAX_REOPEN_DAYS)) + ".");
        }
        var why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw new AdminProblem.Invalid("reason", "Say why it is reopened (up to 2,000 characters); the trust sees this.");
        }
        cycles.reopen(assessment, until, "Reopened by the region until " + Dates.format(until) + ": " + why);
        var after = new LinkedHashMap<String, Object>();
        after.put("reopenedUntil", until.toString());
        after.put("reason", why);
        audit.recordFor(assessment.trustId(), "ASSESSMENT_REOPENED", "assessment", assessment.id(),
                Map.of("status", assessment.status()), after);
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

    private static long requireRegion(Long regionId) {
        if (regionId == null) {
            throw new AdminProblem.Invalid("region", "Choose the region the cycle is for.");
        }
        return regionId;
    }

    private static Map<String, Object> dates(CycleRow cycle) {
        return Map.of("name", cycle.name(), "opensOn", cycle.opensOn().toString(), "closesOn", cycle.closesOn().toString());
    }
}
