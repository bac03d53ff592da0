package uk.nhs.strategycheck.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import java.util.Optional;

/**
 * One problem to show in an {@link ErrorSummary}: the field at fault (which the summary's link
 * focuses and which shows the message beside it), or none for a problem with the form as a whole.
 */
public record FieldProblem(Optional<Component> field, String message) {

    /** A problem with one field: a Vaadin field that can show an error and take focus. */
    public static <F extends Component & HasValidation & Focusable<?>> FieldProblem of(F field, String message) {
        return new FieldProblem(Optional.of(field), message);
    }

    /** A problem with the form as a whole, not with one field. */
    public static FieldProblem general(String message) {
        return new FieldProblem(Optional.empty(), message);
    }
}
