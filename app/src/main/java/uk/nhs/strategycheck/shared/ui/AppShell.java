package uk.nhs.strategycheck.shared.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;

/** The HTML page every view lives in. */
@Meta(name = "description", content = "Self-assess and benchmark NHS digital strategies")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Digital Strategy Check");
        // NHS look: a plain stylesheet, so no frontend build is needed.
        settings.addLink("stylesheet", "styles/nhs.css");
    }
}
