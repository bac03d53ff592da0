package uk.nhs.strategycheck.security.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import uk.nhs.strategycheck.security.SignedInUser;

/**
 * Sends an admin who has yet to give their second factor to the security code page, wherever
 * they try to go. (The database grants such a sign-in no scope either: no page would show data.)
 */
@Component
class SecondFactorGuard implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                    && user.awaitingSecondFactor() && enter.getNavigationTarget() != SecondFactorView.class
                    && enter.getNavigationTarget() != LoginView.class) {
                enter.rerouteTo(SecondFactorView.class);
            }
        }));
    }
}
