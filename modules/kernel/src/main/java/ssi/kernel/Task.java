package ssi.kernel;

import java.util.List;

/** Something the quantum loop orders: a process's guest slice, its deputy finishing a call, or signals reaching it. */
abstract sealed class Task permits ProcFigures, DeputyTask, Delivery {
    long readyAt; // virtual time from which it may run (a deputy: when its call is done)
    long eventAt; // the quantum loop's sort key: when what it did in its slice happens

    /** The pid it belongs to, for ordering. */
    abstract int pid();

    /** Its place in pid order: by pid, a process before its deputy. */
    final int pidRank() {
        return 2 * pid() + (this instanceof DeputyTask ? 1 : 0);
    }

    /**
     * Puts tasks in pid order, keeping the order of equal ranks. Sorts their ranks, read once each,
     * not the tasks: a quantum's due tasks are thousands at a large cluster, scattered over the heap,
     * and a comparator would read two of them at each of n log n comparisons.
     */
    static <T extends Task> void sortByPid(List<T> tasks) {
        int n = tasks.size();
        if (n < 2) {
            return;
        }
        long[] keys = new long[n]; // rank, then place: ranks are not negative, so the longs sort as the pairs
        for (int i = 0; i < n; i++) {
            keys[i] = (long) tasks.get(i).pidRank() << 32 | i;
        }
        java.util.Arrays.sort(keys);
        List<T> before = List.copyOf(tasks);
        for (int i = 0; i < n; i++) {
            tasks.set(i, before.get((int) keys[i]));
        }
    }
}
