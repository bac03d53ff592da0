package uk.nhs.strategycheck.admin;

/** The changes an admin can type in; each becomes one or more steps. */
public enum ChangeKind {
    MERGE_ICSS("Merge ICSs"),
    SPLIT_ICS("Split an ICS between others"),
    OPEN_ICS("Open an ICS"),
    CLOSE_ICS("Close an ICS"),
    RENAME_ICS("Rename an ICS"),
    MOVE_TRUST("Move a trust to another ICS"),
    ACQUIRE_TRUST("A trust acquires another"),
    MERGE_TRUSTS("Merge trusts into a new trust"),
    RENAME_TRUST("Rename a trust"),
    CLOSE_TRUST("Close a trust");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
