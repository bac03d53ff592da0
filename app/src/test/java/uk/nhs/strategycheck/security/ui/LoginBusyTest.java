package uk.nhs.strategycheck.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.WebAttributes;
import uk.nhs.strategycheck.IntegrationTest;
import uk.nhs.strategycheck.KaribuViews;
import uk.nhs.strategycheck.security.SignInBusyException;

/** A sign-in refused because too many were being checked at once says so, not "incorrect password". */
@IntegrationTest
class LoginBusyTest {

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void setUp() {
        KaribuViews.setUp(context);
    }

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown();
    }

    @Test
    void aBusyRefusalAsksToTryAgain() {
        assertThat(errorShownAfter(new SignInBusyException())).contains("The service is busy")
                .doesNotContain("Incorrect email address or password");
        assertThat(errorShownAfter(new BadCredentialsException("Incorrect e-mail address or password")))
                .contains("Incorrect email address or password").doesNotContain("The service is busy");
    }

    /** What the sign-in page says after Spring Security redirected there, with this failure in the session. */
    private static String errorShownAfter(Exception failure) {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        var form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        // The form's texts reach the browser as its i18n property.
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }
}
