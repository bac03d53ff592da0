package uk.nhs.strategycheck.tenancy.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import uk.nhs.strategycheck.tenancy.Fact;
import uk.nhs.strategycheck.tenancy.Link;
import uk.nhs.strategycheck.tenancy.NextStep;

/** The parts every home page shares: the next step, the status facts and the other pages to go to. */
final class HomeParts {

    private HomeParts() {
    }

    /** A panel headed by the next step, a sentence or two, and one button-like link that does it. */
    static Section nextStep(NextStep step) {
        var title = new H2(step.title());
        title.setId("next-step");
        var panel = new Section(title);
        panel.addClassName("next-step");
        panel.getElement().setAttribute("aria-labelledby", "next-step");
        step.lines().forEach(line -> panel.add(new Paragraph(line)));
        step.action().ifPresent(action -> {
            var link = new Anchor(action.route(), action.text());
            link.addClassName("button-link");
            panel.add(link);
        });
        return panel;
    }

    static FactList facts(List<Fact> facts) {
        var list = new FactList();
        facts.forEach(fact -> list.fact(fact.label(), fact.value()));
        return list;
    }

    /** "You can also" and a list of links; nothing when there are none. */
    static Component[] otherPages(List<Link> links) {
        if (links.isEmpty()) {
            return new Component[0];
        }
        var list = new UnorderedList();
        list.addClassName("other-pages");
        links.forEach(link -> list.add(new ListItem(new Anchor(link.route(), link.text()))));
        return new Component[] {new H2("You can also"), list};
    }
}
