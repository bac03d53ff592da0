package uk.nhs.strategycheck.strategydocument.analysis;

/**
 * One sentence, heading or list item of a document, as the analyser matches it.
 *
 * @param text      verbatim, whitespace normalised: what a quote is taken from
 * @param plain     the same text with quotations of other people's words blanked out, so that a
 *                  stakeholder's or a national policy's words are not read as the trust's own
 * @param page      1-based page
 * @param paragraph the paragraph's number in the document, counted from 0
 * @param heading   a short line standing alone, without closing punctuation
 * @param listItem  starts with a bullet, a number or a label such as "Priority 2"
 * @param section   the heading it falls under, lower case ("" before the first heading)
 */
record Sentence(String text, String plain, int page, int paragraph, boolean heading, boolean listItem,
                String section) {
}
