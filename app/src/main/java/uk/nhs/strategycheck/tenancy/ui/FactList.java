package uk.nhs.strategycheck.tenancy.ui;

import com.vaadin.flow.component.html.DescriptionList;

/** Label and value pairs, read out as such by screen readers. */
class FactList extends DescriptionList {

    FactList() {
        addClassName("fact-list");
    }

    FactList fact(String label, String value) {
        add(new Term(label), new Description(value));
        return this;
    }
}
