package uk.nhs.strategycheck.security.ui;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import uk.nhs.strategycheck.security.ScopeRefreshFilter;
import uk.nhs.strategycheck.security.SignInRequestFilter;
import uk.nhs.strategycheck.shared.ServiceAddress;

/** Web security: Vaadin's view access control, with our login view. */
@Configuration
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    static final String LOGIN_PATH = "/login";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ScopeRefreshFilter scopeRefresh, ServiceAddress address)
            throws Exception {
        http.addFilterAfter(scopeRefresh, SecurityContextHolderFilter.class);
        http.addFilterBefore(new SignInRequestFilter(address, LOGIN_PATH), UsernamePasswordAuthenticationFilter.class);
        // Browsers send no address to other sites, and the pages may use no camera, microphone,
        // location or payment; framing by other sites is refused (Spring's default, kept).
        http.headers(headers -> headers
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(
                        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()")));
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**", "/webjars/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    /** Hashes carry their algorithm ({bcrypt}...), so a later move to argon2 needs no migration. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
