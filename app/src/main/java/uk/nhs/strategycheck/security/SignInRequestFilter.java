package uk.nhs.strategycheck.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.nhs.strategycheck.shared.PlainText;
import uk.nhs.strategycheck.shared.ServiceAddress;

/**
 * Guards the sign-in endpoint before Spring Security reads it. Vaadin's login form cannot carry
 * a CSRF token, so a sign-in must come from a page of this service: its Origin header (or, where
 * a browser sends none, its Referer) must be the service's configured address; browsers send
 * Origin with every POST, so a request with neither is refused too. Otherwise another site could
 * sign a visitor in to an account of its choosing (login CSRF). An e-mail address with a hidden
 * character (PlainText) is refused as a failed sign-in before it reaches the database.
 */
public class SignInRequestFilter extends OncePerRequestFilter {

    /** The query the sign-in page is shown with after an e-mail address with a hidden character. */
    public static final String HIDDEN_CHARACTER = "characters";

    private static final Logger LOG = LoggerFactory.getLogger(SignInRequestFilter.class);

    private final ServiceAddress address;
    private final String signInPath;
    private final RequestMatcher signIn;

    /** For the sign-in form posted to the path, such as "/login". */
    public SignInRequestFilter(ServiceAddress address, String signInPath) {
        this.address = address;
        this.signInPath = signInPath;
        this.signIn = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, signInPath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!signIn.matches(request)) {
            chain.doFilter(request, response);
        } else if (!fromThisService(request)) {
            LOG.warn("Sign-in refused: it came from {} rather than {}", sentFrom(request), address.origin());
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(("Sign-in refused: it did not come from Digital Strategy Check's own "
                    + "sign-in page. Open " + address.link(signInPath) + " and sign in there.")
                    .getBytes(StandardCharsets.UTF_8));
        } else if (PlainText.problemInLine("The e-mail address", request.getParameter("username")).isPresent()) {
            response.sendRedirect(request.getContextPath() + signInPath + "?error=" + HIDDEN_CHARACTER);
        } else {
            chain.doFilter(request, response);
        }
    }

    private boolean fromThisService(HttpServletRequest request) {
        var origin = request.getHeader("Origin");
        if (origin != null) {
            return address.isOwn(origin);
        }
        var referer = request.getHeader("Referer");
        return referer != null && address.isOwn(referer);
    }

    /** Where the request says it came from, for the log: never more than an address's length, on one line. */
    private static String sentFrom(HttpServletRequest request) {
        var origin = request.getHeader("Origin") != null ? request.getHeader("Origin") : request.getHeader("Referer");
        if (origin == null) {
            return "nowhere (no Origin or Referer header)";
        }
        var shown = origin.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 200 ? shown.substring(0, 200) + "..." : shown;
    }
}
