package uk.nhs.strategycheck.security;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import uk.nhs.strategycheck.shared.ServiceAddress;

/** The OpenID Connect provider, when one is configured (dsc.sign-in.identity-provider.issuer). */
@Configuration
@EnableConfigurationProperties(SignInSettings.class)
public class IdentityProviderConfiguration {

    @Configuration
    @ConditionalOnExpression("'${dsc.sign-in.identity-provider.issuer:}' != ''")
    static class Provider {

        /**
         * The provider's endpoints come from its discovery document, read once at start-up. The
         * redirect address is built from the service's own address, never from a request.
         */
        @Bean
        ClientRegistrationRepository clientRegistrationRepository(SignInSettings settings, ServiceAddress address) {
            var provider = settings.identityProvider();
            var registration = ClientRegistrations.fromIssuerLocation(provider.issuer())
                    .registrationId(SignInSettings.REGISTRATION_ID)
                    .clientName(provider.displayName())
                    .clientId(provider.clientId())
                    .clientSecret(provider.signsClientAssertions() ? null : provider.clientSecret())
                    .clientAuthenticationMethod(provider.signsClientAssertions()
                            ? ClientAuthenticationMethod.PRIVATE_KEY_JWT : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .scope(provider.scopes())
                    .redirectUri(address.link("/login/oauth2/code/" + SignInSettings.REGISTRATION_ID))
                    .build();
            return new InMemoryClientRegistrationRepository(registration);
        }

        /**
         * Exchanges the authorisation code for tokens; with a private key, the service proves who it
         * is by a client assertion signed with RS512 (CIS2 accepts no other) instead of a secret.
         */
        @Bean
        OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> identityProviderTokenClient(
                SignInSettings settings) {
            var client = new RestClientAuthorizationCodeTokenResponseClient();
            var provider = settings.identityProvider();
            if (provider.signsClientAssertions()) {
                var key = signingKey(Path.of(provider.privateKeyFile()), provider.keyId());
                var assertions = new NimbusJwtClientAuthenticationParametersConverter<OAuth2AuthorizationCodeGrantRequest>(
                        registration -> registration.getClientAuthenticationMethod()
                                .equals(ClientAuthenticationMethod.PRIVATE_KEY_JWT) ? key : null);
                assertions.setJwtClientAssertionCustomizer(context -> context.getHeaders().algorithm(SignatureAlgorithm.RS512));
                client.addParametersConverter(assertions);
            }
            return client;
        }
    }

    /** The RSA key pair of a PKCS #8 PEM private key: the public half is derived from the private one. */
    static RSAKey signingKey(Path pemFile, String keyId) {
        try {
            var pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
            if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IllegalStateException("The identity provider key " + pemFile
                        + " is not a PKCS #8 PEM private key (-----BEGIN PRIVATE KEY-----); convert it with "
                        + "openssl pkcs8 -topk8 -nocrypt");
            }
            var der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            var factory = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der));
            var publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(keyId).build();
        } catch (IOException | GeneralSecurityException | ClassCastException unreadable) {
            throw new IllegalStateException("The identity provider key " + pemFile + " cannot be read as an RSA "
                    + "private key", unreadable);
        }
    }
}
