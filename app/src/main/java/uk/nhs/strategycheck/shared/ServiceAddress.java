package uk.nhs.strategycheck.shared;

import java.net.URI;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address users reach the service at (DSC_BASE_URL), for example
 * https://strategy-check.nhs.uk. Links in e-mails, redirects and the sign-in origin check are
 * built from it, never from a request's Host header, which whoever sends the request chooses.
 */
@Component
public class ServiceAddress {

    private final String scheme;
    private final String host;
    private final int port;

    ServiceAddress(@Value("${dsc.mail.base-url}") String baseUrl) {
        var uri = URI.create(baseUrl.strip());
        this.scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("DSC_BASE_URL must be the service's address: http or https, a host, "
                    + "optionally a port, and nothing after it, for example https://strategy-check.nhs.uk (not "
                    + baseUrl + ")");
        }
        this.host = uri.getHost().toLowerCase(Locale.ROOT);
        this.port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
    }

    public String scheme() {
        return scheme;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public boolean secure() {
        return scheme.equals("https");
    }

    /** Host and (unless it is the scheme's default) port, as in a Host header. */
    public String authority() {
        return host + (port == defaultPort(scheme) ? "" : ":" + port);
    }

    /** Scheme, host and (unless it is the scheme's default) port, as browsers send it in an Origin header. */
    public String origin() {
        return scheme + "://" + authority();
    }

    /** The absolute address of a path of the service, such as "/activate/abc". */
    public String link(String path) {
        return origin() + (path.startsWith("/") ? path : "/" + path);
    }

    /** Whether an absolute address (an Origin or Referer header) is on this service: same scheme, host and port. */
    public boolean isOwn(String address) {
        try {
            var uri = URI.create(address.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false;
            }
            var otherScheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return otherScheme.equals(scheme) && uri.getHost().toLowerCase(Locale.ROOT).equals(host)
                    && (uri.getPort() == -1 ? defaultPort(otherScheme) : uri.getPort()) == port;
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }
}
