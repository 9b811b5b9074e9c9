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
}
