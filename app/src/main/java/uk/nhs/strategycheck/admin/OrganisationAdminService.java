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
        region();
        if (form.icsId() != null && organisations.icss(region(), 0, Integer.MAX_VALUE).stream()
                .anyMatch(i -> i.id() == form.icsId() && i.closedOn() != null)) {
            throw new AdminProblem.Invalid("ics", "That integrated care system has closed. Choose an open one.");
        }
        var clean = validate(form, null);
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
        var clean = validate(new TrustForm(before.icsId(), form.odsCode(), form.name(), form.trustType(),
                form.organisationForm(), form.postcode()), before.odsCode());
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
        region();
        var before = organisations.trust(trustId).orElseThrow(() -> new AccessDeniedException("Not a trust of your region"));
        if (before.closedOn() != null) {
            throw new AdminProblem(before.name() + " closed on " + uk.nhs.strategycheck.shared.Dates.format(before.closedOn()) + ".");
        }
        if (closedOn == null) {
            throw new AdminProblem.Invalid("closedOn", "Enter the first day the trust is closed, for example 1 April 2027.");
        }
        var change = changes.plan(new ChangeDraft(ChangeKind.CLOSE_TRUST, closedOn, null, List.of(before.odsCode()), null,
                null, null, null, null, null, null));
        if (!closedOn.isAfter(LocalDate.now(clock))) {
            changes.apply(change.id());
        }
        return organisations.trust(trustId).orElseThrow();
    }

    public IcsRow createIcs(Long regionId, String odsCode, String name, String shortName) {
        var admin = admin();
        long region = admin.level() == ScopeLevel.NATIONAL ? requireRegion(regionId) : admin.regionId();
        var code = odsCode(odsCode, "odsCode");
        var cleanName = required(name, "name", "Enter the ICB's full name, for example NHS South East London Integrated Care Board.");
        var cleanShort = required(shortName, "shortName", "Enter the ICS's short name, for example South East London.");
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
        long wrong = rows.stream().filter(r -> !r.errors().isEmpty()).count();
        if (rows.isEmpty() || wrong > 0) {
            throw new AdminProblem(rows.isEmpty() ? "The file has no trusts in it."
                    : wrong + (wrong == 1 ? " row has" : " rows have") + " problems, so nothing was imported.");
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

    private List<ImportRow> check(byte[] csv) {
        region();
        var file = CsvReader.upload(csv, MAX_IMPORT_BYTES,
                List.of("ods_code", "name", "trust_type", "organisation_form", "icb_ods_code"),
                "ods_code, name, trust_type, organisation_form, icb_ods_code and optionally postcode");
        var seen = new HashSet<String>();
        var rows = new ArrayList<ImportRow>();
        for (int i = 0; i < file.lines().size(); i++) {
            var values = file.lines().get(i);
            if (values == null) {
                continue;
            }
            var errors = new ArrayList<String>();
            var code = file.value(values, "ods_code").toUpperCase(Locale.ROOT);
            var name = file.value(values, "name");
            var type = file.value(values, "trust_type");
            var form = file.value(values, "organisation_form");
            var icb = file.value(values, "icb_ods_code").toUpperCase(Locale.ROOT);
            var postcode = file.value(values, "postcode");
            if (!code.matches("[A-Z0-9]{3,5}")) {
                errors.add("ODS code \"" + code + "\" must be 3 to 5 letters or digits.");
            } else if (!seen.add(code)) {
                errors.add("ODS code " + code + " appears more than once in the file.");
            } else if (organisations.odsCodeInUse(code)) {
                errors.add("ODS code " + code + " is already in use.");
            }
            if (name.isEmpty()) {
                errors.add("The name is missing.");
            }
            if (!TRUST_TYPES.contains(type)) {
                errors.add("Trust type \"" + type + "\" must be one of " + String.join(", ", new java.util.TreeSet<>(TRUST_TYPES)) + ".");
            }
            if (!ORGANISATION_FORMS.contains(form)) {
                errors.add("Organisation form \"" + form + "\" must be NHS trust or NHS foundation trust.");
            }
            if (organisations.icsIdByOdsCode(icb, region()).isEmpty()) {
                errors.add("ICB " + icb + " is not an ICS of your region.");
            }
            rows.add(new ImportRow(i + 2, code, name, type, form, icb, postcode.isEmpty() ? null : postcode, errors));
        }
        return rows;
    }

    private TrustForm validate(TrustForm form, String currentOdsCode) {
        if (form.icsId() == null || organisations.icss(region(), 0, Integer.MAX_VALUE).stream()
                .noneMatch(i -> i.id() == form.icsId())) {
            throw new AdminProblem.Invalid("ics", "Choose the trust's integrated care system.");
        }
        var code = form.odsCode() == null ? "" : form.odsCode().strip().toUpperCase(Locale.ROOT);
        if (!code.equals(currentOdsCode)) {
            code = odsCode(code, "odsCode");
        }
        var name = required(form.name(), "name", "Enter the trust's name.");
        if (!TRUST_TYPES.contains(form.trustType())) {
            throw new AdminProblem.Invalid("trustType", "Choose the trust type.");
        }
        if (!ORGANISATION_FORMS.contains(form.organisationForm())) {
            throw new AdminProblem.Invalid("organisationForm", "Choose NHS trust or NHS foundation trust.");
        }
        var postcode = form.postcode() == null || form.postcode().isBlank() ? null : form.postcode().strip().toUpperCase(Locale.ROOT);
        if (postcode != null && !postcode.matches("[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}")) {
            throw new AdminProblem.Invalid("postcode", "Enter a UK postcode, for example SE1 9RT, or leave it empty.");
        }
        return new TrustForm(form.icsId(), code, name, form.trustType(), form.organisationForm(), postcode);
    }

    private String odsCode(String input, String field) {
        var code = input == null ? "" : input.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9]{3,5}")) {
            throw new AdminProblem.Invalid(field, "An ODS code is 3 to 5 letters or digits, for example RJ1.");
        }
        if (organisations.odsCodeInUse(code)) {
            throw new AdminProblem.Invalid(field, "ODS code " + code + " is already in use by another organisation.");
        }
        return code;
    }

    private static String required(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw new AdminProblem.Invalid(field, message);
        }
        if (value.strip().length() > 200) {
            throw new AdminProblem.Invalid(field, "Keep it to 200 characters or fewer.");
        }
        return value.strip();
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

    private static long requireRegion(Long regionId) {
        if (regionId == null) {
            throw new AdminProblem.Invalid("region", "Choose the region.");
        }
        return regionId;
    }
}
