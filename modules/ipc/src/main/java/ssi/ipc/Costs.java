package ssi.ipc;

import ssi.api.Link;

/** What IPC costs in virtual time: each call {@code callNanos} at the node serving it, and messages between nodes. */
record Costs(long callNanos, Link link) {
    /** The time a message of {@code bytes} takes from node {@code a} to node {@code b}. */
    long hop(int a, int b, long bytes) {
        return a == b ? 0 : link.messageNanos(Link.CONTROL_BYTES + bytes);
    }
}
