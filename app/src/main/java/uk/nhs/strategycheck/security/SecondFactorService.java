package uk.nhs.strategycheck.security;

import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Service;

/**
 * The second factor of region and national admins: a six-digit code from an authenticator app
 * (TOTP). This service makes the secret and its QR code at enrolment; the database checks every
 * code and, when it is right, lets the sign-in token grant the user's scopes.
 */
@Service
public class SecondFactorService {

    public enum Step { ENROL, CODE }

    /** A new secret, as text to type and as a QR code (a PNG image) to scan. */
    public record Enrolment(String secret, byte[] qrCodePng) {
    }

    private static final String ISSUER = "Digital Strategy Check";

    private final SignInRepository accounts;
    private final AccountService signIn;
    private final CurrentUser currentUser;

    SecondFactorService(SignInRepository accounts, AccountService signIn, CurrentUser currentUser) {
        this.accounts = accounts;
        this.signIn = signIn;
        this.currentUser = currentUser;
    }

    /** What the user must do next, or empty when they are not waiting for a second factor. */
    public Optional<Step> nextStep(SignedInUser user) {
        return user.awaitingSecondFactor() ? accounts.secondFactorNeeded(user.scopeToken()).map(Step::valueOf)
                : Optional.empty();
    }

    public Enrolment newEnrolment(SignedInUser user) {
        // 32 base32 characters: a 160-bit key, as RFC 4226 recommends for HMAC-SHA1.
        var secret = new DefaultSecretGenerator(32).generate();
        var data = new QrData.Builder().label(user.email()).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(30).build();
        try {
            return new Enrolment(secret, new ZxingPngQrGenerator().generate(data));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("The QR code could not be made", e);
        }
    }

    /**
     * Checks the code (with the new secret when enrolling). Right: the signed-in user with their
     * roles. Wrong: empty; after five wrong codes the sign-in ends and the user starts again.
     */
    public Optional<SignedInUser> pass(SignedInUser user, String code, String newSecret) {
        var digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!digits.matches("\\d{6}") || !accounts.passSecondFactor(user.scopeToken(), digits, newSecret)) {
            return Optional.empty();
        }
        var signedIn = signIn.signedIn(user.scopeToken());
        return Optional.of(user.identityToken().map(signedIn::signedInWith).orElse(signedIn));
    }

    /** Right code: the security context of the signed-in user, for the caller to keep in the session. */
    public Optional<SecurityContext> passAndSignIn(SignedInUser user, String code, String newSecret) {
        return pass(user, code, newSecret).map(currentUser::become);
    }
}
