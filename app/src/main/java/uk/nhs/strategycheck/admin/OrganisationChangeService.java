package uk.nhs.strategycheck.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.nhs.strategycheck.audit.AuditLog;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.tenancy.CurrentScopeSource;
import uk.nhs.strategycheck.tenancy.Role;
import uk.nhs.strategycheck.tenancy.ScopeAssignment;
import uk.nhs.strategycheck.tenancy.ScopeLevel;

/**
 * Changes to the NHS's organisations: ICSs merge, split, open and close; trusts move, merge,
 * are acquired, renamed and closed. An admin records a change with the day it takes effect
 * (a region admin within their region, a national admin anywhere), previews everything it
 * touches, and applies it on or after that day; a planned change whose day has come is also
 * applied by a daily job. The database function does the work, all or nothing.
 */
@Service
@Transactional
public class OrganisationChangeService {

    public static final int MAX_FILE_BYTES = 1_000_000;
    static final List<String> FILE_COLUMNS = List.of("effective_on", "change", "ods_code", "name", "short_name",
            "from_ics", "to_ics", "region", "successor");

    private final OrganisationChangeRepository changes;
    private final OrganisationAdminRepository organisations;
    private final UserAdminService users;
    private final CurrentScopeSource scopes;
    private final AuditLog audit;
    private final Clock clock;

    OrganisationChangeService(OrganisationChangeRepository changes, OrganisationAdminRepository organisations,
                              UserAdminService users, CurrentScopeSource scopes, AuditLog audit, Clock clock) {
        this.changes = changes;
        this.organisations = organisations;
        this.users = users;
        this.scopes = scopes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The changes the admin may see, newest effective date first; all of them when status is null. */
    @Transactional(readOnly = true)
    public List<OrganisationChange> changes(ChangeStatus status) {
        admin();
        return changes.changes(status);
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationChange> change(long id) {
        admin();
        return changes.change(id);
    }

    /** The ICSs open today that the admin can name in a change. */
    @Transactional(readOnly = true)
    public List<OrganisationChoice> openIcss() {
        admin();
        return changes.openIcss();
    }

    /** The trusts open today that the admin can name in a change. */
    @Transactional(readOnly = true)
    public List<OrganisationChoice> openTrusts() {
        admin();
        return changes.openTrusts();
    }

    /** The regions a new ICS can be in: the admin's own, or any for a national admin. */
    @Transactional(readOnly = true)
    public List<RegionChoice> regions() {
        var admin = admin();
        return organisations.regions().stream()
                .filter(r -> admin.level() == ScopeLevel.NATIONAL || r.id() == admin.regionId()).toList();
    }

    /** Trusts open today in the ICS, for choosing where each goes in a split. */
    @Transactional(readOnly = true)
    public List<OrganisationChoice> openTrustsOf(String icsCode) {
        admin();
        return changes.ics(icsCode).map(i -> changes.openTrustsOf(i.id()).stream()
                .map(t -> new OrganisationChoice(t.odsCode(), t.name())).toList()).orElse(List.of());
    }

    /** Records a change an admin typed in; nothing changes until it is applied. */
    public OrganisationChange plan(ChangeDraft draft) {
        var admin = admin();
        var errors = new AdminProblem.Errors();
        if (draft.kind() == null) {
            errors.add("kind", "Choose what kind of change it is.");
        }
        if (draft.effectiveOn() == null) {
            errors.add("effectiveOn", "Enter the day the change takes effect.");
        }
        var steps = draft.kind() == null ? List.<ChangeStep>of() : steps(draft, errors);
        errors.refuseIfAny();
        var regions = regionsOf(steps, draft.effectiveOn(), Map.of()).regionIds();
        return record(admin, title(draft), draft.effectiveOn(), regions, null, steps);
    }

    private OrganisationChange record(ScopeAssignment admin, String title, LocalDate effectiveOn, Set<Long> regions,
                                      String source, List<ChangeStep> steps) {
        if (admin.level() == ScopeLevel.REGION && !regions.equals(Set.of(admin.regionId()))) {
            throw new AdminProblem("This change reaches beyond the " + admin.regionName()
                    + " region, so a national admin must record it.");
        }
        long id = changes.insert(title, effectiveOn, regions, source, scopes.require().userId(), steps);
        var recorded = changes.change(id).orElseThrow();
        audit.record("ORGANISATION_CHANGE_PLANNED", "organisation_change", id, null,
                Map.of("title", title, "effectiveOn", effectiveOn.toString(),
                        "steps", steps.stream().map(ChangeStep::describe).toList()));
        return recorded;
    }

    /** Everything the change touches, and whether the database would take it now. */
    public ChangePreview preview(long changeId) {
        admin();
        var change = changes.change(changeId).orElseThrow(() -> new AdminProblem("There is no such change."));
        var trustRows = new ArrayList<ChangePreview.AffectedTrust>();
        var trustIds = new LinkedHashMap<Long, OrganisationChangeRepository.TrustRef>();
        var icsIds = new LinkedHashSet<Long>();
        for (var step : change.steps()) {
            switch (step.action()) {
                case MOVE_TRUST, CLOSE_TRUST, RENAME_TRUST -> changes.trust(step.odsCode()).ifPresent(t -> {
                    trustIds.put(t.id(), t);
                    trustRows.add(new ChangePreview.AffectedTrust(t.odsCode(), t.name(), t.icsName(), trustOutcome(step)));
                });
                case OPEN_TRUST -> trustRows.add(new ChangePreview.AffectedTrust(step.odsCode(), step.name(), "",
                        "Opens in " + step.toIcsCode()));
                case CLOSE_ICS, RENAME_ICS -> changes.ics(step.odsCode()).ifPresent(i -> icsIds.add(i.id()));
                case OPEN_ICS -> {
                }
            }
        }
        var byTrust = change.steps().stream().filter(s -> s.action() != ChangeAction.OPEN_TRUST)
                .collect(Collectors.toMap(ChangeStep::odsCode, s -> s, (a, b) -> a));
        var assessments = changes.assessmentsOf(trustIds.keySet()).stream().map(a -> {
            var trust = trustIds.get(a.trustId());
            var step = byTrust.get(trust.odsCode());
            return new ChangePreview.AffectedAssessment(trust.odsCode(), trust.name(), a.cycleName(),
                    a.status().charAt(0) + a.status().substring(1).toLowerCase(Locale.ROOT),
                    assessmentOutcome(step, a, change.effectiveOn()));
        }).toList();
        var roles = changes.rolesAt(trustIds.keySet(), icsIds).stream().map(r -> {
            var step = r.trustId() == null ? null
                    : trustIds.values().stream().filter(t -> t.id() == r.trustId()).findFirst()
                            .map(t -> byTrust.get(t.odsCode())).orElse(null);
            return new ChangePreview.AffectedRole(r.assignmentId(), r.userName(), r.email(), Role.valueOf(r.role()).label(),
                    r.organisation(), roleOutcome(step, r));
        }).toList();
        Optional<String> problem = change.status() == ChangeStatus.PLANNED
                ? changes.check(changeId)
                : Optional.of("This change is " + change.status().label().toLowerCase(Locale.ROOT) + ".");
        return new ChangePreview(change, trustRows, assessments, roles, problem);
    }

    private static String trustOutcome(ChangeStep step) {
        return switch (step.action()) {
            case MOVE_TRUST -> "Moves to " + step.toIcsCode() + " with all its history";
            case CLOSE_TRUST -> step.successorCodes().isEmpty() ? "Closes; read-only for its users"
                    : "Closes; its history shows at " + String.join(", ", step.successorCodes());
            case RENAME_TRUST -> "Renamed " + step.name();
            default -> step.action().label();
        };
    }

    private static String assessmentOutcome(ChangeStep step, OrganisationChangeRepository.AssessmentRef assessment,
                                            LocalDate effectiveOn) {
        boolean past = assessment.closesOn().isBefore(effectiveOn);
        return switch (step.action()) {
            case MOVE_TRUST -> past ? "Moves; stays in its ICS's published results" : "Moves; counts in " + step.toIcsCode();
            case CLOSE_TRUST -> past ? "Kept, read-only" : "Kept, read-only; not counted in medians";
            default -> "Unchanged";
        };
    }

    private static String roleOutcome(ChangeStep step, OrganisationChangeRepository.RoleRef role) {
        if (role.trustId() == null) {
            return "ICS_LEADER".equals(role.role()) ? "Ends on the day; you can give a role at the successor" : "Unchanged";
        }
        if (step == null) {
            return "Unchanged";
        }
        return switch (step.action()) {
            case MOVE_TRUST -> "Moves with the trust";
            case CLOSE_TRUST -> "Read-only from the day";
            default -> "Unchanged";
        };
    }

    /** Applies a planned change whose day has come, all or nothing. */
    public OrganisationChange apply(long changeId) {
        admin();
        var change = changes.change(changeId).orElseThrow(() -> new AdminProblem("There is no such change."));
        if (change.status() != ChangeStatus.PLANNED) {
            throw new AdminProblem("This change is " + change.status().label().toLowerCase(Locale.ROOT) + ".");
        }
        if (change.effectiveOn().isAfter(LocalDate.now(clock))) {
            throw new AdminProblem("This change takes effect on " + Dates.format(change.effectiveOn())
                    + ". It can be applied on that day or later.");
        }
        refusedByDatabase(() -> changes.apply(changeId));
        return changes.change(changeId).orElseThrow();
    }

    /** Cancels a planned change, unless someone applied or changed it since it was read. */
    public OrganisationChange cancel(long changeId, int expectedVersion) {
        admin();
        var before = changes.change(changeId).orElseThrow(() -> new AdminProblem("There is no such change."));
        if (!changes.cancel(changeId, expectedVersion, scopes.require().userId())) {
            var now = changes.change(changeId).orElseThrow();
            throw new AdminProblem("This change is now " + now.status().label().toLowerCase(Locale.ROOT)
                    + (now.appliedBy() != null ? " (by " + now.appliedBy() + ")" : "") + ", so it was not cancelled.");
        }
        audit.record("ORGANISATION_CHANGE_CANCELLED", "organisation_change", changeId,
                Map.of("title", before.title(), "status", before.status().name()), Map.of("status", "CANCELLED"));
        return changes.change(changeId).orElseThrow();
    }

    /** Applies every planned change whose day has come; runs daily, and at start-up. */
    @Scheduled(cron = "${dsc.organisation-changes.cron}", zone = "Europe/London")
    @EventListener(ApplicationReadyEvent.class)
    public int applyDueChanges() {
        return changes.applyDue();
    }

    /** ICS leaders whose role ended with an ICS the change closed, with the successors they could lead. */
    @Transactional(readOnly = true)
    public List<EndedRole> endedRoles(long changeId) {
        admin();
        return changes.rolesEndedBy(changeId).stream()
                .map(r -> new EndedRole(r.userId(), r.userName(), r.email(), r.organisation(),
                        changes.successorsOf(r.icsId(), changeId).stream()
                                .filter(s -> s.closedOn() == null)
                                .map(s -> new AssignmentTarget(ScopeLevel.ICS, s.regionId(), s.id(), null, s.shortName(),
                                        s.odsCode()))
                                .toList()))
                .toList();
    }

    /** A user whose ICS leader role ended, and the ICSs that succeeded theirs. */
    public record EndedRole(long userId, String userName, String email, String formerIcs,
                            List<AssignmentTarget> successors) {
    }

    /** Gives an ICS leader whose ICS closed the same role at one of its successors. */
    public UserAssignment giveRoleAtSuccessor(long changeId, long userId, AssignmentTarget successor) {
        var offered = endedRoles(changeId).stream()
                .anyMatch(r -> r.userId() == userId && r.successors().contains(successor));
        if (!offered) {
            throw new AccessDeniedException("Not a successor role this change offers");
        }
        return users.assign(userId, Role.ICS_LEADER, successor);
    }

    /** Reads a change file and says, line by line, what it would do and what is wrong. Nothing is saved. */
    @Transactional(readOnly = true)
    public List<ChangeFileRow> previewFile(byte[] csv) {
        admin();
        return checkFile(csv).rows();
    }

    /**
     * Records the file's changes not yet in the service (one change per effective date) and applies
     * those whose day has come: every row or none. Returns the changes recorded.
     */
    public List<OrganisationChange> importFile(byte[] csv) {
        var admin = admin();
        var checked = checkFile(csv);
        long wrong = checked.rows().stream().filter(r -> !r.errors().isEmpty()).count();
        if (wrong > 0) {
            throw new AdminProblem(wrong + (wrong == 1 ? " line has" : " lines have") + " problems, so nothing was imported.");
        }
        if (checked.steps().isEmpty()) {
            throw new AdminProblem("Every change in the file is already in the service; there is nothing to import.");
        }
        // Every change is checked against the organisations as they are now before any is applied:
        // applying one opens ICSs that this transaction's scope does not cover yet.
        var regions = new LinkedHashMap<LocalDate, Set<Long>>();
        checked.steps().forEach((date, steps) -> regions.put(date, regionsOf(steps, date, Map.of()).regionIds()));
        var recorded = new ArrayList<OrganisationChange>();
        for (var entry : checked.steps().entrySet()) {
            var date = entry.getKey();
            var steps = entry.getValue();
            recorded.add(record(admin, "Change file: " + steps.size() + (steps.size() == 1 ? " change" : " changes")
                    + " from " + Dates.format(date), date, regions.get(date), "Change file", steps));
        }
        for (var change : List.copyOf(recorded)) {
            if (!change.effectiveOn().isAfter(LocalDate.now(clock))) {
                refusedByDatabase(() -> changes.apply(change.id()));
                recorded.set(recorded.indexOf(change), changes.change(change.id()).orElseThrow());
            }
        }
        return recorded;
    }

    private record CheckedFile(List<ChangeFileRow> rows, Map<LocalDate, List<ChangeStep>> steps) {
    }

    private CheckedFile checkFile(byte[] csv) {
        var file = CsvReader.upload(csv, MAX_FILE_BYTES, FILE_COLUMNS,
                String.join(", ", FILE_COLUMNS) + ", and optionally source, note, trust_type and organisation_form");
        var rows = new ArrayList<ChangeFileRow>();
        var steps = new java.util.TreeMap<LocalDate, List<ChangeStep>>();
        var opened = new HashMap<String, String>();
        for (int i = 0; i < file.lines().size(); i++) {
            var values = file.lines().get(i);
            if (values != null) {
                Map<String, String> row = new HashMap<>();
                file.header().forEach(column -> row.put(column, file.value(values, column)));
                // A line with a hidden character is refused for that alone: its values cannot be trusted as they are.
                var hidden = file.hiddenCharacters(values);
                rows.add(hidden.isEmpty() ? checkLine(i + 2, row, steps, opened)
                        : new ChangeFileRow(i + 2, null, row.get("change"), row.get("ods_code"), row.get("name"), "", false,
                                hidden));
            }
        }
        if (rows.isEmpty()) {
            throw new AdminProblem("The file has no changes in it.");
        }
        return new CheckedFile(rows, steps);
    }

    private ChangeFileRow checkLine(int line, Map<String, String> row, Map<LocalDate, List<ChangeStep>> steps,
                                    Map<String, String> opened) {
        var errors = new ArrayList<String>();
        var change = row.get("change").toUpperCase(Locale.ROOT);
        var code = row.get("ods_code").toUpperCase(Locale.ROOT);
        var name = row.get("name");
        LocalDate date = null;
        try {
            date = LocalDate.parse(row.get("effective_on"));
        } catch (DateTimeParseException e) {
            errors.add("The date \"" + row.get("effective_on") + "\" must be written as 2026-04-01.");
        }
        if (!code.matches("[A-Z0-9]{3,5}")) {
            errors.add("ODS code \"" + code + "\" must be 3 to 5 letters or digits.");
        }
        var successors = row.get("successor").isBlank() ? List.<String>of()
                : List.of(row.get("successor").toUpperCase(Locale.ROOT).split("\\s+"));
        var toIcs = row.get("to_ics").toUpperCase(Locale.ROOT);
        ChangeStep step = switch (change) {
            case "ICS_OPENED" -> ChangeStep.openIcs(code, blankToNull(name), blankToNull(row.get("short_name")),
                    row.get("region").toUpperCase(Locale.ROOT));
            case "ICS_CLOSED" -> ChangeStep.closeIcs(code, successors, null);
            case "ICS_RENAMED" -> ChangeStep.renameIcs(code, blankToNull(name), blankToNull(row.get("short_name")));
            case "TRUST_MOVED" -> ChangeStep.moveTrust(code, toIcs);
            case "TRUST_CLOSED" -> ChangeStep.closeTrust(code, successors, successors.isEmpty() ? null : "ACQUISITION");
            case "TRUST_OPENED" -> ChangeStep.openTrust(code, blankToNull(name), toIcs,
                    blankToNull(row.getOrDefault("trust_type", "")), blankToNull(row.getOrDefault("organisation_form", "")));
            case "TRUST_RENAMED" -> ChangeStep.renameTrust(code, blankToNull(name));
            default -> null;
        };
        if (step == null) {
            errors.add("The change \"" + row.get("change") + "\" must be one of ICS_OPENED, ICS_CLOSED, ICS_RENAMED, "
                    + "TRUST_MOVED, TRUST_CLOSED, TRUST_OPENED or TRUST_RENAMED.");
        }
        boolean applied = false;
        if (step != null && errors.isEmpty()) {
            var state = alreadyApplied(step, date, row.get("from_ics").toUpperCase(Locale.ROOT));
            if (state.isPresent()) {
                applied = state.get();
            } else {
                errors.addAll(problemsOf(step, date, opened));
            }
            if (!applied && errors.isEmpty()) {
                steps.computeIfAbsent(date, d -> new ArrayList<>()).add(step);
                if (step.action() == ChangeAction.OPEN_ICS || step.action() == ChangeAction.OPEN_TRUST) {
                    opened.put(code, step.action() == ChangeAction.OPEN_ICS ? step.regionCode() : step.toIcsCode());
                }
            }
        }
        return new ChangeFileRow(line, date, change, code, name, step == null ? "" : step.describe(), applied, errors);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Whether the service already shows what the line says (true), or not yet (empty): so the same
     * file, loaded twice, changes nothing the second time.
     */
    private Optional<Boolean> alreadyApplied(ChangeStep step, LocalDate date, String fromIcs) {
        return switch (step.action()) {
            case OPEN_ICS -> changes.ics(step.odsCode()).map(i -> true);
            case CLOSE_ICS -> changes.ics(step.odsCode()).filter(i -> i.closedOn() != null && !i.closedOn().isAfter(date))
                    .map(i -> true);
            case OPEN_TRUST -> changes.trust(step.odsCode()).map(t -> true);
            case CLOSE_TRUST -> changes.trust(step.odsCode()).filter(t -> t.closedOn() != null && !t.closedOn().isAfter(date))
                    .map(t -> true);
            case MOVE_TRUST -> changes.trust(step.odsCode())
                    .filter(t -> t.icsCode().equals(step.toIcsCode()) && !fromIcs.equals(step.toIcsCode()))
                    .map(t -> true);
            case RENAME_TRUST -> changes.trust(step.odsCode()).filter(t -> t.name().equals(step.name())).map(t -> true);
            case RENAME_ICS -> Optional.empty();
        };
    }

    /** What is wrong with a step, given the organisations that exist (or that earlier steps open). */
    private List<String> problemsOf(ChangeStep step, LocalDate date, Map<String, String> opened) {
        var problems = new ArrayList<String>();
        Supplier<Boolean> icsExists = () -> changes.ics(step.odsCode()).isPresent();
        switch (step.action()) {
            case OPEN_ICS, OPEN_TRUST -> {
                if (organisations.odsCodeInUse(step.odsCode()) || opened.containsKey(step.odsCode())) {
                    problems.add("ODS code " + step.odsCode() + " is already in use.");
                }
                if (step.name() == null) {
                    problems.add("The name is missing.");
                }
                if (step.action() == ChangeAction.OPEN_ICS) {
                    if (step.shortName() == null) {
                        problems.add("The short name is missing.");
                    }
                    if (changes.regionId(step.regionCode()).isEmpty()) {
                        problems.add("There is no region " + step.regionCode() + ".");
                    }
                } else {
                    requireIcs(step.toIcsCode(), date, opened, problems);
                    if (step.trustType() != null && !OrganisationAdminService.TRUST_TYPES.contains(step.trustType())) {
                        problems.add("Trust type \"" + step.trustType() + "\" must be one of "
                                + String.join(", ", new TreeSet<>(OrganisationAdminService.TRUST_TYPES)) + ".");
                    }
                }
            }
            case CLOSE_ICS, RENAME_ICS -> {
                if (!icsExists.get()) {
                    problems.add("There is no ICS " + step.odsCode() + " you manage.");
                }
                step.successorCodes().forEach(s -> requireIcs(s, date, opened, problems));
            }
            case MOVE_TRUST, CLOSE_TRUST, RENAME_TRUST -> {
                var trust = changes.trust(step.odsCode());
                if (trust.isEmpty()) {
                    problems.add("There is no trust " + step.odsCode() + " you manage.");
                } else if (trust.get().closedOn() != null) {
                    problems.add(trust.get().name() + " closed on " + Dates.format(trust.get().closedOn()) + ".");
                }
                if (step.action() == ChangeAction.MOVE_TRUST) {
                    requireIcs(step.toIcsCode(), date, opened, problems);
                }
                if (step.action() == ChangeAction.RENAME_TRUST && step.name() == null) {
                    problems.add("The new name is missing.");
                }
                for (var successor : step.successorCodes()) {
                    if (changes.trust(successor).filter(t -> t.closedOn() == null).isEmpty() && !opened.containsKey(successor)) {
                        problems.add("The successor " + successor + " is not an open trust you manage.");
                    }
                }
            }
        }
        return problems;
    }

    private void requireIcs(String code, LocalDate date, Map<String, String> opened, List<String> problems) {
        if (code == null || code.isBlank()) {
            problems.add("Give the ICS's ODS code.");
            return;
        }
        if (opened.containsKey(code)) {
            return;
        }
        var ics = changes.ics(code);
        if (ics.isEmpty()) {
            problems.add("There is no ICS " + code + " you manage.");
        } else if (ics.get().closedOn() != null && !ics.get().closedOn().isAfter(date)) {
            problems.add(ics.get().shortName() + " (" + code + ") closed on " + Dates.format(ics.get().closedOn()) + ".");
        }
    }

    private record Regions(Set<Long> regionIds) {
    }

    /** The regions a change touches; refuses steps that name organisations the admin cannot see. */
    private Regions regionsOf(List<ChangeStep> steps, LocalDate date, Map<String, String> openedBefore) {
        var opened = new HashMap<>(openedBefore);
        var problems = new ArrayList<String>();
        var regions = new TreeSet<Long>();
        for (var step : steps) {
            var before = problems.size();
            problems.addAll(problemsOf(step, date, opened));
            if (problems.size() > before) {
                continue;
            }
            switch (step.action()) {
                case OPEN_ICS -> {
                    regions.add(changes.regionId(step.regionCode()).orElseThrow());
                    opened.put(step.odsCode(), step.regionCode());
                }
                case OPEN_TRUST -> {
                    regions.add(regionOfIcs(step.toIcsCode(), opened));
                    opened.put(step.odsCode(), step.toIcsCode());
                }
                case CLOSE_ICS, RENAME_ICS -> {
                    regions.add(changes.ics(step.odsCode()).orElseThrow().regionId());
                    step.successorCodes().forEach(s -> regions.add(regionOfIcs(s, opened)));
                }
                case MOVE_TRUST, CLOSE_TRUST, RENAME_TRUST -> {
                    regions.add(changes.trust(step.odsCode()).orElseThrow().regionId());
                    if (step.toIcsCode() != null) {
                        regions.add(regionOfIcs(step.toIcsCode(), opened));
                    }
                    for (var successor : step.successorCodes()) {
                        regions.add(changes.trust(successor).map(OrganisationChangeRepository.TrustRef::regionId)
                                .orElseGet(() -> regionOfIcs(opened.get(successor), opened)));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AdminProblem(String.join(" ", new LinkedHashSet<>(problems)));
        }
        return new Regions(regions);
    }

    private long regionOfIcs(String icsCode, Map<String, String> opened) {
        if (opened.containsKey(icsCode)) {
            return changes.regionId(opened.get(icsCode)).orElseThrow();
        }
        return changes.ics(icsCode).orElseThrow().regionId();
    }

    /** The steps of a change as typed in; a field at fault adds its error, and the steps are then of no use. */
    private List<ChangeStep> steps(ChangeDraft draft, AdminProblem.Errors errors) {
        var steps = new ArrayList<ChangeStep>();
        var target = code(draft.targetCode());
        switch (draft.kind()) {
            case MERGE_ICSS -> {
                var merged = codes(draft.icsCodes(), 2, "icsCodes", "Choose two or more ICSs to merge.", errors);
                if (target == null) {
                    errors.add("targetCode", "Enter the ODS code of the ICS they become: a new one, "
                            + "or one of them that takes the others in.");
                    break;
                }
                if (changes.ics(target).isEmpty()) {
                    steps.add(newIcs(target, draft, errors));
                }
                for (var code : merged) {
                    if (code.equals(target)) {
                        continue;
                    }
                    icsOrRefuse(code, "icsCodes", errors).ifPresent(ics -> {
                        changes.openTrustsOf(ics.id()).forEach(t -> steps.add(ChangeStep.moveTrust(t.odsCode(), target)));
                        steps.add(ChangeStep.closeIcs(code, List.of(target), "MERGER"));
                    });
                }
            }
            case SPLIT_ICS -> {
                var split = first(draft.icsCodes(), "icsCodes", "Choose the ICS to split.", errors);
                var ics = split == null ? Optional.<OrganisationChangeRepository.IcsRef>empty()
                        : icsOrRefuse(split, "icsCodes", errors);
                if (ics.isEmpty()) {
                    break;
                }
                var successors = new LinkedHashSet<String>();
                boolean unplaced = false;
                for (var trust : changes.openTrustsOf(ics.get().id())) {
                    var to = code(draft.splitTo().get(trust.odsCode()));
                    if (to == null || to.equals(split)) {
                        errors.add("splitTo:" + trust.odsCode(), "Choose where " + trust.name() + " goes.");
                        unplaced = true;
                        continue;
                    }
                    steps.add(ChangeStep.moveTrust(trust.odsCode(), to));
                    successors.add(to);
                }
                if (!unplaced && successors.size() < 2) {
                    errors.add("splitTo", "A split sends the ICS's trusts to two or more ICSs. "
                            + "To send them all to one, merge the ICSs instead.");
                }
                steps.add(ChangeStep.closeIcs(split, List.copyOf(successors), "SPLIT"));
            }
            case OPEN_ICS -> {
                if (target == null) {
                    errors.add("targetCode", "Enter the new ICS's ODS code.");
                }
                steps.add(newIcs(target, draft, errors));
            }
            case CLOSE_ICS -> steps.add(ChangeStep.closeIcs(
                    first(draft.icsCodes(), "icsCodes", "Choose the ICS that closes.", errors),
                    target == null ? List.of() : List.of(target), null));
            case RENAME_ICS -> {
                var code = first(draft.icsCodes(), "icsCodes", "Choose the ICS to rename.", errors);
                if (blankToNull(draft.newName()) == null && blankToNull(draft.newShortName()) == null) {
                    errors.add("newName", "Enter the new name.");
                }
                steps.add(ChangeStep.renameIcs(code, blankToNull(draft.newName()), blankToNull(draft.newShortName())));
            }
            case MOVE_TRUST -> steps.add(ChangeStep.moveTrust(
                    first(draft.trustCodes(), "trustCodes", "Choose the trust that moves.", errors),
                    required(target, "targetCode", "Choose the ICS it moves to.", errors)));
            case ACQUIRE_TRUST -> {
                var acquired = first(draft.trustCodes(), "trustCodes", "Choose the trust that is acquired.", errors);
                var acquirer = required(target, "targetCode", "Choose the trust that acquires it.", errors);
                if (acquirer != null && acquirer.equals(acquired)) {
                    errors.add("targetCode", "A trust cannot acquire itself. Choose another trust.");
                }
                steps.add(ChangeStep.closeTrust(acquired, acquirer == null ? List.of() : List.of(acquirer), "ACQUISITION"));
                if (blankToNull(draft.newName()) != null) {
                    steps.add(ChangeStep.renameTrust(acquirer, draft.newName().strip()));
                }
            }
            case MERGE_TRUSTS -> {
                var merged = codes(draft.trustCodes(), 2, "trustCodes", "Choose two or more trusts to merge.", errors);
                var code = required(target, "targetCode", "Enter the new trust's ODS code.", errors);
                var ics = first(draft.icsCodes(), "icsCodes", "Choose the new trust's ICS.", errors);
                var name = required(blankToNull(draft.newName()), "newName", "Enter the new trust's name.", errors);
                if (!OrganisationAdminService.TRUST_TYPES.contains(draft.trustType())) {
                    errors.add("trustType", "Choose the new trust's type.");
                }
                if (!OrganisationAdminService.ORGANISATION_FORMS.contains(draft.organisationForm())) {
                    errors.add("organisationForm", "Choose NHS trust or NHS foundation trust.");
                }
                steps.add(ChangeStep.openTrust(code, name, ics, draft.trustType(), draft.organisationForm()));
                merged.forEach(m -> steps.add(ChangeStep.closeTrust(m, code == null ? List.of() : List.of(code), "MERGER")));
            }
            case RENAME_TRUST -> steps.add(ChangeStep.renameTrust(
                    first(draft.trustCodes(), "trustCodes", "Choose the trust to rename.", errors),
                    required(blankToNull(draft.newName()), "newName", "Enter the new name.", errors)));
            case CLOSE_TRUST -> steps.add(ChangeStep.closeTrust(
                    first(draft.trustCodes(), "trustCodes", "Choose the trust that closes.", errors),
                    target == null ? List.of() : List.of(target), target == null ? null : "ACQUISITION"));
        }
        return steps;
    }

    private ChangeStep newIcs(String code, ChangeDraft draft, AdminProblem.Errors errors) {
        if (code != null && !code.matches("[A-Z0-9]{3,5}")) {
            errors.add("targetCode", "An ODS code is 3 to 5 letters or digits, for example QKK.");
        } else if (code != null && organisations.odsCodeInUse(code)) {
            errors.add("targetCode", "ODS code " + code + " is already in use by another organisation.");
        }
        var admin = admin();
        var region = admin.level() == ScopeLevel.REGION ? changes.regionCodeOf(admin.regionId())
                : required(draft.regionCode(), "regionCode", "Choose the new ICS's region.", errors);
        return ChangeStep.openIcs(code,
                required(blankToNull(draft.newName()), "newName", "Enter the new ICB's full name.", errors),
                required(blankToNull(draft.newShortName()), "newShortName", "Enter the new ICS's short name.", errors),
                region);
    }

    private Optional<OrganisationChangeRepository.IcsRef> icsOrRefuse(String code, String field,
                                                                      AdminProblem.Errors errors) {
        var ics = changes.ics(code);
        if (ics.isEmpty()) {
            errors.add(field, "There is no ICS " + code + " you manage.");
        }
        return ics;
    }

    /** The distinct codes given, with an error added when there are fewer than the minimum. */
    private static List<String> codes(Collection<String> codes, int minimum, String field, String message,
                                      AdminProblem.Errors errors) {
        var clean = codes.stream().map(OrganisationChangeService::code).filter(c -> c != null).distinct().toList();
        if (clean.size() < minimum) {
            errors.add(field, message);
        }
        return clean;
    }

    /** The one code given, or null with an error added. */
    private static String first(Collection<String> codes, String field, String message, AdminProblem.Errors errors) {
        var clean = codes(codes, 1, field, message, errors);
        return clean.isEmpty() ? null : clean.get(0);
    }

    private static String code(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    /** The value stripped, or null with an error added. */
    private static String required(String value, String field, String message, AdminProblem.Errors errors) {
        if (value == null || value.isBlank()) {
            errors.add(field, message);
            return null;
        }
        return value.strip();
    }

    private static String title(ChangeDraft draft) {
        var what = switch (draft.kind()) {
            case MERGE_ICSS -> "Merge " + String.join(", ", draft.icsCodes()) + " into " + code(draft.targetCode());
            case SPLIT_ICS -> "Split " + String.join("", draft.icsCodes());
            case OPEN_ICS -> "Open ICS " + code(draft.targetCode());
            case CLOSE_ICS -> "Close ICS " + String.join("", draft.icsCodes());
            case RENAME_ICS -> "Rename ICS " + String.join("", draft.icsCodes());
            case MOVE_TRUST -> "Move " + String.join("", draft.trustCodes()) + " to " + code(draft.targetCode());
            case ACQUIRE_TRUST -> code(draft.targetCode()) + " acquires " + String.join("", draft.trustCodes());
            case MERGE_TRUSTS -> "Merge " + String.join(", ", draft.trustCodes()) + " into " + code(draft.targetCode());
            case RENAME_TRUST -> "Rename " + String.join("", draft.trustCodes());
            case CLOSE_TRUST -> "Close " + String.join("", draft.trustCodes());
        };
        return what + " from " + Dates.format(draft.effectiveOn());
    }

    /** Runs the database work, turning a refusal the admin can act on into a message for them. */
    private static void refusedByDatabase(Runnable work) {
        try {
            work.run();
        } catch (DataAccessException | org.jooq.exception.DataAccessException failure) {
            throw DatabaseRefusal.of(failure).map(AdminProblem::new).orElseThrow(() -> failure);
        }
    }

    private ScopeAssignment admin() {
        var assignment = scopes.require().assignment();
        if (assignment.level() != ScopeLevel.REGION && assignment.level() != ScopeLevel.NATIONAL) {
            throw new AccessDeniedException("Only admins change organisations");
        }
        return assignment;
    }
}
