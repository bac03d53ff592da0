package uk.nhs.strategycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the service in the tests on a free port, decided before it starts, and makes
 * http://localhost on that port its configured address (DSC_BASE_URL): the address the tests and
 * their browser use, as users use the configured address in production.
 */
class ServiceAddressOnFreePort implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int port = freePort();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("service address on a free port",
                Map.of("server.port", port, "dsc.mail.base-url", "http://localhost:" + port)));
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
