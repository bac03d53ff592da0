package uk.nhs.strategycheck.reporting;

import java.util.List;

/** One member trust's strategy document in the board pack's comparison page. uploaded=false: the other fields are null/empty. */
public record StrategyDocumentRow(String trustName, String odsCode, boolean uploaded, String period,
                                  String reviewCadence /* "Stated" wording shortened, or null */, Integer priorities, Integer targets,
                                  Integer exclusions, String signatory,
                                  List<String> gaps /* e.g. "Leadership: own 4.5, document 2" where the trust's own score is 2 or more above its document's */) {
}
