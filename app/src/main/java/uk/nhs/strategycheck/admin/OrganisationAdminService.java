package uk.nhs.strategycheck.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.nhs.strategycheck.audit.AuditLog;
import uk.nhs.strategycheck.shared.Dates;
import uk.nhs.strategycheck.tenancy.CurrentScopeSource;
import uk.nhs.strategycheck.tenancy.ScopeAssignment;
import uk.nhs.strategycheck.tenancy.ScopeLevel;

/**
 * ICSs and trusts: region admins manage their region's, national admins all. ODS codes
 * are checked for form and for uniqueness across England. Creating an ICS creates its
 * partitions at once (a database trigger). An import is all or nothing.
 */
@Service
@Transactional
public class OrganisationAdminService {

    public static final Set<String> TRUST_TYPES = Set.of("acute", "specialist", "mental health", "community", "ambulance");
    public static final Set<String> ORGANISATION_FORMS = Set.of("NHS trust", "NHS foundation trust");
    public static final int MAX_IMPORT_BYTES = 1_000_000;
    public static final int MAX_TRUST_NAME = 200;

    private final OrganisationAdminRepository organisations;
    private final CurrentScopeSource scopes;
    private final OrganisationChangeService changes;
    private final AuditLog audit;
    private final Clock clock;

    OrganisationAdminService(OrganisationAdminRepository organisations, CurrentScopeSource scopes,
                             OrganisationChangeService changes, AuditLog audit, Clock clock) {
        this.organisations = organisations;
        this.scopes = scopes;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean national() {
        return admin().level() == ScopeLevel.NATIONAL;
    }

    @Transactional(readOnly = true)
    public List<RegionChoice> regions() {
        var admin = admin();
        return organisations.regions().stream()
                .filter(r -> admin.level() == ScopeLevel.NATIONAL || r.id() == admin.regionId()).toList();
    }

    @Transactional(readOnly = true)
    public List<IcsRow> icss(int offset, int limit) {
        return organisations.icss(region(), offset, limit);
    }

    @Transactional(readOnly = true)
    public int countIcss() {
        return organisations.countIcss(region());
    }

    @Transactional(readOnly = true)
    public List<TrustRow> trusts(String text, Long icsId, boolean includeClosed, int offset, int limit) {
        return organisations.trusts(region(), text, icsId, includeClosed, offset, limit);
    }

    @Transactional(readOnly = true)
    public int countTrusts(String text, Long icsId, boolean includeClosed) {
        return organisations.countTrusts(region(), text, icsId, includeClosed);
    }

    public TrustRow createTrust(TrustForm form) {
        var clean = valid(form, null);
        long id = organisations.insertTrust(clean.icsId(), clean.odsCode(), clean.name(), clean.trustType(),
                clean.organisationForm(), clean.postcode());
        var created = organisations.trust(id).orElseThrow();
        audit.recordFor(id, "TRUST_CREATED", "trust", created.odsCode(), null, created);
        return created;
    }

    /** Changes what a trust is called and what it is; its ICS changes only through an organisation change. */
    public TrustRow updateTrust(long trustId, TrustForm form) {
        region();
        var before = organisations.trust(trustId).orElseThrow(() -> new AccessDeniedException("Not a trust of your region"));
        var clean = valid(new TrustForm(before.icsId(), form.odsCode(), form.name(), form.trustType(),
                form.organisationForm(), form.postcode()), before);
        organisations.updateTrust(trustId, clean.odsCode(), clean.name(), clean.trustType(),
                clean.organisationForm(), clean.postcode());
        var after = organisations.trust(trustId).orElseThrow();
        audit.recordFor(trustId, "TRUST_CHANGED", "trust", after.odsCode(), before, after);
        return after;
    }

    /**
     * Closes a trust from a date (the first day it is closed): it leaves lists and comparisons and
     * is read-only for its users; its history stays. A future date plans the closure, which is
     * applied on the day. Either way it is an organisation change, like every other.
     */
    public TrustRow closeTrust(long trustId, LocalDate closedOn) {
        var before = closable(trustId, closedOn);
        var change = changes.plan(new ChangeDraft(ChangeKind.CLOSE_TRUST, closedOn, null, List.of(before.odsCode()), null,
                null, null, null, null, null, null));
        if (!closedOn.isAfter(LocalDate.now(clock))) {
            changes.apply(change.id());
        }
        return organisations.trust(trustId).orElseThrow();
    }

    /** Who closing a trust from a date affects, for the admin to check before confirming. */
    public record TrustClosure(TrustRow trust, LocalDate closedOn, boolean planned, int users, int unapprovedAssessments) {
    }

    @Transactional(readOnly = true)
    public TrustClosure closure(long trustId, LocalDate closedOn) {
        var trust = closable(trustId, closedOn);
        return new TrustClosure(trust, closedOn, closedOn.isAfter(LocalDate.now(clock)),
                organisations.usersWithRoleAt(trustId), organisations.unapprovedAssessments(trustId));
    }

    private TrustRow closable(long trustId, LocalDate closedOn) {
        region();
        var trust = organisations.trust(trustId).orElseThrow(() -> new AccessDeniedException("Not a trust of your region"));
        if (trust.closedOn() != null) {
            throw new AdminProblem(trust.name() + " closed on " + Dates.format(trust.closedOn()) + ".");
        }
        if (closedOn == null) {
            throw new AdminProblem.Invalid("closedOn", "Enter the first day the trust is closed.");
        }
        return trust;
    }

    public IcsRow createIcs(Long regionId, String odsCode, String name, String shortName) {
        var admin = admin();
        var errors = new AdminProblem.Errors();
        if (admin.level() == ScopeLevel.NATIONAL && regionId == null) {
            errors.add("region", "Choose the region.");
        }
        var code = odsCode == null ? "" : odsCode.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9]{3,5}")) {
            errors.add("odsCode", "An ODS code is 3 to 5 letters or digits, for example QKK.");
        } else if (organisations.odsCodeInUse(code)) {
            errors.add("odsCode", "ODS code " + code + " is already in use by another organisation.");
        }
        var cleanName = required(name, "name", "Enter the ICB's full name, for example NHS South East London "
                + "Integrated Care Board.", errors);
        var cleanShort = required(shortName, "shortName", "Enter the ICS's short name, for example South East London.",
                errors);
        errors.refuseIfAny();
        long region = admin.level() == ScopeLevel.NATIONAL ? regionId : admin.regionId();
        long id = organisations.insertIcs(region, code, cleanName, cleanShort);
        audit.record("ICS_CREATED", "ics", code, null, Map.of("odsCode", code, "name", cleanName, "shortName", cleanShort));
        return organisations.icss(null, 0, Integer.MAX_VALUE).stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    /** Reads an ODS-style CSV and says, row by row, what is wrong. Nothing is saved. */
    @Transactional(readOnly = true)
    public List<ImportRow> previewImport(byte[] csv) {
        return check(csv);
    }

    /** Imports every row of the file, or nothing at all if any row is wrong. */
    public int importTrusts(byte[] csv) {
        var rows = check(csv);
        var wrong = rows.stream().filter(r -> !r.errors().isEmpty()).map(r -> String.valueOf(r.line())).toList();
        if (rows.isEmpty() || !wrong.isEmpty()) {
            throw new AdminProblem(rows.isEmpty() ? "The file has no trusts in it."
                    : (wrong.size() == 1 ? "Line " : "Lines ") + String.join(", ", wrong)
                    + (wrong.size() == 1 ? " has" : " have") + " problems, so nothing was imported.");
        }
        for (var row : rows) {
            long icsId = organisations.icsIdByOdsCode(row.icbOdsCode(), region()).orElseThrow();
            organisations.insertTrust(icsId, row.odsCode(), row.name(), row.trustType(), row.organisationForm(),
                    row.postcode());
        }
        audit.record("TRUSTS_IMPORTED", "trust", null, null,
                Map.of("count", rows.size(), "odsCodes", rows.stream().map(ImportRow::odsCode).toList()));
        return rows.size();
    }

    /**
     * Each row of the file checked by the trust form's own rules (TrustRules), and for an ICB of
     * the admin's region and an ODS code used once in the file. A row with a hidden character is
     * refused for that alone: its values cannot be trusted as they are.
     */
    private List<ImportRow> check(byte[] csv) {
        var file = CsvReader.upload(csv, MAX_IMPORT_BYTES,
                List.of("ods_code", "name", "trust_type", "organisation_form", "icb_ods_code"),
                "ods_code, name, trust_type, organisation_form, icb_ods_code and optionally postcode");
        var icss = organisations.icss(region(), 0, Integer.MAX_VALUE);
        var rules = new TrustRules(icss, organisations::odsCodeInUse);
        var seen = new HashSet<String>();
        var rows = new ArrayList<ImportRow>();
        for (int i = 0; i < file.lines().size(); i++) {
            var values = file.lines().get(i);
            if (values == null) {
                continue;
            }
            var icb = file.value(values, "icb_ods_code").toUpperCase(Locale.ROOT);
            var ics = icss.stream().filter(c -> c.odsCode().equals(icb)).findFirst();
            var trust = TrustRules.clean(new TrustForm(ics.map(IcsRow::id).orElse(null), file.value(values, "ods_code"),
                    file.value(values, "name"), file.value(values, "trust_type"), file.value(values, "organisation_form"),
                    file.value(values, "postcode")));
            var errors = file.hiddenCharacters(values);
            if (errors.isEmpty()) {
                var problems = rules.problems(trust, null);
                for (var problem : problems) {
                    errors.add(problem.field().equals("ics") && ics.isEmpty()
                            ? "ICB " + icb + " is not an ICS of your region." : problem.message());
                }
                if (!seen.add(trust.odsCode()) && problems.stream().noneMatch(p -> p.field().equals("odsCode"))) {
                    errors.add("ODS code " + trust.odsCode() + " appears more than once in the file.");
                }
            }
            rows.add(new ImportRow(i + 2, trust.odsCode(), trust.name(), trust.trustType(), trust.organisationForm(), icb,
                    trust.postcode(), errors));
        }
        return rows;
    }

    /** The trust, cleaned, if the trust rules find nothing wrong with it; otherwise every problem at once. */
    private TrustForm valid(TrustForm form, TrustRow existing) {
        var trust = TrustRules.clean(form);
        var problems = rules().problems(trust, existing);
        if (!problems.isEmpty()) {
            throw new AdminProblem.Invalid(problems);
        }
        return trust;
    }

    private TrustRules rules() {
        return new TrustRules(organisations.icss(region(), 0, Integer.MAX_VALUE), organisations::odsCodeInUse);
    }

    /** The value stripped, or an error added when it is empty or too long. */
    private static String required(String value, String field, String message, AdminProblem.Errors errors) {
        var clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            errors.add(field, message);
        } else if (clean.length() > MAX_TRUST_NAME) {
            errors.add(field, "Keep it to " + MAX_TRUST_NAME + " characters or fewer.");
        }
        return clean;
    }

    /** The admin's region, or null for a national admin (everything). */
    private Long region() {
        var admin = admin();
        return admin.level() == ScopeLevel.NATIONAL ? null : admin.regionId();
    }

    private ScopeAssignment admin() {
        var assignment = scopes.require().assignment();
        if (assignment.level() != ScopeLevel.REGION && assignment.level() != ScopeLevel.NATIONAL) {
            throw new AccessDeniedException("Only admins manage organisations");
        }
        return assignment;
    }
}
