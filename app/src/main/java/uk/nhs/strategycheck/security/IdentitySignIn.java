package uk.nhs.strategycheck.security;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;
import uk.nhs.strategycheck.shared.ServiceAddress;

/**
 * Sign-in through the OpenID Connect provider. The provider proves who the person is; the
 * database decides whether they may come in (tenancy.sign_in_with_identity): the account linked
 * to the provider's subject, or, at the first sign-in, the invited account with the provider's
 * verified e-mail address, which is then linked. Nobody registers themselves.
 */
@Service
public class IdentitySignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** Why a sign-in through the provider was refused: the login page's ?error= value for each. */
    public static final Set<String> REFUSALS = Set.of("not-invited", "email-not-verified", "linked-elsewhere",
            "disabled", "identity");

    /** Where the browser goes to sign in at the provider. */
    public static final String START_PATH = "/oauth2/authorization/" + SignInSettings.REGISTRATION_ID;

    private final OidcUserService provider = new OidcUserService();
    private final SignInRepository accounts;
    private final AccountService signIn;
    private final SignInSettings settings;
    private final CurrentUser currentUser;
    private final ServiceAddress address;
    private final ObjectProvider<ClientRegistrationRepository> registrations;

    IdentitySignIn(SignInRepository accounts, AccountService signIn, SignInSettings settings, CurrentUser currentUser,
                   ServiceAddress address, ObjectProvider<ClientRegistrationRepository> registrations) {
        this.accounts = accounts;
        this.signIn = signIn;
        this.settings = settings;
        this.currentUser = currentUser;
        this.address = address;
        this.registrations = registrations;
    }

    /** Whether this deployment offers sign-in with an e-mail address and password. */
    public boolean passwordSignIn() {
        return settings.password();
    }

    /** What the provider is called on the sign-in button; empty when there is no provider. */
    public Optional<String> providerName() {
        return registrations.getIfAvailable() == null ? Optional.empty()
                : Optional.of(settings.identityProvider().displayName());
    }

    // Not transactional: the sign-in and its audit row stand however the rest of the request goes.
    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        var identity = provider.loadUser(request);
        var verified = settings.identityProvider().emailsVerified() || Boolean.TRUE.equals(identity.getEmailVerified());
        var attempt = accounts.signInWithIdentity(identity.getIssuer().toString(), identity.getSubject(),
                identity.getEmail(), verified);
        signIn.countSignIn("identity", attempt.outcome().name().toLowerCase(java.util.Locale.ROOT));
        var user = switch (attempt.outcome()) {
            case SIGNED_IN -> signIn.signedIn(attempt.scopeToken());
            case SECOND_FACTOR -> SignedInUser.awaitingSecondFactor(attempt.account().id(), attempt.account().email(),
                    attempt.account().displayName(), attempt.scopeToken());
            case NOT_INVITED -> throw refused("not-invited");
            case EMAIL_NOT_VERIFIED -> throw refused("email-not-verified");
            case LINKED_ELSEWHERE -> throw refused("linked-elsewhere");
            case DISABLED, REFUSED, THROTTLED -> throw refused("disabled");
        };
        return new SignedInIdentity(user.signedInWith(identity.getIdToken()), identity);
    }

    private static OAuth2AuthenticationException refused(String reason) {
        return new OAuth2AuthenticationException(new OAuth2Error(reason), reason);
    }

    /**
     * After the provider's sign-in: the session holds the same principal as after a password
     * sign-in (SignedInUser), and the user goes where they were going.
     */
    public AuthenticationSuccessHandler successHandler() {
        var contexts = new HttpSessionSecurityContextRepository();
        var next = new SavedRequestAwareAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            var user = ((SignedInIdentity) authentication.getPrincipal()).user();
            var context = currentUser.become(user);
            contexts.saveContext(context, request, response);
            next.onAuthenticationSuccess(request, response, context.getAuthentication());
        };
    }

    /** A refusal goes back to the login page, which says why and what to do. */
    public AuthenticationFailureHandler failureHandler() {
        var redirects = new DefaultRedirectStrategy();
        return (request, response, exception) -> {
            var reason = exception instanceof OAuth2AuthenticationException refusal
                    && REFUSALS.contains(refusal.getError().getErrorCode()) ? refusal.getError().getErrorCode() : "identity";
            redirects.sendRedirect(request, response, "/login?error=" + reason);
        };
    }

    /**
     * Signing out of a session that began at the provider ends the provider's session too
     * (OpenID Connect RP-initiated logout): the browser goes to the provider's end-session
     * address with the ID token, and comes back to the login page. The redirect strategy is the
     * UI's: signing out is a click in a page, so the page, not the request, must move.
     */
    public LogoutSuccessHandler logoutSuccessHandler(String signedOutPath, RedirectStrategy redirects) {
        var local = new SimpleUrlLogoutSuccessHandler();
        local.setDefaultTargetUrl(signedOutPath);
        local.setRedirectStrategy(redirects);
        return (request, response, authentication) -> {
            var repository = registrations.getIfAvailable();
            var token = authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                    ? user.identityToken().orElse(null) : null;
            if (repository == null || token == null) {
                local.onLogoutSuccess(request, response, authentication);
                return;
            }
            var atProvider = new OidcClientInitiatedLogoutSuccessHandler(repository);
            atProvider.setPostLogoutRedirectUri(address.link(signedOutPath));
            atProvider.setDefaultTargetUrl(signedOutPath);
            atProvider.setRedirectStrategy(redirects);
            var principal = new DefaultOidcUser(authentication.getAuthorities(), token);
            atProvider.onLogoutSuccess(request, response,
                    new OAuth2AuthenticationToken(principal, authentication.getAuthorities(), SignInSettings.REGISTRATION_ID));
        };
    }

    /** The provider's user with the service's own principal, until the success handler takes it. */
    record SignedInIdentity(SignedInUser user, OidcUser identity) implements OidcUser {

        @Override
        public Map<String, Object> getClaims() {
            return identity.getClaims();
        }

        @Override
        public OidcUserInfo getUserInfo() {
            return identity.getUserInfo();
        }

        @Override
        public OidcIdToken getIdToken() {
            return identity.getIdToken();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return identity.getAttributes();
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return user.getAuthorities();
        }

        @Override
        public String getName() {
            return identity.getName();
        }
    }
}
