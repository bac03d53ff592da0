package uk.nhs.strategycheck.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import uk.nhs.strategycheck.admin.IcsRow;
import uk.nhs.strategycheck.admin.OrganisationAdminService;
import uk.nhs.strategycheck.admin.TrustForm;
import uk.nhs.strategycheck.admin.TrustRow;

/** Creates or changes a trust; what was typed stays when a save is refused. */
class TrustDialog extends Dialog {

    TrustDialog(List<IcsRow> icss, TrustRow existing, Function<TrustForm, TrustRow> save, Consumer<TrustRow> onSaved) {
        setHeaderTitle(existing == null ? "New trust" : "Change " + existing.name());
        var ics = new Select<IcsRow>();
        ics.setLabel("Integrated care system");
        ics.setItems(icss);
        ics.setItemLabelGenerator(i -> i.shortName() + " (" + i.odsCode() + ")");
        var odsCode = new TextField("ODS code");
        odsCode.setHelperText("3 to 5 letters or digits, for example RJ1");
        odsCode.setMaxLength(5);
        var name = new TextField("Name");
        name.setMaxLength(OrganisationAdminService.MAX_TRUST_NAME);
        var type = new Select<String>();
        type.setLabel("Trust type");
        type.setItems(new TreeSet<>(OrganisationAdminService.TRUST_TYPES));
        type.setItemLabelGenerator(TrustDialog::trustTypeLabel);
        var form = new Select<String>();
        form.setLabel("Organisation form");
        form.setItems(new TreeSet<>(OrganisationAdminService.ORGANISATION_FORMS));
        var postcode = new TextField("Postcode (optional)");
        postcode.setHelperText("For example, SE1 9RT");
        if (existing != null) {
            icss.stream().filter(i -> i.id() == existing.icsId()).findFirst().ifPresent(ics::setValue);
            // A trust's ICS is part of its history: it moves only through an organisation change.
            ics.setReadOnly(true);
            ics.setHelperText("To move the trust to another ICS, record an organisation change.");
            odsCode.setValue(existing.odsCode());
            name.setValue(existing.name());
            type.setValue(existing.trustType());
            form.setValue(existing.organisationForm());
            postcode.setValue(existing.postcode() == null ? "" : existing.postcode());
        }
        var errors = new AdminForm().field("ics", ics).field("odsCode", odsCode).field("name", name)
                .field("trustType", type).field("organisationForm", form).field("postcode", postcode);
        var saveButton = new Button("Save trust", click -> {
            errors.save(() -> save.apply(new TrustForm(ics.getValue() == null ? null : ics.getValue().id(),
                    odsCode.getValue(), name.getValue(), type.getValue(), form.getValue(), postcode.getValue())))
                    .ifPresent(saved -> {
                        close();
                        onSaved.accept(saved);
                    });
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var layout = new FormLayout(ics, odsCode, name, type, form, postcode);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(errors.summary(), layout);
        getFooter().add(new Button("Cancel", click -> close()), saveButton);
    }

    /** "Mental health" for the stored "mental health", as a list item or choice shows it. */
    static String trustTypeLabel(String type) {
        return type == null || type.isEmpty() ? "" : Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }
}
