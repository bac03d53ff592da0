package uk.nhs.strategycheck.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.nimbusds.jose.JWSAlgorithm;
import io.micrometer.core.instrument.MeterRegistry;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import uk.nhs.strategycheck.MockIdentityProvider;
import uk.nhs.strategycheck.SignIn;
import uk.nhs.strategycheck.admin.InvitationDraft;
import uk.nhs.strategycheck.admin.InvitationMail;
import uk.nhs.strategycheck.admin.ManagedUser;
import uk.nhs.strategycheck.admin.UserAdminService;
import uk.nhs.strategycheck.admin.UserStatus;
import uk.nhs.strategycheck.tenancy.Role;
import uk.nhs.strategycheck.TestDatabase;

/**
 * Sign-in with an OpenID Connect provider, end to end: Chromium, the service, and a real
 * provider (mock-oauth2-server) talking HTTP to each other, with password sign-in off and the
 * service authenticating to the provider with a signed client assertion (private_key_jwt).
 * Every person here is a test user of their own, so a second run finds nothing already linked.
 */
@ContextConfiguration(initializers = MockIdentityProvider.class)
@TestPropertySource(properties = "spring.liquibase.drop-first=false")
class IdentityProviderSignInTest extends BrowserTest {

    @Autowired
    TestDatabase database;
    @Autowired
    SignIn signIn;
    @Autowired
    UserAdminService users;
    @Autowired
    GreenMail mail;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    @Override
    protected boolean reusesSessions() {
        return false;
    }

    @BeforeEach
    void forgetEarlierRequests() {
        MockIdentityProvider.receivedRequests();
    }

    @Test
    void anInvitedUserIsLinkedByVerifiedEmailAtFirstSignInAndBySubjectFromThenOn() throws Exception {
        var email = "cis2." + UUID.randomUUID() + "@nhs.example";
        database.trustUser(email, "Asha Cis", "TRUST_VIEWER", "RJ1");
        var subject = "5557" + (System.nanoTime() % 100_000_000L);

        MockIdentityProvider.nextSignIn(subject, Map.of("email", email, "email_verified", true, "name", "Asha Cis"));
        signInWithTheProvider();

        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out").setExact(true))).isVisible();
        assertThat(page.getByText("Asha Cis").first()).isVisible();
        var linked = database.owner().queryForMap(
                "select identity_issuer, identity_subject, identity_linked_at from app_user where email = ?", email);
        assertThat(linked.get("identity_subject")).isEqualTo(subject);
        assertThat(linked.get("identity_issuer")).isEqualTo(MockIdentityProvider.server().issuerUrl(MockIdentityProvider.ISSUER_ID).toString());
        assertThat(linked.get("identity_linked_at")).isNotNull();
        assertThat(database.owner().queryForList("""
                select action from audit_event where entity_type = 'app_user'
                   and entity_id = (select id::text from app_user where email = ?) order by id""", String.class, email))
                .containsSubsequence("IDENTITY_LINKED", "SIGNED_IN");

        // The service proved who it is with a client assertion signed by its key, not a secret.
        var tokenRequest = MockIdentityProvider.receivedRequests().stream()
                .filter(request -> request.getPath().endsWith("/token")).findFirst().orElseThrow();
        var form = formOf(tokenRequest);
        assertThat(form).containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .doesNotContainKey("client_secret");
        var assertion = SignedJWT.parse(form.get("client_assertion"));
        assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS512);
        assertThat(assertion.getHeader().getKeyID()).isEqualTo(MockIdentityProvider.KEY_ID);
        assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) MockIdentityProvider.clientKey().getPublic()))).isTrue();
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(MockIdentityProvider.CLIENT_ID);

        // Signing out ends the provider's session too, and comes back to the sign-in page.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with " + MockIdentityProvider.NAME)))
                .isVisible();
        var endSession = MockIdentityProvider.receivedRequests().stream()
                .filter(request -> request.getPath().contains("/endsession")).findFirst().orElseThrow();
        var endSessionQuery = endSession.getRequestUrl();
        assertThat(endSessionQuery.queryParameter("id_token_hint")).isNotBlank();
        assertThat(endSessionQuery.queryParameter("post_logout_redirect_uri")).isEqualTo("http://localhost:" + port + "/login");
        open("trust");
        assertThat(page).hasURL(url("login"));

        // Later sign-ins go by the subject alone, whatever e-mail address the provider now has.
        MockIdentityProvider.nextSignIn(subject, Map.of("email", "asha.new." + UUID.randomUUID() + "@nhs.example",
                "email_verified", true));
        signInWithTheProvider();
        assertThat(page.getByText("Asha Cis").first()).isVisible();
        assertThat(database.owner().queryForObject("select identity_subject from app_user where email = ?", String.class,
                email)).isEqualTo(subject);
    }

    @Test
    void whereThereAreNoPasswordsAnInvitationSaysToSignInWithTheProviderAndTheFirstSignInSetsUpTheAccount() {
        var email = "invited.cis2." + UUID.randomUUID() + "@nhs.example";
        signIn.as("region.admin@demo.example");
        ManagedUser invited;
        try {
            var croydon = users.organisationsFor(Role.TRUST_VIEWER).stream()
                    .filter(trust -> "RJ6".equals(trust.odsCode())).findFirst().orElseThrow();
            invited = users.invite(new InvitationDraft(email, "Ivy Invited", Role.TRUST_VIEWER, croydon));
        } finally {
            signIn.out();
        }
        var body = GreenMailUtil.getBody(InvitationMail.newestTo(mail, email)).replace("=\r\n", "");
        assertThat(body).contains("There is no password to set", "sign in with your " + MockIdentityProvider.NAME,
                "http://localhost:" + port + "/login", email).doesNotContain("/activate/");
        assertThat(invited.status()).isEqualTo(UserStatus.INVITED);

        MockIdentityProvider.nextSignIn("invited-" + UUID.randomUUID(), Map.of("email", email, "email_verified", true));
        signInWithTheProvider();

        assertThat(page.getByText("Ivy Invited").first()).isVisible();
        signIn.as("region.admin@demo.example");
        try {
            assertThat(users.user(invited.id()).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);
        } finally {
            signIn.out();
        }
    }

    @Test
    void aPersonWithNoInvitationIsRefusedAndNoAccountIsMade() {
        var email = "uninvited." + UUID.randomUUID() + "@nhs.example";
        MockIdentityProvider.nextSignIn("uninvited-" + UUID.randomUUID(), Map.of("email", email, "email_verified", true));
        var refusals = meters.counter("dsc.sign.ins", "method", "identity", "outcome", "not_invited");
        var refusedBefore = refusals.count();

        signInWithTheProvider();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("There is no account for you yet");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).hasCount(0);
        assertThat(database.owner().queryForObject("select count(*) from app_user where email = ?", Long.class, email))
                .isZero();
        assertThat(refusals.count()).as("sign-ins by outcome, for operations").isEqualTo(refusedBefore + 1);
        assertNoAccessibilityViolations();
    }

    @Test
    void anInvitedUserWhoseEmailTheProviderHasNotVerifiedIsRefusedAndNotLinked() throws Exception {
        var email = "unverified." + UUID.randomUUID() + "@nhs.example";
        database.trustUser(email, "Ben Unverified", "TRUST_VIEWER", "RJ1");
        MockIdentityProvider.nextSignIn("unverified-" + UUID.randomUUID(), Map.of("email", email, "email_verified", false));

        signInWithTheProvider();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("no verified email address");
        assertThat(database.owner().queryForObject("select identity_subject from app_user where email = ?", String.class,
                email)).isNull();
    }

    @Test
    void withPasswordSignInOffThereIsNoPasswordFieldAndAPostedPasswordSignsNobodyIn() throws Exception {
        open("login");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Sign in");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with " + MockIdentityProvider.NAME)))
                .isVisible();
        assertThat(page.locator("input[name='password']")).hasCount(0);
        assertNoAccessibilityViolations();

        // The demo editor's right password, posted as the login form would.
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var response = client.send(HttpRequest.newBuilder(URI.create(url("login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://localhost:" + port)
                .POST(HttpRequest.BodyPublishers.ofString("username=editor%40demo.example&password=" + DEMO_PASSWORD))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().contains("/login?error");
    }

    private void signInWithTheProvider() {
        open("login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with " + MockIdentityProvider.NAME)).click();
        // Back from the provider: at the service, past its redirect address, not the page we left.
        page.waitForURL(address -> address.startsWith(url("")) && !address.contains("/login/oauth2/")
                && !address.equals(url("login")));
    }

    private static Map<String, String> formOf(RecordedRequest request) {
        return Arrays.stream(request.getBody().readUtf8().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    }
}
