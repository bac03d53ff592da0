package uk.nhs.strategycheck.shared.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;

/**
 * The frame of the pages shown outside the signed-in layout (signing in, the security code,
 * setting up an account): the service's name, then the page's own content in {@link #main()}.
 */
public abstract class SignedOutPage extends Div {

    private final Main main = new Main();

    protected SignedOutPage() {
        addClassName("login-view");
        var serviceName = new Span("Digital Strategy Check");
        serviceName.addClassName("service-name");
        var header = new Header(serviceName);
        header.addClassName("service-header");
        main.addClassName("login-main");
        add(header, main);
    }

    protected Main main() {
        return main;
    }
}
