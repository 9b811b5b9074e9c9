package ssi.scheduler;

import java.util.List;
import ssi.api.NodeLoad;

/**
 * A node's information window: the freshest load entries it has heard of other nodes, at most
 * {@code size} of them. A newer entry of a node replaces an older one; entries from the future or
 * older than {@code maxAge} are dropped.
 */
public final class InfoWindow {
    /** A load entry as gossiped: stamped with the virtual time its node made it. */
    public record Entry(int node, double speed, int cpus, double load, long freeMemory, long memory, long stamp) {}

    private final int self;
    private final int size;
    private final long maxAge;
    private final long[] slots; // the entries in entries()'s order, laid out as a LoadVector's
    private int count;

    public InfoWindow(int self, int size, long maxAge) {
        if (size < 1 || maxAge < 1) {
            throw new IllegalArgumentException("window size and max age must be positive: " + size + ", " + maxAge);
        }
        this.self = self;
        this.size = size;
        this.maxAge = maxAge;
        this.slots = new long[size * LoadVector.WIDTH];
    }

    /** Whether an entry of ({@code node}, {@code stamp}) comes after one of ({@code n}, {@code s}): freshest first, by node id on a tie. */
    private static boolean staler(int node, long stamp, int n, long s) {
        return stamp < s || stamp == s && node > n;
    }

    private boolean acceptable(int node, long stamp, long now) {
        return node != self && stamp <= now && now - stamp <= maxAge;
    }

    private int nodeAt(int i) {
        return LoadVector.node(slots, i);
    }

    private long stampAt(int i) {
        return LoadVector.stamp(slots, i);
    }

    /**
     * Takes in an entry heard at {@code now}; returns true if it was news (kept and fresher than what
     * was known). A full window keeps its {@code size} freshest entries: the stalest one goes.
     */
    public boolean merge(Entry e, long now) {
        if (!acceptable(e.node(), e.stamp(), now)) {
            return false;
        }
        int at = 0; // where it goes: after every entry fresher than it
        int old = -1;
        for (int i = 0; i < count; i++) {
            if (nodeAt(i) == e.node()) {
                if (stampAt(i) >= e.stamp()) {
                    return false;
                }
                old = i;
                break; // fresher than its old entry, it goes at or before it
            }
            if (!staler(nodeAt(i), stampAt(i), e.node(), e.stamp())) {
                at = i + 1;
            }
        }
        if (old < 0 && count == size) {
            if (staler(e.node(), e.stamp(), nodeAt(count - 1), stampAt(count - 1))) {
                return false; // staler than all it knows: it would go at once
            }
            old = --count; // the stalest goes
        } else if (old < 0) {
            old = count;
        } else {
            count--;
        }
        System.arraycopy(slots, at * LoadVector.WIDTH, slots, (at + 1) * LoadVector.WIDTH, (old - at) * LoadVector.WIDTH);
        LoadVector.put(slots, at, e);
        count++;
        return true;
    }

    /** Takes in a vector heard at {@code now}, as {@link #merge(Entry, long)} of each entry in turn would; returns how many were news. */
    public int merge(List<Entry> vector, long now) {
        return merge(LoadVector.of(vector), now, new Scratch());
    }

    /**
     * What merges of one thread share: the window a merge builds (small, and hot in the cache:
     * a merge touches its window's array only to read it and to copy the result back), and the
     * nodes it has taken an entry of, marked with the merge's number so that a merge clears nothing.
     */
    static final class Scratch {
        private long[] built = new long[0];
        private int[] marks = new int[64];
        private int merge;

        long[] built(int length) {
            return built.length >= length ? built : (built = new long[length]);
        }

        /** Starts a merge: no node marked. */
        void next() {
            if (++merge == Integer.MAX_VALUE) {
                java.util.Arrays.fill(marks, 0);
                merge = 1;
            }
        }

        /** Marks a node; returns whether it was marked already in this merge. */
        boolean mark(int node) {
            if (node >= marks.length) {
                marks = java.util.Arrays.copyOf(marks, Math.max(node + 1, 2 * marks.length));
            }
            boolean was = marks[node] == merge;
            marks[node] = merge;
            return was;
        }
    }

    /**
     * A vector is made freshest first, so the window and the vector are merged as two ordered
     * lists in one pass; another is merged entry by entry.
     */
    int merge(LoadVector vector, long now, Scratch scratch) {
        long[] in = vector.figures;
        int n = vector.size();
        for (int j = 1; j < n; j++) {
            if (!staler(LoadVector.node(in, j), LoadVector.stamp(in, j), LoadVector.node(in, j - 1), LoadVector.stamp(in, j - 1))) {
                int news = 0;
                for (int k = 0; k < n; k++) {
                    news += merge(LoadVector.entry(in, k), now) ? 1 : 0;
                }
                return news;
            }
        }
        long[] out = scratch.built(slots.length);
        scratch.next();
        int kept = 0, news = 0, i = 0, j = 0;
        while (kept < size && (i < count || j < n)) {
            if (j < n && (i == count || staler(nodeAt(i), stampAt(i), LoadVector.node(in, j), LoadVector.stamp(in, j)))) {
                if (acceptable(LoadVector.node(in, j), LoadVector.stamp(in, j), now) && !scratch.mark(LoadVector.node(in, j))) {
                    LoadVector.copy(in, j, out, kept++);
                    news++;
                }
                j++;
            } else {
                if (!scratch.mark(nodeAt(i))) { // else the node's fresher entry is in already
                    LoadVector.copy(slots, i, out, kept++);
                }
                i++;
            }
        }
        System.arraycopy(out, 0, slots, 0, kept * LoadVector.WIDTH);
        count = kept;
        return news;
    }

    /** This node's vector: its own entry, then the entries of the window. */
    public LoadVector vector(Entry own) {
        long[] a = new long[(count + 1) * LoadVector.WIDTH];
        LoadVector.put(a, 0, own);
        System.arraycopy(slots, 0, a, LoadVector.WIDTH, count * LoadVector.WIDTH);
        return new LoadVector(a, count + 1);
    }

    /** Drops entries older than the maximum age. */
    public void age(long now) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (now - stampAt(i) <= maxAge) {
                LoadVector.copy(slots, i, slots, kept++);
            }
        }
        count = kept;
    }

    public boolean knows(int node) {
        for (int i = 0; i < count; i++) {
            if (nodeAt(i) == node) {
                return true;
            }
        }
        return false;
    }

    /** How many entries it holds. */
    public int size() {
        return count;
    }

    /** The node of the {@code i}th entry, freshest first. */
    public int node(int i) {
        return LoadVector.node(slots, java.util.Objects.checkIndex(i, count));
    }

    /** The entries, freshest first (by node id on a tie). */
    public List<Entry> entries() {
        Entry[] out = new Entry[count];
        for (int i = 0; i < count; i++) {
            out[i] = LoadVector.entry(slots, i);
        }
        return List.of(out);
    }

    /** Whether it holds an entry of {@code node} with less than {@code bytes} free. */
    public boolean shortOfMemory(int node, long bytes) {
        for (int i = 0; i < count; i++) {
            if (nodeAt(i) == node) {
                return LoadVector.free(slots, i) < bytes;
            }
        }
        return false;
    }

    /** The entries as a policy sees them at {@code now}: with their age. */
    public List<NodeLoad> view(long now) {
        NodeLoad[] out = new NodeLoad[count];
        for (int i = 0; i < count; i++) {
            out[i] = LoadVector.nodeLoad(slots, i, now);
        }
        return List.of(out);
    }
}
