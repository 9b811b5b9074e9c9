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
    public record Entry(int node, double speed, int cpus, double load, long freeMemory, long memory, long stamp) {
        NodeLoad at(long now) {
            return new NodeLoad(node, speed, cpus, load, freeMemory, memory, now - stamp);
        }
    }

    /** Whether {@code a} comes after {@code b} in {@link #entries()}'s order: freshest first, by node id on a tie. */
    private static boolean staler(Entry a, Entry b) {
        return a.stamp() < b.stamp() || a.stamp() == b.stamp() && a.node() > b.node();
    }

    private final int self;
    private final int size;
    private final long maxAge;
    private final Entry[] slots; // the entries in entries()'s order: a window holds a few (about log N), so a scan beats a map
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
        int at = 0; // where it goes: after every entry fresher than it
        int old = -1;
        for (int i = 0; i < count; i++) {
            if (slots[i].node() == e.node()) {
                if (slots[i].stamp() >= e.stamp()) {
                    return false;
                }
                old = i;
                break; // fresher than its old entry, it goes at or before it
            }
            if (!staler(slots[i], e)) {
                at = i + 1;
            }
        }
        if (old < 0 && count == size) {
            if (staler(e, slots[count - 1])) {
                return false; // staler than all it knows: it would go at once
            }
            old = --count; // the stalest goes
        } else if (old < 0) {
            old = count;
        } else {
            count--;
        }
        System.arraycopy(slots, at, slots, at + 1, old - at);
        slots[at] = e;
        count++;
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
        return List.of(java.util.Arrays.copyOf(slots, count));
    }

    /** The entries as a policy sees them at {@code now}: with their age. */
    public List<NodeLoad> view(long now) {
        return entries().stream().map(e -> e.at(now)).toList();
    }
}
