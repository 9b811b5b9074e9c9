package ssi.kernel;

import ssi.api.Migration;
import ssi.api.ProcessInfo;

/** What the kernel tells its front end as virtual time passes. Called on the kernel's thread. */
public interface KernelListener {
    /** A process wrote to its terminal. */
    default void output(Output output) {}

    /** A process exited (or was killed) and nobody waits for it: its status is final; {@code process} is its last snapshot. */
    default void exited(ProcessInfo process, int status, long time) {}

    /** A migration ended: done, or rolled back. */
    default void migrated(Migration migration) {}

    /**
     * A balancing period ended at {@code time}: the nodes' load indices and the policies' decisions
     * are fresh. Not called for a period in which the cluster rested (idle so long it stopped
     * gossiping: see {@link Kernel#advance}): nothing happened in it.
     */
    default void period(long time) {}

    /** Something the administrator should know: a policy that failed and was replaced, ... */
    default void notice(long time, String text) {}
}
