package uk.nhs.strategycheck.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How people sign in to this deployment (application.yml, dsc.sign-in): with a password, with an
 * OpenID Connect provider such as NHS Care Identity Service 2, or both.
 *
 * @param password          whether e-mail address and password sign-in is offered
 * @param identityProvider  the OpenID Connect provider; none when its issuer is blank
 * @param checksAtOnce      how many password checks (bcrypt, in PostgreSQL) one instance runs at once
 * @param checkWait         how long a password check waits for its turn before the sign-in is refused as busy
 */
@ConfigurationProperties("dsc.sign-in")
public record SignInSettings(boolean password, IdentityProvider identityProvider, int checksAtOnce,
                             Duration checkWait) {

    /** The registration id: part of the provider's redirect address, /login/oauth2/code/nhs-identity. */
    public static final String REGISTRATION_ID = "nhs-identity";

    public SignInSettings {
        if (identityProvider == null) {
            identityProvider = new IdentityProvider(null, null, null, null, null, null, null, false);
        }
        if (checksAtOnce < 1) {
            throw new IllegalStateException("DSC_SIGN_IN_CHECKS_AT_ONCE must be at least 1, not " + checksAtOnce);
        }
        if (checkWait == null || checkWait.isNegative()) {
            throw new IllegalStateException("DSC_SIGN_IN_CHECK_WAIT must be a duration of zero or more");
        }
        if (!password && !identityProvider.configured()) {
            throw new IllegalStateException("Password sign-in is off (DSC_PASSWORD_SIGN_IN=false) and no identity "
                    + "provider is configured (DSC_OIDC_ISSUER): nobody could sign in");
        }
    }

    /**
     * @param issuer          the provider's issuer address; its discovery document gives the rest
     * @param clientId        this service's client id at the provider
     * @param clientSecret    the client secret, when the provider authenticates the service by one
     * @param privateKeyFile  a PEM file with the RSA private key (PKCS #8) that signs the service's
     *                        client assertions (private_key_jwt, as CIS2 requires); used instead of
     *                        the client secret when set
     * @param keyId           the key id ("kid") the provider knows the matching public key by
     * @param name            what the sign-in button calls the provider
     * @param scopes          the scopes asked for: openid, and email to link an invited account
     * @param emailsVerified  the provider verifies every e-mail address it reports, so an address
     *                        counts as verified without an email_verified claim (CIS2's addresses
     *                        come from its registration authorities)
     */
    public record IdentityProvider(String issuer, String clientId, String clientSecret, String privateKeyFile,
                                   String keyId, String name, List<String> scopes, boolean emailsVerified) {

        public boolean configured() {
            return issuer != null && !issuer.isBlank();
        }

        public boolean signsClientAssertions() {
            return privateKeyFile != null && !privateKeyFile.isBlank();
        }

        public String displayName() {
            return name == null || name.isBlank() ? "NHS identity" : name;
        }
    }
}
