package ssi.scheduler;

/**
 * Time sharing of one node's CPUs: with {@code k} runnable processes on {@code c} CPUs each
 * process holds a CPU for {@code min(1, c/k)} of the quantum (processor sharing, the limit of
 * round-robin with small slices). A slice of a process is a budget of work units: what a CPU of
 * the node's speed does in the time the process holds it.
 */
public final class CpuShare {
    private final double workRate;

    /** @param workRate work units per virtual second of the standard processor (speed 1.0) */
    public CpuShare(double workRate) {
        if (!(workRate > 0)) {
            throw new IllegalArgumentException("work rate must be positive: " + workRate);
        }
        this.workRate = workRate;
    }

    /** The fraction of a CPU that each of {@code runnable} processes gets on {@code cpus} CPUs. */
    public static double share(int cpus, int runnable) {
        return share((double) cpus, runnable);
    }

    /**
     * The fraction of a CPU that each of {@code runnable} processes gets when {@code capacity} CPUs
     * are left to processes (less than the node's CPUs when its kernel work, such as deputies
     * serving system calls, took some of them).
     */
    public static double share(double capacity, int runnable) {
        return runnable <= capacity ? 1.0 : capacity / runnable;
    }

    /** The budget, in work units, of a process holding {@code share} of a CPU of {@code speed} for {@code nanos}. */
    public long budget(double speed, double share, long nanos) {
        return (long) Math.floor(workRate * speed * share * nanos / 1e9);
    }

    /** Virtual nanoseconds that one work unit takes with {@code share} of a CPU of {@code speed}. */
    public double nanosPerUnit(double speed, double share) {
        return 1e9 / (workRate * speed * share);
    }

    /** Virtual nanoseconds that {@code work} units take on a whole CPU of {@code speed}. */
    public long nanos(long work, double speed) {
        return Math.round(work * 1e9 / (workRate * speed));
    }

    /** Virtual CPU seconds that {@code work} units take on a CPU of {@code speed}. */
    public double cpuSeconds(long work, double speed) {
        return work / (workRate * speed);
    }

    public double workRate() {
        return workRate;
    }
}
