package ssi.migration;

import java.util.Optional;
import ssi.api.MigrationReason;

/** Why a process may not move, with openMosix's names for the reasons (shown in {@code cantmove}). */
public enum CantMove {
    /** It attached SysV shared memory: confined to its home node. */
    MONKEY("monkey"),
    /** Started native ({@code mosrun -E}): a plain process of its home node. */
    NATIVE("native"),
    /** Locked by its user ({@code mosrun -h/-L}, {@code ssi.lock(true)}): no move until unlocked. */
    USER_LOCK("user_lock");

    private final String label;

    CantMove(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The mechanism's ruling on a move: why it is refused, or empty if it may go. A confined
     * process may only go home, and only when a constraint or its node sends it there; a lock
     * holds against everything but those.
     *
     * @param confinement {@link #MONKEY} or {@link #NATIVE} if the process is confined, else null
     */
    public static Optional<CantMove> refusal(MigrationReason reason, CantMove confinement, boolean locked, boolean toHome) {
        boolean homeward = toHome && (reason == MigrationReason.CONSTRAINT || reason == MigrationReason.HOME_COMING
                || reason == MigrationReason.EVICTED); // a guest sent home by another cluster's owner goes, locked or not
        if (confinement != null && !homeward) {
            return Optional.of(confinement);
        }
        if (locked && !homeward) {
            return Optional.of(USER_LOCK);
        }
        return Optional.empty();
    }
}
