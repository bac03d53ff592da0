package uk.nhs.strategycheck.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.nhs.strategycheck.shared.ServiceAddress;

/**
 * Makes every request report the service's configured address (DSC_BASE_URL) as its own scheme,
 * host and port, so that the absolute addresses Spring Security and Vaadin build from a request
 * (the redirect to the sign-in page, the page to return to after it) never carry the Host header,
 * which whoever sends the request chooses. Behind a proxy that ends TLS, it also makes requests
 * count as secure when the service's address is https. Tomcat's own redirects stay relative
 * (server.tomcat.use-relative-redirects).
 */
class ServiceAddressFilter extends OncePerRequestFilter {

    private final ServiceAddress address;

    ServiceAddressFilter(ServiceAddress address) {
        this.address = address;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new AtServiceAddress(request), response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    private final class AtServiceAddress extends HttpServletRequestWrapper {

        AtServiceAddress(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getScheme() {
            return address.scheme();
        }

        @Override
        public boolean isSecure() {
            return address.secure();
        }

        @Override
        public String getServerName() {
            return address.host();
        }

        @Override
        public int getServerPort() {
            return address.port();
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(address.origin()).append(getRequestURI());
        }

        @Override
        public String getHeader(String name) {
            return "host".equalsIgnoreCase(name) ? address.authority() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "host".equalsIgnoreCase(name) ? Collections.enumeration(List.of(address.authority()))
                    : super.getHeaders(name);
        }
    }

    /** The filter before every other, Spring Security's included, for every kind of dispatch. */
    @Configuration
    static class Registration {
        @Bean
        FilterRegistrationBean<ServiceAddressFilter> serviceAddressFilter(ServiceAddress address) {
            var registration = new FilterRegistrationBean<>(new ServiceAddressFilter(address));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
            return registration;
        }
    }
}
