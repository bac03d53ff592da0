package uk.nhs.strategycheck.security;

import org.springframework.security.authentication.AuthenticationServiceException;

/** Too many sign-ins at once: the password was not checked, and the person should try again shortly. */
public class SignInBusyException extends AuthenticationServiceException {

    public SignInBusyException() {
        super("Too many people are signing in at once");
    }
}
