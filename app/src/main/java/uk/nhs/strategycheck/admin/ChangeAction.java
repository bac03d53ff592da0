package uk.nhs.strategycheck.admin;

/** One step of an organisation change, as the database function applies it. */
public enum ChangeAction {
    OPEN_ICS("Open ICS"),
    CLOSE_ICS("Close ICS"),
    RENAME_ICS("Rename ICS"),
    OPEN_TRUST("Open trust"),
    MOVE_TRUST("Move trust"),
    CLOSE_TRUST("Close trust"),
    RENAME_TRUST("Rename trust");

    private final String label;

    ChangeAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
