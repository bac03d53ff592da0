package uk.nhs.strategycheck.shared.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.ui.Transport;

/**
 * The HTML page every view lives in. Work finished off the UI thread (a report, a checked document)
 * reaches the page at once by server push instead of by polling. Push travels server to browser over
 * a websocket, which proxies pass as it is (falling back to long polling where they do not); the
 * browser's own requests stay plain HTTP, as without push. A client with no push connection (the load
 * harness) gets the same changes in the answer to its next request.
 */
@Push(transport = Transport.WEBSOCKET_XHR)
@Meta(name = "description", content = "Self-assess and benchmark NHS digital strategies")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Digital Strategy Check");
        // NHS look: a plain stylesheet, so no frontend build is needed.
        settings.addLink("stylesheet", "styles/nhs.css");
    }
}
