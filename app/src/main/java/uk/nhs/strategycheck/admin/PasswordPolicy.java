package uk.nhs.strategycheck.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The password policy, in the NCSC's spirit: long rather than complicated. At least 12
 * characters; any letters, numbers, spaces and symbols; not the user's email address; not a
 * commonly used password.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;

    /** The policy as the activation page and the invitation email state it. */
    public static final List<String> RULES = List.of(
            "at least " + MIN_LENGTH + " characters long (and at most " + MAX_LENGTH + ")",
            "not your email address",
            "not a commonly used password, such as password1234");

    public static final String ALLOWED = "Letters, numbers, spaces and symbols are all allowed, and there is no need "
            + "to mix them: three random words, such as \"kettle orbit lantern\", make a strong password that is "
            + "easy to remember.";

    // Bcrypt reads at most 72 bytes.
    private static final int MAX_BYTES = 72;

    // Lower case, spaces removed. Only those long enough to pass the length rule need listing.
    private static final Set<String> COMMON = Set.of(
            "password1234", "password12345", "password123456", "passw0rd1234", "p@ssw0rd1234", "password1234!",
            "123456789012", "1234567890123", "12345678901234", "123456789000", "098765432109",
            "qwertyuiopas", "qwertyuiop12", "qwerty123456", "1q2w3e4r5t6y", "qwertyqwerty", "asdfghjkl123",
            "iloveyou1234", "letmein12345", "welcome12345", "welcome123456", "changeme1234", "administrator",
            "abcdefghijkl", "abc123456789", "abcd12345678", "trustno1trustno1", "football1234", "monkey123456",
            "sunshine1234", "princess1234", "dragon123456", "baseball1234", "superman1234", "mypassword12",
            "nhspassword1", "nhspassword123", "nhspassword1234", "digitalstrategy", "digitalstrategycheck",
            "strategycheck", "correcthorsebatterystaple", "demo-2026-strategy");

    private PasswordPolicy() {
    }

    /** What is wrong with the password, or nothing when it meets the policy. */
    public static Optional<String> problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Your password is " + length + (length == 1 ? " character" : " characters")
                    + " long. Use at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Your password is " + length + " characters long. Use " + MAX_LENGTH
                    + " characters or fewer.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("Your password is too long to store: accented letters and symbols count as more than "
                    + "one character. Use a shorter one.");
        }
        var plain = password.strip().toLowerCase(Locale.UK);
        if (email != null) {
            var address = email.strip().toLowerCase(Locale.UK);
            var name = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
            if (plain.equals(address) || plain.equals(name)) {
                return Optional.of("Your password must not be your email address.");
            }
        }
        var squeezed = plain.replace(" ", "");
        if (COMMON.contains(squeezed) || squeezed.chars().distinct().count() == 1) {
            return Optional.of("That is a commonly used password, so it is easy to guess. Choose another, "
                    + "such as three random words.");
        }
        return Optional.empty();
    }
}
