package uk.nhs.strategycheck.operations;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The request's id from the start, before Spring Security, so that its log lines carry it too;
 * the user once Spring Security's chain has loaded them (and refreshed their roles). Both are
 * servlet filters on every path, so Vaadin's own requests (UIDL, uploads, downloads) have them.
 */
@Configuration
class LogContextConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        // Right after ServiceAddressFilter, before anything that may log.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SignedInUserLogFilter> signedInUserLogFilter(SecurityContextHolderStrategy contexts) {
        var registration = new FilterRegistrationBean<>(new SignedInUserLogFilter(contexts));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
