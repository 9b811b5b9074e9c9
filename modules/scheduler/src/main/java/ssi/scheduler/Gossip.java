package ssi.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Decentralised load dissemination among live nodes, as openMosix does it: every period each node
 * sends its own entry and its window to two random nodes, one from its window and one from
 * outside it. Nobody reads global truth: each node knows only what reached its window.
 * Deterministic for a seed: each node draws from its own random stream.
 */
public final class Gossip {
    /** A load vector on its way. */
    public record Message(int from, int to, List<InfoWindow.Entry> entries) {}

    private final int windowSize;
    private final long maxAge;
    private final long seed;
    private InfoWindow[] windows = new InfoWindow[1];      // by node id; null for a node not live
    private SplittableRandom[] randoms = new SplittableRandom[1];
    private final List<Integer> live = new ArrayList<>();    // the live nodes, in id order

    public Gossip(int windowSize, long maxAge, long seed) {
        this.windowSize = windowSize;
        this.maxAge = maxAge;
        this.seed = seed;
    }

    /** A node joins: it starts with an empty window and is found by others' draws outside their windows. */
    public void join(int node) {
        if (node >= windows.length) {
            windows = java.util.Arrays.copyOf(windows, Math.max(node + 1, 2 * windows.length));
            randoms = java.util.Arrays.copyOf(randoms, windows.length);
        }
        if (windows[node] == null) {
            live.add(-java.util.Collections.binarySearch(live, node) - 1, node);
        }
        windows[node] = new InfoWindow(node, windowSize, maxAge);
        randoms[node] = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + node);
    }

    /** A node leaves (or goes quiet): it neither sends nor receives; others age its entry out. */
    public void leave(int node) {
        if (isLive(node)) {
            windows[node] = null;
            randoms[node] = null;
            live.remove(Integer.valueOf(node));
        }
    }

    public InfoWindow window(int node) {
        return node < windows.length ? windows[node] : null;
    }

    private boolean isLive(int node) {
        return node < windows.length && windows[node] != null;
    }

    /**
     * One period at {@code now}: the messages every live node sends. {@code own} gives a node's
     * entry of itself, stamped now.
     */
    public List<Message> round(long now, IntFunction<InfoWindow.Entry> own) {
        List<Message> out = new ArrayList<>();
        for (int node : live) {
            InfoWindow w = windows[node];
            w.age(now);
            List<InfoWindow.Entry> known = w.entries();
            List<InfoWindow.Entry> vector = new ArrayList<>(known.size() + 1);
            vector.add(own.apply(node));
            vector.addAll(known);
            SplittableRandom random = randoms[node];
            List<Integer> inside = known.stream().map(InfoWindow.Entry::node).filter(this::isLive).toList();
            if (!inside.isEmpty()) {
                out.add(new Message(node, inside.get(random.nextInt(inside.size())), vector));
            }
            long others = live.stream().filter(n -> n != node && !w.knows(n)).limit(1).count();
            if (others > 0) { // draw until a node outside the window comes up: cheap, as the window is small
                int to;
                do {
                    to = live.get(random.nextInt(live.size()));
                } while (to == node || w.knows(to));
                out.add(new Message(node, to, vector));
            }
        }
        return out;
    }

    /** A message arrives at {@code now}; returns the nodes whose entries were news to the receiver. */
    public List<Integer> deliver(Message m, long now) {
        InfoWindow w = window(m.to());
        List<Integer> news = new ArrayList<>();
        if (w == null) {
            return news; // it left meanwhile
        }
        for (InfoWindow.Entry e : m.entries()) {
            if (w.merge(e, now)) {
                news.add(e.node());
            }
        }
        return news;
    }

    /**
     * How fast news spreads: on {@code n} nodes with windows of {@code windowSize}, after windows
     * have filled, node 1's load changes; returns the periods until at least 99% of the nodes
     * have heard the new value (or -1 if that takes over 1,000 periods).
     */
    public static int periodsToReach99(int n, int windowSize, long seed) {
        long period = 1_000_000_000L;
        Gossip g = new Gossip(windowSize, 4L * n * period, seed);
        for (int i = 1; i <= n; i++) {
            g.join(i);
        }
        long[] now = {0};
        IntFunction<InfoWindow.Entry> own = node -> new InfoWindow.Entry(node, 1, 1, node == 1 && now[0] >= 20 * period ? 1 : 0,
                0, 0, now[0]);
        java.util.BitSet heard = new java.util.BitSet();
        for (int round = 0; round < 1020; round++) {
            now[0] = round * period;
            long changed = 20 * period;
            for (Message m : g.round(now[0], own)) {
                boolean fresh = m.entries().stream().anyMatch(e -> e.node() == 1 && e.stamp() >= changed);
                g.deliver(m, now[0]);
                if (fresh && now[0] >= changed) {
                    heard.set(m.to());
                }
            }
            heard.set(1);
            if (now[0] >= changed && heard.cardinality() >= Math.ceil(0.99 * n)) {
                return round - 19;
            }
        }
        return -1;
    }
}
