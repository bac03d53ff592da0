package uk.nhs.strategycheck.shared;

import java.util.Optional;

/**
 * Text as people type it, checked at the edge of every input: form fields, the sign-in e-mail
 * address and imported files. Refused: NUL (which PostgreSQL cannot store) and the other control
 * characters, except that text of several lines may hold tabs and line breaks; DEL; and the
 * bidirectional embedding, override and isolate characters, which make text display in another
 * order than it is stored in ("Trojan Source"). Each is invisible, so the message says where it is.
 */
public final class PlainText {

    private PlainText() {
    }

    /**
     * What is wrong with one line of text, such as a name or an e-mail address, or nothing. The
     * subject starts the message, for example "The name".
     */
    public static Optional<String> problemInLine(String subject, String text) {
        return problem(subject, text, false);
    }

    /** What is wrong with text of several lines, such as an evidence note, or nothing. */
    public static Optional<String> problemInText(String subject, String text) {
        return problem(subject, text, true);
    }

    private static Optional<String> problem(String subject, String text, boolean severalLines) {
        if (text == null) {
            return Optional.empty();
        }
        int position = 1;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i)), position++) {
            if (refused(text.codePointAt(i), severalLines)) {
                return Optional.of(subject + " has a hidden character at position " + position + " that cannot be "
                        + "used (a control character or one that changes the direction of text). Remove it.");
            }
        }
        return Optional.empty();
    }

    private static boolean refused(int c, boolean severalLines) {
        if (severalLines && (c == '\t' || c == '\n' || c == '\r')) {
            return false;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
