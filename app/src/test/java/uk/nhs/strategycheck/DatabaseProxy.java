package uk.nhs.strategycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A TCP proxy between the application and PostgreSQL, so a test can take the database away from
 * the application and give it back ({@link #stop}, {@link #start}) without stopping the server,
 * which other tests and people use. One for the test run, always on the same local port.
 */
public final class DatabaseProxy {

    private static DatabaseProxy running;

    private final InetSocketAddress target;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private int port;

    private DatabaseProxy(InetSocketAddress target) {
        this.target = target;
    }

    /** The proxy the application's datasource goes through. */
    public static synchronized DatabaseProxy running() {
        if (running == null) {
            throw new IllegalStateException("No application has been started through the proxy (@OperationsTest)");
        }
        return running;
    }

    /** Another proxy, listening on a free local port, in front of a server other than the application's primary. */
    public static DatabaseProxy startedInFrontOf(InetSocketAddress target) throws IOException {
        var proxy = new DatabaseProxy(target);
        proxy.start();
        return proxy;
    }

    public int port() {
        return port;
    }

    /** Accepts connections again, on the same port. */
    public synchronized void start() throws IOException {
        var socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = socket.getLocalPort();
        listener = socket;
        daemon("database proxy " + port, () -> accept(socket));
    }

    /** Stops listening and cuts every connection, as when the database server goes away. */
    public synchronized void stop() throws IOException {
        listener.close();
        cutEveryConnection();
    }

    /**
     * Cuts every open connection but goes on accepting new ones, as a switchover does: the old
     * leader closes its sessions and the new one takes connections at once.
     */
    public synchronized void cutEveryConnection() throws IOException {
        for (var connection : connections) {
            connection.close();
        }
        connections.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                var client = socket.accept();
                connections.add(client);
                var server = new Socket(target.getAddress(), target.getPort());
                connections.add(server);
                // Forward each message at once, as a direct connection would (Nagle's delay costs ~40 ms a round trip).
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                daemon("database proxy up", () -> pump(client, server));
                daemon("database proxy down", () -> pump(server, client));
            } catch (IOException closed) {
                // The listener was closed (stop), or the database refused and stop() will close the client.
            }
        }
    }

    private void pump(Socket from, Socket to) {
        try (from; to) {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException cut) {
            // Either side went away; closing both tells the other.
        } finally {
            connections.remove(from);
            connections.remove(to);
        }
    }

    private static void daemon(String name, Runnable work) {
        var thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Points the application's datasource (and so Liquibase) at the proxy, started in front of the configured server. */
    static final class Between implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static final Pattern POSTGRESQL_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(.+)");

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            var environment = context.getEnvironment();
            var url = POSTGRESQL_URL.matcher(environment.getRequiredProperty("spring.datasource.url"));
            if (!url.matches()) {
                throw new IllegalStateException("Not a PostgreSQL address: " + url);
            }
            var proxy = startFor(new InetSocketAddress(url.group(1), Integer.parseInt(url.group(2))));
            environment.getPropertySources().addFirst(new MapPropertySource("database through a proxy", Map.of(
                    "spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + url.group(3))));
        }

        private static synchronized DatabaseProxy startFor(InetSocketAddress target) {
            if (running == null) {
                var proxy = new DatabaseProxy(target);
                try {
                    proxy.start();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                running = proxy;
            }
            return running;
        }
    }
}
