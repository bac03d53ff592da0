package uk.nhs.strategycheck.admin;

import java.time.LocalDate;
import java.util.List;

/**
 * One line of a change file, checked: what it would do, whether the service already shows it
 * (a file can be loaded again safely), and what is wrong with it.
 */
public record ChangeFileRow(int line, LocalDate effectiveOn, String change, String odsCode, String name,
                            String description, boolean alreadyApplied, List<String> errors) {
}
