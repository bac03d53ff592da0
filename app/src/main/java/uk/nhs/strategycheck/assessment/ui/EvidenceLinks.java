package uk.nhs.strategycheck.assessment.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/**
 * A statement's evidence links as real links. They lead to other sites (a board paper, the
 * trust's intranet), so each opens in a new tab, says so in its text, and tells the other site
 * neither where the user came from nor a handle on this page. The service accepts only http and
 * https addresses.
 */
final class EvidenceLinks extends UnorderedList {

    EvidenceLinks(List<String> links) {
        addClassName("evidence-links");
        for (var link : links) {
            var anchor = new Anchor(link, link + " (opens in a new tab)");
            anchor.setTarget(AnchorTarget.BLANK);
            anchor.getElement().setAttribute("rel", "noopener noreferrer");
            anchor.getElement().setAttribute("router-ignore", true);
            add(new ListItem(anchor));
        }
    }
}
