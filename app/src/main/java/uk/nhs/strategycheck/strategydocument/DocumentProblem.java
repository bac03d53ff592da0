package uk.nhs.strategycheck.strategydocument;

/** Why a strategy document was not stored, in words for the person who uploaded it. Nothing was stored. */
public class DocumentProblem extends RuntimeException {

    public DocumentProblem(String message) {
        super(message);
    }

    /** Someone else stored a newer document while this one was being checked. */
    public static class Superseded extends DocumentProblem {

        public Superseded(String message) {
            super(message);
        }
    }
}
