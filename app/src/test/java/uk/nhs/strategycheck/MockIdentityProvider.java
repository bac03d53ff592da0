package uk.nhs.strategycheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real OpenID Connect provider in the test JVM (mock-oauth2-server, over HTTP on a free port),
 * configured as the service's provider with private-key JWT client authentication, as CIS2 wants,
 * and password sign-in off. Started once, for every context that uses this initializer.
 */
public class MockIdentityProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ISSUER_ID = "cis2";
    public static final String CLIENT_ID = "digital-strategy-check";
    public static final String KEY_ID = "strategy-check-test-key";
    public static final String NAME = "NHS CIS2 (test)";

    private static MockOAuth2Server server;
    private static KeyPair clientKey;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var provider = server();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("mock identity provider", Map.of(
                "dsc.sign-in.password", "false",
                "dsc.sign-in.identity-provider.issuer", provider.issuerUrl(ISSUER_ID).toString(),
                "dsc.sign-in.identity-provider.client-id", CLIENT_ID,
                "dsc.sign-in.identity-provider.private-key-file", privateKeyFile(),
                "dsc.sign-in.identity-provider.key-id", KEY_ID,
                "dsc.sign-in.identity-provider.name", NAME)));
    }

    public static synchronized MockOAuth2Server server() {
        if (server == null) {
            server = new MockOAuth2Server();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        }
        return server;
    }

    /** The key pair whose private half signs the service's client assertions. */
    public static synchronized KeyPair clientKey() {
        if (clientKey == null) {
            try {
                var generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                clientKey = generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return clientKey;
    }

    private static String privateKeyFile() {
        try {
            var file = Files.createTempFile("strategy-check-client-key", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(clientKey().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The provider's next sign-in is of this person (subject), with these claims in their tokens. */
    public static void nextSignIn(String subject, Map<String, Object> claims) {
        server().enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, claims, 3600));
    }

    /** The requests the provider has received since the last call, oldest first. */
    public static List<RecordedRequest> receivedRequests() {
        var received = new ArrayList<RecordedRequest>();
        while (true) {
            RecordedRequest request;
            try {
                request = server().takeRequest(50, TimeUnit.MILLISECONDS);
            } catch (RuntimeException none) {
                // mock-oauth2-server says so when no request came in time
                return received;
            }
            if (request == null) {
                return received;
            }
            received.add(request);
        }
    }
}
