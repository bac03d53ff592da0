package uk.nhs.strategycheck.strategydocument.analysis;

/**
 * A file the analyser will not read, with a message for the person who uploaded it. Thrown
 * before anything is analysed, so nothing is stored for it.
 */
public class DocumentRejected extends Exception {

    public enum Reason {
        EMPTY, TOO_LARGE, UNSUPPORTED_TYPE, ENCRYPTED, NO_TEXT_LAYER, TOO_COMPLEX, TOO_SLOW, NOT_A_STRATEGY, UNREADABLE
    }

    private final Reason reason;

    public DocumentRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DocumentRejected(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
