package uk.nhs.strategycheck.admin;

import java.util.List;

/**
 * One step of a change. Organisations are named by ODS code: a step may name one that the
 * same change opens. Fields a step's action does not use are null.
 */
public record ChangeStep(ChangeAction action, String odsCode, String name, String shortName, String regionCode,
                         String toIcsCode, List<String> successorCodes, String linkKind, String trustType,
                         String organisationForm, String note) {

    public ChangeStep {
        successorCodes = successorCodes == null ? List.of() : List.copyOf(successorCodes);
    }

    static ChangeStep openIcs(String code, String name, String shortName, String regionCode) {
        return new ChangeStep(ChangeAction.OPEN_ICS, code, name, shortName, regionCode, null, null, null, null, null, null);
    }

    static ChangeStep closeIcs(String code, List<String> successors, String linkKind) {
        return new ChangeStep(ChangeAction.CLOSE_ICS, code, null, null, null, null, successors, linkKind, null, null, null);
    }

    static ChangeStep moveTrust(String code, String toIcsCode) {
        return new ChangeStep(ChangeAction.MOVE_TRUST, code, null, null, null, toIcsCode, null, null, null, null, null);
    }

    static ChangeStep closeTrust(String code, List<String> successors, String linkKind) {
        return new ChangeStep(ChangeAction.CLOSE_TRUST, code, null, null, null, null, successors, linkKind, null, null, null);
    }

    static ChangeStep openTrust(String code, String name, String icsCode, String trustType, String organisationForm) {
        return new ChangeStep(ChangeAction.OPEN_TRUST, code, name, null, null, icsCode, null, null, trustType,
                organisationForm, null);
    }

    static ChangeStep renameTrust(String code, String name) {
        return new ChangeStep(ChangeAction.RENAME_TRUST, code, name, null, null, null, null, null, null, null, null);
    }

    static ChangeStep renameIcs(String code, String name, String shortName) {
        return new ChangeStep(ChangeAction.RENAME_ICS, code, name, shortName, null, null, null, null, null, null, null);
    }

    /** For example "Move trust RPG to QKS" or "Close ICS QNQ (successors S0E4D, S9B9J)". */
    public String describe() {
        var text = new StringBuilder(action.label()).append(' ').append(odsCode);
        if (name != null) {
            text.append(action == ChangeAction.RENAME_TRUST || action == ChangeAction.RENAME_ICS ? " to " : ", ").append(name);
        }
        if (toIcsCode != null) {
            text.append(action == ChangeAction.OPEN_TRUST ? " in " : " to ").append(toIcsCode);
        }
        if (regionCode != null && action == ChangeAction.OPEN_ICS) {
            text.append(" in region ").append(regionCode);
        }
        if (!successorCodes.isEmpty()) {
            text.append(" (").append(successorCodes.size() == 1 ? "successor " : "successors ")
                    .append(String.join(", ", successorCodes)).append(')');
        }
        return text.toString();
    }
}
