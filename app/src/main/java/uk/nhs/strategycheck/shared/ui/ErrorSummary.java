package uk.nhs.strategycheck.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The NHS error summary: "There is a problem" at the top of a form, every problem at once, each
 * a link that moves focus to its field. Showing it moves focus to it, so a screen reader reads it
 * and a keyboard user starts from it; each field shows its own message beside it too.
 */
public class ErrorSummary extends Div {

    private static final AtomicLong FIELD_IDS = new AtomicLong();

    private final UnorderedList list = new UnorderedList();
    private final List<HasValidation> marked = new ArrayList<>();

    public ErrorSummary() {
        addClassName("error-summary");
        var title = new H2("There is a problem");
        title.addClassName("error-summary-title");
        title.setId("error-summary-title-" + FIELD_IDS.incrementAndGet());
        getElement().setAttribute("aria-labelledby", title.getId().orElseThrow());
        getElement().setAttribute("role", "alert");
        getElement().setAttribute("tabindex", "-1");
        list.addClassName("error-summary-list");
        add(title, list);
        setVisible(false);
    }

    /** Shows these problems (all of them; an empty list clears the summary) and focuses the summary. */
    public void show(List<FieldProblem> problems) {
        clear();
        if (problems.isEmpty()) {
            return;
        }
        for (var problem : problems) {
            list.add(new ListItem(problem.field().<Component>map(field -> link(field, problem.message()))
                    .orElseGet(() -> new Span(problem.message()))));
            problem.field().ifPresent(field -> {
                var validated = (HasValidation) field;
                validated.setErrorMessage(problem.message());
                validated.setInvalid(true);
                marked.add(validated);
            });
        }
        setVisible(true);
        getElement().executeJs("this.focus(); this.scrollIntoView({block: 'nearest'})");
    }

    /** Shows one problem. */
    public void show(FieldProblem problem) {
        show(List.of(problem));
    }

    /**
     * Shows problems whose fix is on another page, each as the link given (to that page), and
     * focuses the summary.
     */
    public void showLinks(List<? extends Component> links) {
        clear();
        if (links.isEmpty()) {
            return;
        }
        links.forEach(link -> list.add(new ListItem(link)));
        setVisible(true);
        getElement().executeJs("this.focus(); this.scrollIntoView({block: 'nearest'})");
    }

    /** Hides the summary and clears the errors it marked on fields. */
    public void clear() {
        marked.forEach(field -> field.setInvalid(false));
        marked.clear();
        list.removeAll();
        setVisible(false);
    }

    public boolean hasProblems() {
        return isVisible();
    }

    private static Anchor link(Component field, String message) {
        var id = field.getId().orElseGet(() -> {
            var generated = "field-" + FIELD_IDS.incrementAndGet();
            field.setId(generated);
            return generated;
        });
        var link = new Anchor("#" + id, message);
        // The router must not treat the fragment as a navigation; the server moves focus into
        // the field itself (a fragment would only scroll to the field's outer element).
        link.getElement().setAttribute("router-ignore", true);
        link.getElement().addEventListener("click", click -> ((Focusable<?>) field).focus())
                .addEventData("event.preventDefault()");
        return link;
    }
}
