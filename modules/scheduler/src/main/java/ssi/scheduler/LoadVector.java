package ssi.scheduler;

import java.util.List;
import ssi.api.NodeLoad;

/**
 * Load entries as gossip sends them and windows keep them: freshest first, in one array of longs
 * with an entry's seven figures side by side. Thousands of vectors are merged every period, so
 * each is one array read straight through, not a list of entries scattered over the heap.
 */
public final class LoadVector {
    static final int NODE = 0, CPUS = 1, SPEED = 2, LOAD = 3, FREE = 4, MEMORY = 5, STAMP = 6, WIDTH = 7;

    final long[] figures;
    private final int size;

    LoadVector(long[] figures, int size) {
        this.figures = figures;
        this.size = size;
    }

    /** A vector of these entries, in this order. */
    public static LoadVector of(List<InfoWindow.Entry> entries) {
        long[] a = new long[entries.size() * WIDTH];
        for (int i = 0; i < entries.size(); i++) {
            put(a, i, entries.get(i));
        }
        return new LoadVector(a, entries.size());
    }

    public int size() {
        return size;
    }

    public InfoWindow.Entry entry(int i) {
        return entry(figures, java.util.Objects.checkIndex(i, size));
    }

    public List<InfoWindow.Entry> entries() {
        InfoWindow.Entry[] out = new InfoWindow.Entry[size];
        for (int i = 0; i < size; i++) {
            out[i] = entry(figures, i);
        }
        return List.of(out);
    }

    @Override
    public String toString() {
        return entries().toString();
    }

    // The layout, for arrays of entries (a vector's, a window's).

    static int node(long[] a, int i) {
        return (int) a[i * WIDTH + NODE];
    }

    static long stamp(long[] a, int i) {
        return a[i * WIDTH + STAMP];
    }

    static long free(long[] a, int i) {
        return a[i * WIDTH + FREE];
    }

    static void put(long[] a, int i, InfoWindow.Entry e) {
        int at = i * WIDTH;
        a[at + NODE] = e.node();
        a[at + CPUS] = e.cpus();
        a[at + SPEED] = Double.doubleToRawLongBits(e.speed());
        a[at + LOAD] = Double.doubleToRawLongBits(e.load());
        a[at + FREE] = e.freeMemory();
        a[at + MEMORY] = e.memory();
        a[at + STAMP] = e.stamp();
    }

    static void copy(long[] from, int i, long[] to, int j) {
        System.arraycopy(from, i * WIDTH, to, j * WIDTH, WIDTH);
    }

    static InfoWindow.Entry entry(long[] a, int i) {
        int at = i * WIDTH;
        return new InfoWindow.Entry((int) a[at + NODE], Double.longBitsToDouble(a[at + SPEED]), (int) a[at + CPUS],
                Double.longBitsToDouble(a[at + LOAD]), a[at + FREE], a[at + MEMORY], a[at + STAMP]);
    }

    /** The {@code i}th entry as a policy sees it at {@code now}: with its age. */
    static NodeLoad nodeLoad(long[] a, int i, long now) {
        int at = i * WIDTH;
        return new NodeLoad((int) a[at + NODE], Double.longBitsToDouble(a[at + SPEED]), (int) a[at + CPUS],
                Double.longBitsToDouble(a[at + LOAD]), a[at + FREE], a[at + MEMORY], now - a[at + STAMP]);
    }
}
