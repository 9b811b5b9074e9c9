package ssi.scheduler;

/**
 * A node's load index, the MOSIX way. Every quantum the number of runnable processes is sampled;
 * at the end of each period their mean, divided by speed × CPUs (so that 1.0 is one standard
 * processor fully used), is the period's sample. Two smoothed values follow it:
 * <ul>
 * <li>the local value rises slowly and falls at once: {@code (5·old + 3·sample) / 8} when rising,
 *     the sample when falling, so a short burst does not trigger migrations away;</li>
 * <li>the exported value rises at once and falls slowly: the sample when rising,
 *     {@code (7·old + sample) / 8} when falling, so other nodes do not all rush at a node that
 *     just emptied.</li>
 * </ul>
 */
final class LoadIndex {
    private double sum;
    private int ticks;
    private double sample;
    private double local;
    private double exported;

    /** Records the number of runnable processes during one quantum. */
    public void tick(double runnable) {
        sum += runnable;
        ticks++;
    }

    /** Ends a period on a node of {@code speed} with {@code cpus} CPUs. */
    public void update(double speed, int cpus) {
        end(ticks == 0 ? 0 : sum / ticks / (speed * cpus));
    }

    /**
     * Ends {@code periods} periods in which nothing was runnable: the same values as as many calls
     * of {@link #update} after such periods, computed only until they stop changing (the exported
     * value falls to its floor within a few thousand periods), so any number of periods is quick.
     */
    public void rest(long periods) {
        for (long i = 0; i < periods; i++) {
            double before = exported;
            end(0);
            if (exported == before) {
                return; // sample and local are 0 now, and exported stays where it is
            }
        }
    }

    private void end(double periodSample) {
        sample = periodSample;
        local = sample > local ? (5 * local + 3 * sample) / 8 : sample;
        exported = sample > exported ? sample : (7 * exported + sample) / 8;
        sum = 0;
        ticks = 0;
    }

    /** The last period's sample, unsmoothed. */
    public double sample() {
        return sample;
    }

    /** The value the node's own policy uses. */
    public double local() {
        return local;
    }

    /** The value the node tells others. */
    public double exported() {
        return exported;
    }
}
