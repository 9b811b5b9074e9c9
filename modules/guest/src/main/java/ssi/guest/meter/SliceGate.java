package ssi.guest.meter;

/** The guest side of a slice hand-off: where a metered thread waits when its budget is spent. */
public interface SliceGate {
    /**
     * Blocks the guest thread until its next slice.
     *
     * @param forced true when the thread was stopped at a safepoint rather than by counting
     * @return the next slice's budget in work units, or a negative number when the process must die
     */
    long budgetSpent(boolean forced);
}
