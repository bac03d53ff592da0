package uk.nhs.strategycheck.strategydocument;

import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis;

/** A document's facts in plain words, the same on screen, in CSV and in the PDFs. */
public final class DocumentFacts {

    public static final String NOT_STATED = "Not stated";

    private DocumentFacts() {
    }

    /** "2024 to 2027 (3 years)", or "Not stated". */
    public static String period(DocumentAnalysis analysis) {
        var horizon = analysis.horizon();
        if (horizon == null) {
            return NOT_STATED;
        }
        return horizon.from() + " to " + horizon.to() + " (" + horizon.years() + (horizon.years() == 1 ? " year)" : " years)");
    }

    /** The document's own words on its review, or "Not stated". */
    public static String review(DocumentAnalysis analysis) {
        return analysis.reviewCadence() == null ? NOT_STATED : analysis.reviewCadence().quote();
    }

    /** Who signs the foreword, in words. */
    public static String signatory(DocumentAnalysis analysis) {
        var foreword = analysis.foreword();
        return switch (foreword == null ? DocumentAnalysis.SignatoryRole.UNKNOWN : foreword.signatoryRole()) {
            case CHIEF_EXECUTIVE -> "Chief executive";
            case CHAIR -> "Chair";
            case BOARD -> "The board";
            case DIGITAL_LEAD -> "Chief digital or information officer";
            case OTHER -> "Someone else";
            case UNKNOWN -> "Not found";
        };
    }

    /** "Good sign" or "Bad sign": the sign in words, never by colour alone. */
    public static String sign(DocumentAnalysis.Signal signal) {
        return signal.sign() == DocumentAnalysis.Sign.GOOD ? "Good sign" : "Bad sign";
    }
}
