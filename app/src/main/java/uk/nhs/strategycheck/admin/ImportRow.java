package uk.nhs.strategycheck.admin;

import java.util.List;

/** One row of an import file as read, and what is wrong with it (nothing, if errors is empty). */
public record ImportRow(int line, String odsCode, String name, String trustType, String organisationForm,
                        String icbOdsCode, String postcode, List<String> errors) {
}
