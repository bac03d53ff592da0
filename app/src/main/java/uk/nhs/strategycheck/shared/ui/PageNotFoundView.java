package uk.nhs.strategycheck.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The NHS "page not found" page for an unknown address, signed in or not, instead of Vaadin's
 * list of routes: what may have gone wrong and the way home. Status 404.
 */
@PageTitle("Page not found - Digital Strategy Check")
@AnonymousAllowed
public class PageNotFoundView extends SignedOutPage implements HasErrorParameter<NotFoundException> {

    public PageNotFoundView() {
        main().add(new H1("Page not found"),
                new Paragraph("If you typed the web address, check it is correct."),
                new Paragraph("If you pasted the web address, check you copied the entire address."),
                new Paragraph("If the web address is correct or you selected a link or button, the page may have "
                        + "moved. Go to the home page to find what you need."),
                new Anchor("", "Go to the home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
