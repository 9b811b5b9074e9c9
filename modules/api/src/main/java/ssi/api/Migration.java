package ssi.api;

/**
 * The statistics of one migration, by phase as CRIU reports them. Times are virtual nanoseconds.
 *
 * @param requested when the process was frozen at the source
 * @param ended when it resumed, at the destination or (rolled back) at the source
 * @param negotiation time spent asking the destination to reserve memory and CPU, and hearing back
 * @param transfer time spent sending the fixed state and the dirty pages
 * @param pages dirty pages sent
 * @param bytes bytes sent
 * @param outcome {@code done}, or {@code rolled back: } and why
 */
public record Migration(int pid, int from, int to, MigrationReason reason, long requested, long ended,
                        long negotiation, long transfer, long pages, long bytes, String outcome) {

    /** How long the process was frozen. */
    public long frozen() {
        return ended - requested;
    }

    public boolean done() {
        return outcome.equals("done");
    }
}
