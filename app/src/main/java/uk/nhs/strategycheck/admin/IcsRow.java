package uk.nhs.strategycheck.admin;

/**
 * An ICS as admins see it; links names its predecessors and successors, for example
 * "Succeeded by Essex (D7T5G) from 1 April 2026", or is empty.
 */
public record IcsRow(long id, String odsCode, String name, String shortName, String regionName, int trusts,
                     java.time.LocalDate closedOn, String links) {
}
