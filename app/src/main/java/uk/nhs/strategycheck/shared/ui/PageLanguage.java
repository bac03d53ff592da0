package uk.nhs.strategycheck.shared.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Every page declares British English (`lang="en-GB"`), so screen readers pronounce it and
 * browsers check spelling as such; Vaadin on its own writes only the language, "en".
 */
@Component
class PageLanguage implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> response.getDocument().selectFirst("html").attr("lang", "en-GB"));
    }
}
