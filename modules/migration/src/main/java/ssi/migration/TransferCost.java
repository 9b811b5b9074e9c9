package ssi.migration;

import ssi.api.Link;

/**
 * What a migration costs in virtual time. The source first asks the destination to reserve memory
 * and a CPU slot, and hears back (negotiation: two control messages); then it sends the process's
 * fixed state (registers, memory map: {@code fixedNanos} of work at both ends) and its dirty pages
 * in one stream (latency + bytes / bandwidth).
 *
 * @param fixedNanos the fixed part of a transfer
 */
public record TransferCost(long fixedNanos, int pageBytes, Link link) {
    public TransferCost {
        if (fixedNanos < 0 || pageBytes < 1) {
            throw new IllegalArgumentException("fixed cost must be >= 0 and page size >= 1: " + fixedNanos + ", " + pageBytes);
        }
    }

    /** Asking the destination to take the process, and its answer. */
    public long negotiationNanos() {
        return 2 * link.messageNanos(Link.CONTROL_BYTES);
    }

    /** Bytes sent to move {@code dirtyPages}. */
    public long bytes(long dirtyPages) {
        return Link.CONTROL_BYTES + dirtyPages * pageBytes;
    }

    /** Sending the fixed state and {@code dirtyPages}. */
    public long transferNanos(long dirtyPages) {
        return fixedNanos + link.messageNanos(bytes(dirtyPages));
    }
}
