package ssi.policy.testkit;

import java.util.List;
import ssi.api.Migration;

/**
 * What a scenario produced under a policy.
 *
 * @param processes processes running on each node at the end (index 0 is node 1)
 * @param freeMemory free bytes of each node at the end
 * @param maxLoad the highest speed-normalised load at the end: processes / (speed × CPUs)
 * @param bestMaxLoad the lowest {@code maxLoad} any placement of those processes could reach
 * @param migrations every migration that ended, in order
 * @param notices what the kernel reported (a policy that failed, ...)
 * @param trace the run's trace, for determinism checks
 */
public record Figures(String policy, List<Integer> processes, List<Long> freeMemory, double maxLoad, double bestMaxLoad,
                      List<Migration> migrations, List<String> notices, List<String> trace) {

    /** How far from the best balance: 1.0 is optimal. */
    public double ratio() {
        return maxLoad / bestMaxLoad;
    }

    public long bytesMoved() {
        return migrations.stream().mapToLong(Migration::bytes).sum();
    }

    /** Migrations that ended after {@code t} (virtual nanoseconds): zero once the cluster is stable. */
    public long migrationsAfter(long t) {
        return migrations.stream().filter(m -> m.ended() > t).count();
    }

    /** One line for a report. */
    public String summary() {
        return String.format("%-16s processes per node %s, max load %.3f / best %.3f = %.2f, %d migrations, %d bytes moved",
                policy, processes, maxLoad, bestMaxLoad, ratio(), migrations.size(), bytesMoved());
    }
}
