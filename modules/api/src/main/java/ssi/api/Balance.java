package ssi.api;

/** What a perfect balance would be: the yardstick policies and experiments are measured against. */
public final class Balance {
    private Balance() {}

    /**
     * The least possible highest load (processes per unit of capacity) for {@code processes} equal
     * processes on nodes of these capacities (speed × CPUs): each goes where it raises the maximum
     * least, which is optimal for equal processes on nodes of different speeds; 0 for none.
     */
    public static double bestMaxLoad(double[] capacities, long processes) {
        long[] counts = new long[capacities.length];
        double max = 0;
        for (long k = 0; k < processes; k++) {
            int best = 0;
            for (int i = 1; i < capacities.length; i++) {
                if ((counts[i] + 1) / capacities[i] < (counts[best] + 1) / capacities[best]) {
                    best = i;
                }
            }
            counts[best]++;
            max = Math.max(max, counts[best] / capacities[best]);
        }
        return max;
    }
}
