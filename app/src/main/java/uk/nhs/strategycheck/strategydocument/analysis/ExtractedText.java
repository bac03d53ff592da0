package uk.nhs.strategycheck.strategydocument.analysis;

import java.util.List;

/** A document's text as read from the file: its detected media type and the text of each page. */
record ExtractedText(String mediaType, List<String> pages) {
}
