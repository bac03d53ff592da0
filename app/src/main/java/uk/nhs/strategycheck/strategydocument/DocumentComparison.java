package uk.nhs.strategycheck.strategydocument;

import java.util.List;
import java.util.Optional;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis;

/** An ICS's member trusts' strategy documents in a cycle, side by side. */
public record DocumentComparison(String icsName, String cycleName, List<String> cycleNames, List<Row> trusts) {

    /** A member trust and its current document in the cycle, if it uploaded one. */
    public record Row(String trustName, String odsCode, Optional<StoredDocument> document,
                      Optional<DocumentAnalysis> analysis, List<CharacteristicReading> gaps) {
    }
}
