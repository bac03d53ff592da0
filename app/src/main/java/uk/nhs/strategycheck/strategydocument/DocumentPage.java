package uk.nhs.strategycheck.strategydocument;

import java.util.List;
import java.util.Optional;
import uk.nhs.strategycheck.strategydocument.analysis.DocumentAnalysis;

/**
 * The "Strategy document" page of a trust's cycle: the current document and what it shows,
 * per characteristic beside the trust's own scores, and the earlier versions kept.
 * readOnlyReason says why no upload is possible now (null when it is).
 */
public record DocumentPage(String trustName, String cycleName, long assessmentId, boolean canUpload,
                           String readOnlyReason, boolean approver, Optional<StoredDocument> current,
                           Optional<DocumentAnalysis> analysis, List<CharacteristicReading> characteristics,
                           List<StoredDocument> earlier) {

    /** The characteristics where the trust's own score is two or more points above its document's. */
    public List<CharacteristicReading> gaps() {
        return characteristics.stream().filter(CharacteristicReading::ownScoreWellAbove).toList();
    }
}
