package ssi.api;

import java.util.List;

/**
 * The cluster as one node sees it, which is all a policy may look at: its own load and
 * processes, and its information window (entries gossiped by other nodes, possibly stale).
 */
public interface ClusterView {
    /** The node the policy runs for. */
    NodeLoad self();

    /** The freshest entries of other nodes this node has heard of, freshest first. */
    List<NodeLoad> window();

    /** The processes running at this node (its own and guests), by pid. */
    List<ProcessView> processes();

    /** Virtual time now, in nanoseconds. */
    long now();

    /** The network between nodes. */
    Link link();

    /** Virtual nanoseconds a migration of {@code dirtyBytes} would keep a process frozen. */
    long migrationNanos(long dirtyBytes);

    /**
     * Virtual nanoseconds a system call of a process of home {@code home} takes more when it is
     * away and its deputy serves it: the messages there and back, and the deputy's work at home.
     */
    long forwardNanos(int home);

    /** What {@link #priority} says of a node where a process may not run (its cluster is not connected, or gives no priority to the process's). */
    int FORBIDDEN = Integer.MAX_VALUE;

    /** The cluster a node belongs to (MOSIX2's multi-cluster), numbered from 1; always 1 in a one-cluster image. */
    default int cluster(int node) {
        return 1;
    }

    /**
     * The priority a process whose home is {@code home} has at {@code node}: 0 in its own cluster
     * (local processes always come first), the owner's priority for its cluster elsewhere (a lower
     * number is a higher priority), or {@link #FORBIDDEN} where it may not run. The kernel refuses
     * any move to a forbidden node and sends lower-priority guests away when higher-priority demand appears.
     */
    default int priority(int home, int node) {
        return 0;
    }
}
