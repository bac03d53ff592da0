package uk.nhs.strategycheck.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;

/** The page that says no: the same for a view the role may not open and for data it may not see. */
abstract class NoAccess extends Main {

    NoAccess() {
        add(new H1("You do not have access to this page"),
                new Paragraph("Your active role does not include this page. If you hold another role that "
                        + "does, choose it under \"Acting as\" at the top of the menu; otherwise ask your region admin."),
                new Anchor("", "Go to your home page"));
    }
}
