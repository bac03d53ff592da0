package uk.nhs.strategycheck.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What a trust must be, in one place for the trust form and for every row of an import file:
 * each problem names its field and says what to do about it.
 */
final class TrustRules {

    private static final Pattern ODS_CODE = Pattern.compile("[A-Z0-9]{3,5}");
    private static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}");

    private final List<IcsRow> icss;
    private final Predicate<String> odsCodeInUse;

    /** Rules for an admin whose region has these ICSs; odsCodeInUse looks across England. */
    TrustRules(List<IcsRow> icss, Predicate<String> odsCodeInUse) {
        this.icss = icss;
        this.odsCodeInUse = odsCodeInUse;
    }

    /** A trust as it is saved: text stripped, ODS code and postcode in capitals, an empty postcode none. */
    static TrustForm clean(TrustForm form) {
        var postcode = form.postcode() == null || form.postcode().isBlank() ? null
                : form.postcode().strip().toUpperCase(Locale.ROOT);
        return new TrustForm(form.icsId(), form.odsCode() == null ? "" : form.odsCode().strip().toUpperCase(Locale.ROOT),
                form.name() == null ? "" : form.name().strip(), form.trustType(), form.organisationForm(), postcode);
    }

    /** Every problem with a trust (cleaned); existing is the trust being changed, or null for a new one. */
    List<AdminProblem.FieldError> problems(TrustForm trust, TrustRow existing) {
        var problems = new ArrayList<AdminProblem.FieldError>();
        var ics = icss.stream().filter(i -> trust.icsId() != null && i.id() == trust.icsId()).findFirst();
        if (ics.isEmpty()) {
            problems.add(new AdminProblem.FieldError("ics", "Choose the trust's integrated care system."));
        } else if (existing == null && ics.get().closedOn() != null) {
            problems.add(new AdminProblem.FieldError("ics", "That integrated care system has closed. Choose an open one."));
        }
        var code = trust.odsCode();
        if (existing == null || !code.equals(existing.odsCode())) {
            if (!ODS_CODE.matcher(code).matches()) {
                problems.add(new AdminProblem.FieldError("odsCode", "An ODS code is 3 to 5 letters or digits, for example RJ1."));
            } else if (odsCodeInUse.test(code)) {
                problems.add(new AdminProblem.FieldError("odsCode", "ODS code " + code + " is already in use by another "
                        + "organisation."));
            }
        }
        if (trust.name().isEmpty()) {
            problems.add(new AdminProblem.FieldError("name", "Enter the trust's name."));
        } else if (trust.name().length() > OrganisationAdminService.MAX_TRUST_NAME) {
            problems.add(new AdminProblem.FieldError("name", String.format("Keep the name to %d characters or fewer "
                    + "(it has %,d).", OrganisationAdminService.MAX_TRUST_NAME, trust.name().length())));
        }
        if (trust.trustType() == null || trust.trustType().isBlank()) {
            problems.add(new AdminProblem.FieldError("trustType", "Choose the trust type."));
        } else if (!OrganisationAdminService.TRUST_TYPES.contains(trust.trustType())) {
            problems.add(new AdminProblem.FieldError("trustType", "Trust type \"" + trust.trustType() + "\" must be one of "
                    + String.join(", ", new TreeSet<>(OrganisationAdminService.TRUST_TYPES)) + "."));
        }
        if (trust.organisationForm() == null || trust.organisationForm().isBlank()) {
            problems.add(new AdminProblem.FieldError("organisationForm", "Choose NHS trust or NHS foundation trust."));
        } else if (!OrganisationAdminService.ORGANISATION_FORMS.contains(trust.organisationForm())) {
            problems.add(new AdminProblem.FieldError("organisationForm", "Organisation form \"" + trust.organisationForm()
                    + "\" must be NHS trust or NHS foundation trust."));
        }
        if (trust.postcode() != null && !POSTCODE.matcher(trust.postcode()).matches()) {
            problems.add(new AdminProblem.FieldError("postcode", "Enter a UK postcode, for example SE1 9RT, or leave it empty."));
        }
        return problems;
    }
}
