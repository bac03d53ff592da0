package uk.nhs.strategycheck.assessment;

import java.time.Instant;
import java.util.List;

/** A statement's answer as stored: score (null until answered), evidence, links, and who changed it last. */
public record Answer(long statementId, Integer score, String evidence, List<String> links, int version,
                     Instant updatedAt, String updatedByName) {
}
