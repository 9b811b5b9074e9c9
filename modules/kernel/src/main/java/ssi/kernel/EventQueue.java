package ssi.kernel;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Tasks by the time of their next event, earliest first, ties by a second key (a pid). A binary heap
 * whose keys sit in arrays beside the tasks: a large study takes thousands of events a quantum out of
 * thousands waiting, and comparing keys in an array spares a cache miss on each task compared.
 */
final class EventQueue<T> {
    private long[] times = new long[8];
    private int[] ties = new int[8];
    private Object[] tasks = new Object[8];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds a task whose event falls at {@code time}, ties broken by the smaller {@code tie}. */
    void add(T task, long time, int tie) {
        if (size == times.length) {
            times = Arrays.copyOf(times, 2 * size);
            ties = Arrays.copyOf(ties, 2 * size);
            tasks = Arrays.copyOf(tasks, 2 * size);
        }
        set(size, time, tie, task);
        up(size++);
    }

    /** When the first task's event falls (some task waits). */
    long firstTime() {
        return times[0];
    }

    /** Takes out the first task. */
    T poll() {
        @SuppressWarnings("unchecked")
        T first = (T) tasks[0];
        removeAt(0);
        return first;
    }

    /** Takes a task out wherever it stands (the same object); false if it was not in. */
    boolean remove(T task) {
        for (int i = 0; i < size; i++) {
            if (tasks[i] == task) {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    /** Each task, in no particular order. */
    @SuppressWarnings("unchecked")
    void forEach(Consumer<? super T> action) {
        for (int i = 0; i < size; i++) {
            action.accept((T) tasks[i]);
        }
    }

    private void removeAt(int i) {
        int last = --size;
        if (i != last) {
            set(i, times[last], ties[last], tasks[last]);
            tasks[last] = null;
            down(i);
            up(i);
        } else {
            tasks[last] = null;
        }
    }

    private void up(int i) {
        long time = times[i];
        int tie = ties[i];
        Object task = tasks[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(time, tie, times[parent], ties[parent])) {
                break;
            }
            set(i, times[parent], ties[parent], tasks[parent]);
            i = parent;
        }
        set(i, time, tie, task);
    }

    private void down(int i) {
        long time = times[i];
        int tie = ties[i];
        Object task = tasks[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(times[child + 1], ties[child + 1], times[child], ties[child])) {
                child++;
            }
            if (!before(times[child], ties[child], time, tie)) {
                break;
            }
            set(i, times[child], ties[child], tasks[child]);
            i = child;
        }
        set(i, time, tie, task);
    }

    private static boolean before(long time, int tie, long otherTime, int otherTie) {
        return time < otherTime || time == otherTime && tie < otherTie;
    }

    private void set(int i, long time, int tie, Object task) {
        times[i] = time;
        ties[i] = tie;
        tasks[i] = task;
    }
}
