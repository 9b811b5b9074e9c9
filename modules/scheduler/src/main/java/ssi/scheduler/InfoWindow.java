package ssi.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final int self;
    private final int size;
    private final long maxAge;
    private final Map<Integer, Entry> entries = new HashMap<>();

    public InfoWindow(int self, int size, long maxAge) {
        if (size < 1 || maxAge < 1) {
            throw new IllegalArgumentException("window size and max age must be positive: " + size + ", " + maxAge);
        }
        this.self = self;
        this.size = size;
        this.maxAge = maxAge;
    }

    /** Takes in an entry heard at {@code now}; returns true if it was news (kept and fresher than what was known). */
    public boolean merge(Entry e, long now) {
        if (e.node() == self || e.stamp() > now || now - e.stamp() > maxAge) {
            return false;
        }
        Entry old = entries.get(e.node());
        if (old != null && old.stamp() >= e.stamp()) {
            return false;
        }
        entries.put(e.node(), e);
        trim();
        return entries.get(e.node()) == e;
    }

    /** Drops entries older than the maximum age. */
    public void age(long now) {
        entries.values().removeIf(e -> now - e.stamp() > maxAge);
    }

    public boolean knows(int node) {
        return entries.containsKey(node);
    }

    /** The entries, freshest first (by node id on a tie). */
    public List<Entry> entries() {
        List<Entry> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparingLong(Entry::stamp).reversed().thenComparingInt(Entry::node));
        return list;
    }

    /** The entries as a policy sees them at {@code now}: with their age. */
    public List<NodeLoad> view(long now) {
        return entries().stream().map(e -> e.at(now)).toList();
    }

    /** Drops the stalest entries (the last in {@link #entries()}'s order) beyond the window's size: one scan each, no sort. */
    private void trim() {
        while (entries.size() > size) {
            Entry stalest = null;
            for (Entry e : entries.values()) {
                if (stalest == null || e.stamp() < stalest.stamp() || e.stamp() == stalest.stamp() && e.node() > stalest.node()) {
                    stalest = e;
                }
            }
            entries.remove(stalest.node());
        }
    }
}
