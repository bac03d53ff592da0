package uk.nhs.strategycheck.shared.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/**
 * Shown when a service refuses what a page asked for (another ICS's trust in the address, say):
 * the same words as a refused view, with status 403, never a stack trace (issue 10, finding 10).
 */
@ParentLayout(MainLayout.class)
@PageTitle("No access - Digital Strategy Check")
@PermitAll
public class RefusedView extends NoAccess implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
