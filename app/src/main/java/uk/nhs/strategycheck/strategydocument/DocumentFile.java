package uk.nhs.strategycheck.strategydocument;

/** A stored strategy document's file, for a download. */
public record DocumentFile(String fileName, String mediaType, byte[] content, long trustId) {
}
