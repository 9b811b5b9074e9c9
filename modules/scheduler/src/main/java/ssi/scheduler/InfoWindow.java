package ssi.scheduler;

import java.util.Comparator;
import java.util.List;
import ssi.api.NodeLoad;

/**
 * A node's information window: the freshest load entries it has heard of other nodes, at most
 * {@code size} of them. A newer entry of a node replaces an older one; entries from the future or
 * older than {@code maxAge} are dropped.
 */
public final class InfoWindow {
    /** A load entry as gossiped: stamped with the virtual time its node made it. */
    public record Entry(int node, double speed, int cpus, double load, long freeMemory, long memory, long stamp) {
        NodeLoad at(long now) {
            return new NodeLoad(node, speed, cpus, load, freeMemory, memory, now - stamp);
        }
    }

    /** Freshest first, by node id on a tie: the order of {@link #entries()}; the last is the stalest. */
    private static final Comparator<Entry> FRESHEST_FIRST = (a, b) -> staler(a, b) ? 1 : staler(b, a) ? -1 : 0;

    /** Whether {@code a} comes after {@code b} in {@link #entries()}'s order. */
    private static boolean staler(Entry a, Entry b) {
        return a.stamp() < b.stamp() || a.stamp() == b.stamp() && a.node() > b.node();
    }

    private final int self;
    private final int size;
    private final long maxAge;
    private final Entry[] slots; // the entries, in no order: a window holds a few (about log N), so a scan beats a map
    private int count;

    public InfoWindow(int self, int size, long maxAge) {
        if (size < 1 || maxAge < 1) {
            throw new IllegalArgumentException("window size and max age must be positive: " + size + ", " + maxAge);
        }
        this.self = self;
        this.size = size;
        this.maxAge = maxAge;
        this.slots = new Entry[size];
    }

    /**
     * Takes in an entry heard at {@code now}; returns true if it was news (kept and fresher than what
     * was known). A full window keeps its {@code size} freshest entries: the stalest one goes.
     */
    public boolean merge(Entry e, long now) {
        if (e.node() == self || e.stamp() > now || now - e.stamp() > maxAge) {
            return false;
        }
        int stalest = -1;
        for (int i = 0; i < count; i++) {
            Entry old = slots[i];
            if (old.node() == e.node()) {
                if (old.stamp() >= e.stamp()) {
                    return false;
                }
                slots[i] = e;
                return true;
            }
            if (stalest < 0 || staler(old, slots[stalest])) {
                stalest = i;
            }
        }
        if (count < size) {
            slots[count++] = e;
            return true;
        }
        if (staler(e, slots[stalest])) {
            return false; // staler than all it knows: it would go at once
        }
        slots[stalest] = e;
        return true;
    }

    /** Drops entries older than the maximum age. */
    public void age(long now) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (now - slots[i].stamp() <= maxAge) {
                slots[kept++] = slots[i];
            }
        }
        java.util.Arrays.fill(slots, kept, count, null);
        count = kept;
    }

    public boolean knows(int node) {
        for (int i = 0; i < count; i++) {
            if (slots[i].node() == node) {
                return true;
            }
        }
        return false;
    }

    /** The entries, freshest first (by node id on a tie). */
    public List<Entry> entries() {
        Entry[] sorted = java.util.Arrays.copyOf(slots, count);
        java.util.Arrays.sort(sorted, FRESHEST_FIRST);
        return java.util.Arrays.asList(sorted);
    }

    /** The entries as a policy sees them at {@code now}: with their age. */
    public List<NodeLoad> view(long now) {
        return entries().stream().map(e -> e.at(now)).toList();
    }
}
