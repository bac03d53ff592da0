package uk.nhs.strategycheck.admin.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import uk.nhs.strategycheck.admin.AssignmentTarget;
import uk.nhs.strategycheck.admin.UserAdminService;
import uk.nhs.strategycheck.tenancy.Role;

/**
 * A role and the organisation it is at: choosing the role lists the organisations of its
 * level that the admin may give it at (a region admin: their region's).
 */
class RoleAtOrganisation {

    private final Select<Role> role = new Select<>();
    private final ComboBox<AssignmentTarget> organisation = new ComboBox<>("Organisation");

    RoleAtOrganisation(UserAdminService service) {
        role.setLabel("Role");
        role.setItems(service.assignableRoles());
        role.setItemLabelGenerator(Role::label);
        role.setHelperText("What the person may do there");
        // No required indicator: Vaadin puts aria-required on the select's button, which axe refuses.
        organisation.setItemLabelGenerator(AssignmentTarget::label);
        organisation.setRequired(true);
        organisation.setHelperText("Choose a role first. Type to search by name or ODS code.");
        organisation.setEnabled(false);
        role.addValueChangeListener(change -> {
            var chosen = change.getValue();
            var targets = chosen == null ? java.util.List.<AssignmentTarget>of() : service.organisationsFor(chosen);
            organisation.setItems(targets);
            organisation.setEnabled(!targets.isEmpty());
            organisation.setValue(targets.size() == 1 ? targets.get(0) : null);
            organisation.setHelperText(chosen == null ? "Choose a role first."
                    : "Type to search by name or ODS code.");
        });
    }

    Select<Role> role() {
        return role;
    }

    ComboBox<AssignmentTarget> organisation() {
        return organisation;
    }
}
