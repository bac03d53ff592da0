package uk.nhs.strategycheck.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, in the MDC as {@code request.id} for every log line written while
 * handling it and in the {@code X-Request-Id} response header: the caller's own {@code X-Request-Id}
 * (a proxy's or load balancer's, so one id follows the request through them all) when it is a plain
 * token, otherwise a new random one, so nothing a caller sends can forge or break a log line.
 */
class RequestIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String REQUEST_ID = "request.id";
    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var sent = request.getHeader(HEADER);
        var id = sent != null && PLAIN_TOKEN.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        response.setHeader(HEADER, id);
        MDC.put(REQUEST_ID, id);
        try {
            chain.doFilter(request, response);
        } finally {
            // Tomcat's threads serve one request after another: nothing may carry over to the next.
            MDC.clear();
        }
    }
}
