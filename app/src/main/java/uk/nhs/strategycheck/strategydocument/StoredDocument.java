package uk.nhs.strategycheck.strategydocument;

import java.time.Instant;

/** A strategy document as stored for a trust's cycle: the file, and who uploaded it when. */
public record StoredDocument(long id, String fileName, String mediaType, int sizeBytes, int pages, int words,
                             Instant uploadedAt, String uploadedByName) {
}
