package uk.nhs.strategycheck.security.ui;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import uk.nhs.strategycheck.security.AccountService;
import uk.nhs.strategycheck.security.IdentitySignIn;
import uk.nhs.strategycheck.security.ScopeRefreshFilter;
import uk.nhs.strategycheck.security.SignInRequestFilter;
import uk.nhs.strategycheck.security.SignedInUser;
import uk.nhs.strategycheck.shared.ServiceAddress;

/** Web security: Vaadin's view access control, with our login view. */
@Configuration
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /**
     * Everything comes from the service itself; nothing may frame it, run a plugin, change the
     * base of its relative links or post a form elsewhere. Vaadin Flow needs inline and eval'd
     * script (its bootstrap page starts the client engine inline, which then runs the JavaScript
     * the server sends by constructing functions) and inline styles, and Lumo's icon fonts are
     * data: addresses. A nonce-based policy would need a script of our own in a frontend build,
     * which this project does not have (STACK.md). ContentSecurityPolicyTest checks every kind
     * of page in the browser.
     */
    private static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Vaadin's development tools (development mode only: infra/run-dev.sh) draw their icons as data: images. */
    private static final String DEVELOPMENT_TOOLS_IMAGES = "img-src 'self' data:";

    static final String LOGIN_PATH = "/login";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ScopeRefreshFilter scopeRefresh, AccountService accounts,
                                            ServiceAddress address, IdentitySignIn identity,
                                            ObjectProvider<ClientRegistrationRepository> identityProvider,
                                            ObjectProvider<OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest>> identityTokens,
                                            @Value("${dsc.security.strict-transport-security}") boolean hsts,
                                            @Value("${vaadin.productionMode:false}") boolean productionMode)
            throws Exception {
        http.addFilterAfter(scopeRefresh, SecurityContextHolderFilter.class);
        http.addFilterBefore(new SignInRequestFilter(address, LOGIN_PATH), UsernamePasswordAuthenticationFilter.class);
        // Signing out ends the scope token in the database too.
        http.logout(logout -> logout.addLogoutHandler((request, response, authentication) -> {
            if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
                accounts.signOut(user);
            }
        }));
        // Browsers send no address to other sites, and the pages may use no camera, microphone,
        // location or payment; framing by other sites is refused (Spring's default, kept).
        http.headers(headers -> headers
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(
                        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"))
                .contentSecurityPolicy(csp -> csp.policyDirectives(productionMode ? CONTENT_SECURITY_POLICY
                        : CONTENT_SECURITY_POLICY + "; " + DEVELOPMENT_TOOLS_IMAGES)));
        // HTTPS only, for a year, once a browser has seen the service over HTTPS: in production
        // (application-prod.yml) only, so that a local run over plain http never pins localhost.
        // A request counts as HTTPS when the service's address is (ServiceAddressFilter).
        if (hsts) {
            http.headers(headers -> headers.httpStrictTransportSecurity(sts -> sts
                    .maxAgeInSeconds(31_536_000).includeSubDomains(true)));
        } else {
            http.headers(headers -> headers.httpStrictTransportSecurity(sts -> sts.disable()));
        }
        // Actuator endpoints are served on the management port only, which no ingress exposes.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**", "/webjars/**").permitAll());
        // Sign-in through the OpenID Connect provider, where one is configured (IdentityProviderConfiguration).
        if (identityProvider.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage(LOGIN_PATH)
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(identity))
                    .tokenEndpoint(token -> token.accessTokenResponseClient(identityTokens.getObject()))
                    .successHandler(identity.successHandler())
                    .failureHandler(identity.failureHandler()));
        }
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .logoutSuccessHandler(identity.logoutSuccessHandler(LOGIN_PATH, new UidlRedirectStrategy())));
        return http.build();
    }

    /**
     * The management port (health, info, metrics: README, "Operate it") answers its endpoints to
     * anyone who can reach it, which only the cluster can, and refuses everything else with 403.
     * It never reaches the Vaadin chain above, whose view checks need a Vaadin servlet that the
     * management server does not have.
     */
    @Bean
    @Order(1)
    SecurityFilterChain managementFilterChain(HttpSecurity http, Environment environment) throws Exception {
        http.securityMatcher(request -> {
            var management = environment.getProperty("local.management.port");
            return management != null && !management.equals(environment.getProperty("local.server.port"))
                    && management.equals(String.valueOf(request.getLocalPort()));
        });
        http.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll()
                .anyRequest().denyAll());
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * bcrypt's cost: 2^10 rounds, about 60-80 ms a hash in PostgreSQL on this service's 2-core
     * machine (README, "Sign-in under load"), which checks every password. It is the least OWASP
     * advises for bcrypt; each step up doubles the time every sign-in holds a connection and a core.
     * It must stay equal to the cost of the dummy hash (migration 037) that unknown accounts are
     * checked against, or a sign-in's time would tell whether an account exists.
     */
    static final int BCRYPT_COST = 10;

    /** Hashes carry their algorithm ({bcrypt}...), so a later move to argon2 needs no migration. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(BCRYPT_COST)));
    }
}
