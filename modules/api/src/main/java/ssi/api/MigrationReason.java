package ssi.api;

/** Why a process moved. */
public enum MigrationReason {
    /** Asked by a user ({@code migrate}, {@code /proc}) or by the program itself ({@code ssi.migrate}). */
    MANUAL,
    /** Proposed by the load-balancing policy. */
    POLICY,
    /** A constraint (shared memory, ...) confines it to its home node. */
    CONSTRAINT,
    /** Its current node sends it home (the node shuts down, or is asked to bring its processes home). */
    HOME_COMING,
    /**
     * MOSIX2's multi-cluster sends it away from another cluster: demand of a higher priority (the
     * owner's own processes first) appeared on its node, or a cluster disconnected.
     */
    EVICTED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
