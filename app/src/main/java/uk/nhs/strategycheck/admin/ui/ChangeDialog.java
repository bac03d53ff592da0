package uk.nhs.strategycheck.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import uk.nhs.strategycheck.admin.ChangeDraft;
import uk.nhs.strategycheck.admin.ChangeKind;
import uk.nhs.strategycheck.admin.OrganisationAdminService;
import uk.nhs.strategycheck.admin.OrganisationChange;
import uk.nhs.strategycheck.admin.OrganisationChangeService;
import uk.nhs.strategycheck.admin.OrganisationChoice;
import uk.nhs.strategycheck.admin.RegionChoice;

/**
 * Records an organisation change: the kind, the day it takes effect and the organisations it
 * concerns. Only the fields the kind needs are shown; what was typed stays when it is refused.
 */
class ChangeDialog extends Dialog {

    private final OrganisationChangeService service;
    private final Select<ChangeKind> kind = new Select<>();
    private final DatePicker effectiveOn = UkDatePicker.of("Takes effect on", "The first day the change holds",
            LocalDate.of(2027, 4, 1));
    private final MultiSelectComboBox<OrganisationChoice> icss = new MultiSelectComboBox<>("ICSs that merge");
    private final ComboBox<OrganisationChoice> ics = new ComboBox<>("ICS");
    private final ComboBox<OrganisationChoice> trust = new ComboBox<>("Trust");
    private final MultiSelectComboBox<OrganisationChoice> trusts = new MultiSelectComboBox<>("Trusts that merge");
    private final ComboBox<OrganisationChoice> targetIcs = new ComboBox<>("ICS it moves to");
    private final ComboBox<OrganisationChoice> targetTrust = new ComboBox<>("Trust that acquires it");
    private final TextField newCode = new TextField("ODS code of the new ICS");
    private final TextField newName = new TextField("Full name");
    private final TextField newShortName = new TextField("Short name");
    private final Select<RegionChoice> region = new Select<>();
    private final Select<String> trustType = new Select<>();
    private final Select<String> organisationForm = new Select<>();
    private final Div split = new Div();
    private final Map<String, Select<OrganisationChoice>> splitTo = new LinkedHashMap<>();
    private final AdminForm errors = new AdminForm();

    ChangeDialog(OrganisationChangeService service, Consumer<OrganisationChange> onRecorded) {
        this.service = service;
        setHeaderTitle("Record an organisation change");
        var icsChoices = service.openIcss();
        var trustChoices = service.openTrusts();

        kind.setLabel("Kind of change");
        kind.setItems(ChangeKind.values());
        kind.setItemLabelGenerator(ChangeKind::label);
        kind.addValueChangeListener(change -> showFieldsFor(change.getValue()));
        for (var box : List.of(icss, trusts)) {
            box.setItemLabelGenerator(OrganisationChoice::label);
        }
        icss.setItems(icsChoices);
        trusts.setItems(trustChoices);
        for (var box : List.of(ics, targetIcs)) {
            box.setItems(icsChoices);
            box.setItemLabelGenerator(OrganisationChoice::label);
        }
        for (var box : List.of(trust, targetTrust)) {
            box.setItems(trustChoices);
            box.setItemLabelGenerator(OrganisationChoice::label);
        }
        ics.addValueChangeListener(change -> showSplit());
        newCode.setMaxLength(5);
        newCode.setHelperText("3 to 5 letters or digits");
        newName.setMaxLength(200);
        newShortName.setMaxLength(200);
        region.setLabel("Region of the new ICS");
        region.setItems(service.regions());
        region.setItemLabelGenerator(RegionChoice::name);
        trustType.setLabel("Trust type");
        trustType.setItems(new TreeSet<>(OrganisationAdminService.TRUST_TYPES));
        trustType.setItemLabelGenerator(TrustDialog::trustTypeLabel);
        organisationForm.setLabel("Organisation form");
        organisationForm.setItems(new TreeSet<>(OrganisationAdminService.ORGANISATION_FORMS));

        var layout = new FormLayout(kind, effectiveOn, icss, ics, trust, trusts, targetIcs, targetTrust, newCode, newName,
                newShortName, region, trustType, organisationForm);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(errors.summary(), layout, split);
        showFieldsFor(null);

        var save = new Button("Record change", click -> {
            nameFieldsFor(kind.getValue());
            errors.save(() -> service.plan(draft())).ifPresent(recorded -> {
                close();
                onRecorded.accept(recorded);
            });
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    private void showFieldsFor(ChangeKind chosen) {
        var k = chosen;
        icss.setVisible(k == ChangeKind.MERGE_ICSS);
        ics.setVisible(k == ChangeKind.SPLIT_ICS || k == ChangeKind.CLOSE_ICS || k == ChangeKind.RENAME_ICS
                || k == ChangeKind.MERGE_TRUSTS);
        ics.setLabel(switch (k == null ? ChangeKind.CLOSE_ICS : k) {
            case SPLIT_ICS -> "ICS that is split";
            case RENAME_ICS -> "ICS that is renamed";
            case MERGE_TRUSTS -> "ICS of the new trust";
            default -> "ICS that closes";
        });
        trust.setVisible(k == ChangeKind.MOVE_TRUST || k == ChangeKind.ACQUIRE_TRUST || k == ChangeKind.RENAME_TRUST
                || k == ChangeKind.CLOSE_TRUST);
        trust.setLabel(k == ChangeKind.ACQUIRE_TRUST ? "Trust that is acquired" : "Trust");
        trusts.setVisible(k == ChangeKind.MERGE_TRUSTS);
        targetIcs.setVisible(k == ChangeKind.MOVE_TRUST || k == ChangeKind.CLOSE_ICS);
        targetIcs.setLabel(k == ChangeKind.CLOSE_ICS ? "Successor ICS (optional)" : "ICS it moves to");
        targetTrust.setVisible(k == ChangeKind.ACQUIRE_TRUST || k == ChangeKind.CLOSE_TRUST);
        targetTrust.setLabel(k == ChangeKind.CLOSE_TRUST ? "Successor trust (optional)" : "Trust that acquires it");
        newCode.setVisible(k == ChangeKind.MERGE_ICSS || k == ChangeKind.OPEN_ICS || k == ChangeKind.MERGE_TRUSTS);
        newCode.setLabel(switch (k == null ? ChangeKind.OPEN_ICS : k) {
            case MERGE_ICSS -> "ODS code of the ICS they become";
            case MERGE_TRUSTS -> "ODS code of the new trust";
            default -> "ODS code of the new ICS";
        });
        newCode.setHelperText(k == ChangeKind.MERGE_ICSS
                ? "A new code, or the code of one of them that takes the others in" : "3 to 5 letters or digits");
        newName.setVisible(k == ChangeKind.MERGE_ICSS || k == ChangeKind.OPEN_ICS || k == ChangeKind.RENAME_ICS
                || k == ChangeKind.MERGE_TRUSTS || k == ChangeKind.RENAME_TRUST || k == ChangeKind.ACQUIRE_TRUST);
        newName.setLabel(switch (k == null ? ChangeKind.OPEN_ICS : k) {
            case RENAME_ICS, RENAME_TRUST -> "New name";
            case ACQUIRE_TRUST -> "New name of the acquiring trust (optional)";
            case MERGE_TRUSTS -> "Name of the new trust";
            default -> "Full name of the new ICB";
        });
        newShortName.setVisible(k == ChangeKind.MERGE_ICSS || k == ChangeKind.OPEN_ICS || k == ChangeKind.RENAME_ICS);
        newShortName.setLabel(k == ChangeKind.RENAME_ICS ? "New short name" : "Short name of the new ICS");
        region.setVisible(service.regions().size() > 1 && (k == ChangeKind.MERGE_ICSS || k == ChangeKind.OPEN_ICS));
        trustType.setVisible(k == ChangeKind.MERGE_TRUSTS);
        organisationForm.setVisible(k == ChangeKind.MERGE_TRUSTS);
        showSplit();
    }

    /** For a split: where each of the ICS's trusts goes. */
    private void showSplit() {
        split.removeAll();
        splitTo.clear();
        if (kind.getValue() != ChangeKind.SPLIT_ICS || ics.getValue() == null) {
            return;
        }
        var source = ics.getValue();
        var targets = service.openIcss().stream().filter(i -> !i.odsCode().equals(source.odsCode())).toList();
        split.add(new H3("Where each trust goes"));
        var layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        for (var member : service.openTrustsOf(source.odsCode())) {
            var to = new Select<OrganisationChoice>();
            to.setLabel(member.label());
            to.setItems(targets);
            to.setItemLabelGenerator(OrganisationChoice::label);
            splitTo.put(member.odsCode(), to);
            layout.add(to);
        }
        split.add(layout);
    }

    private ChangeDraft draft() {
        var k = kind.getValue();
        List<String> icsCodes = k == ChangeKind.MERGE_ICSS ? codes(icss.getValue()) : code(ics.getValue());
        List<String> trustCodes = k == ChangeKind.MERGE_TRUSTS ? codes(trusts.getValue()) : code(trust.getValue());
        String target = switch (k == null ? ChangeKind.OPEN_ICS : k) {
            case MOVE_TRUST, CLOSE_ICS -> targetIcs.getValue() == null ? null : targetIcs.getValue().odsCode();
            case ACQUIRE_TRUST, CLOSE_TRUST -> targetTrust.getValue() == null ? null : targetTrust.getValue().odsCode();
            default -> newCode.getValue();
        };
        var destinations = new LinkedHashMap<String, String>();
        splitTo.forEach((code, select) -> {
            if (select.getValue() != null) {
                destinations.put(code, select.getValue().odsCode());
            }
        });
        var regions = service.regions();
        String regionCode = region.getValue() != null ? region.getValue().odsCode()
                : regions.size() == 1 ? regions.get(0).odsCode() : null;
        return new ChangeDraft(k, effectiveOn.getValue(), icsCodes, trustCodes, target, newName.getValue(),
                newShortName.getValue(), regionCode, trustType.getValue(), organisationForm.getValue(), destinations);
    }

    private static List<String> codes(java.util.Set<OrganisationChoice> chosen) {
        return chosen.stream().map(OrganisationChoice::odsCode).toList();
    }

    private static List<String> code(OrganisationChoice chosen) {
        return chosen == null ? List.of() : List.of(chosen.odsCode());
    }

    /** The fields by the names the service gives their errors, which depend on the kind of change. */
    private void nameFieldsFor(ChangeKind chosen) {
        var k = chosen == null ? ChangeKind.OPEN_ICS : chosen;
        errors.field("kind", kind).field("effectiveOn", effectiveOn)
                .field("newName", newName).field("newShortName", newShortName).field("regionCode", region)
                .field("trustType", trustType).field("organisationForm", organisationForm);
        if (k == ChangeKind.MERGE_ICSS) {
            errors.field("icsCodes", icss);
        } else {
            errors.field("icsCodes", ics);
        }
        if (k == ChangeKind.MERGE_TRUSTS) {
            errors.field("trustCodes", trusts);
        } else {
            errors.field("trustCodes", trust);
        }
        switch (k) {
            case MOVE_TRUST, CLOSE_ICS -> errors.field("targetCode", targetIcs);
            case ACQUIRE_TRUST, CLOSE_TRUST -> errors.field("targetCode", targetTrust);
            default -> errors.field("targetCode", newCode);
        }
        errors.removeFields("splitTo:");
        splitTo.forEach((code, select) -> errors.field("splitTo:" + code, select));
    }
}
