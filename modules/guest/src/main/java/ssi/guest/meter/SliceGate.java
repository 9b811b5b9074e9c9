package ssi.guest.meter;

/** The guest side of a slice hand-off: where a metered thread waits when its budget is spent. */
public interface SliceGate {
    /**
     * Blocks the guest thread until its next slice.
     *
     * @param forced true when the thread was stopped at a safepoint rather than by counting
     * @return work units it may spend from now: the next slice's budget, plus the budgets of the slices
     *     the kernel spent for it while it was parked owing more than they held; negative when the
     *     process must die
     */
    long budgetSpent(boolean forced);
}
