package uk.nhs.strategycheck.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The NHS "check and confirm" step before an action that cannot be undone: says what will happen
 * and who is affected, and only then does it. Cancel (or Escape) changes nothing. A declaration,
 * when required, must be ticked first.
 */
public class ConfirmationDialog extends Dialog {

    private final ErrorSummary errors = new ErrorSummary();
    private final Div body = new Div();
    private final Button confirm;
    private Checkbox declaration;

    public ConfirmationDialog(String title, String confirmLabel, Runnable onConfirm) {
        setHeaderTitle(title);
        addClassName("confirmation-dialog");
        body.addClassName("confirmation-body");
        add(errors, body);
        var cancel = new Button("Cancel", click -> close());
        confirm = new Button(confirmLabel, click -> {
            if (declaration != null && !declaration.getValue()) {
                errors.show(FieldProblem.of(declaration, "Tick the box to confirm the declaration"));
                return;
            }
            close();
            onConfirm.run();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, confirm);
    }

    /** A paragraph of what will happen, or who is affected. */
    public ConfirmationDialog addParagraph(String text) {
        body.add(new Paragraph(text));
        return this;
    }

    public ConfirmationDialog addContent(Component... components) {
        body.add(components);
        return this;
    }

    /** A declaration the user must tick before confirming, such as a sign-off statement. */
    public ConfirmationDialog requireDeclaration(String text) {
        declaration = new Checkbox(text);
        declaration.addClassName("declaration");
        body.add(declaration);
        return this;
    }

    /** Marks the confirm button as a destructive action (red), for closing or removing things. */
    public ConfirmationDialog destructive() {
        confirm.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        return this;
    }
}
