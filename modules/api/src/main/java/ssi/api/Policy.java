package ssi.api;

import java.util.List;
import java.util.OptionalInt;

/**
 * A resource-sharing policy, run by the kernel at each node from that node's {@link ClusterView}.
 * It proposes; the kernel disposes. Implementations must be deterministic given the view (use no
 * clock, no unseeded randomness, no threads): that is what makes a run reproducible.
 *
 * <p>The kernel creates one instance per node and calls each node's instance on one thread at a
 * time, but different nodes' instances at once, on several threads, as each node's policy would
 * run on its own machine: instances must share no mutable state.
 */
public interface Policy {
    /**
     * Where a process just created at this node should run (initial placement), or empty to
     * leave it here.
     */
    OptionalInt place(ClusterView view, ProcessView process);

    /**
     * Migrations that improve the use of CPUs and other resources (load balancing, cost-based
     * reassignment), proposed once per information period.
     */
    List<Proposal> balance(ClusterView view);

    /**
     * Migrations that relieve this node when its free memory runs low (memory ushering), proposed
     * once per period before {@link #balance}; may cost CPU balance.
     */
    List<Proposal> usher(ClusterView view);
}
