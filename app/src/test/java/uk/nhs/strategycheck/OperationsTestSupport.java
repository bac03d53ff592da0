package uk.nhs.strategycheck;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/** For the operations tests only: a page that writes a log line, to see what the line says about its request. */
@TestConfiguration(proxyBeanMethods = false)
public class OperationsTestSupport {

    /** The path of the page; like every page, for signed-in users only. */
    public static final String LOGGING_PAGE = "/operations-test/log-line";

    private static final Logger LOG = LoggerFactory.getLogger(OperationsTestSupport.class);

    @Bean
    RouterFunction<ServerResponse> loggingPage() {
        return RouterFunctions.route().GET(LOGGING_PAGE, request -> {
            LOG.info("A line written while handling a signed-in request");
            return ServerResponse.ok().body("logged");
        }).build();
    }
}
