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
    public record Message(int from, int to, LoadVector vector) {
        public List<InfoWindow.Entry> entries() {
            return vector.entries();
        }
    }

    /** Which nodes may tell which (MOSIX2: within a cluster, and between connected clusters). */
    public interface Reach {
        boolean reaches(int from, int to);
    }

    private Reach reach; // null: every live node reaches every other (one cluster)
    private final int windowSize;
    private final long maxAge;
    private final long seed;
    private InfoWindow[] windows = new InfoWindow[1];      // by node id; null for a node not live
    private SplittableRandom[] randoms = new SplittableRandom[1];
    private int[] live = new int[0];                         // the live nodes, in id order
    private static final int PARTS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final int PARALLEL_FROM = 512; // live nodes or messages: fewer are handled on the caller's thread
    private final InfoWindow.Scratch[] scratches = java.util.stream.Stream.generate(InfoWindow.Scratch::new).limit(PARTS)
            .toArray(InfoWindow.Scratch[]::new); // one per part of a delivery: scratches[0] also serves single messages

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
            int at = -java.util.Arrays.binarySearch(live, node) - 1;
            int[] grown = new int[live.length + 1];
            System.arraycopy(live, 0, grown, 0, at);
            grown[at] = node;
            System.arraycopy(live, at, grown, at + 1, live.length - at);
            live = grown;
        }
        windows[node] = new InfoWindow(node, windowSize, maxAge);
        randoms[node] = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + node);
    }

    /** A node leaves (or goes quiet): it neither sends nor receives; others age its entry out. */
    public void leave(int node) {
        if (isLive(node)) {
            windows[node] = null;
            randoms[node] = null;
            live = java.util.Arrays.stream(live).filter(n -> n != node).toArray();
        }
    }

    /** From now on nodes tell only those {@code reach} lets them (null: all). */
    public void reach(Reach reach) {
        this.reach = reach;
    }

    private boolean reaches(int from, int to) {
        return reach == null || reach.reaches(from, to);
    }

    public InfoWindow window(int node) {
        return node < windows.length ? windows[node] : null;
    }

    private boolean isLive(int node) {
        return node < windows.length && windows[node] != null;
    }

    /**
     * One period at {@code now}: the messages every live node sends, in node order. {@code own}
     * gives a node's entry of itself, stamped now; it is called on several threads (a node's
     * sending touches its own window and random stream only, so the live nodes are split among the
     * host's cores).
     */
    public List<Message> round(long now, IntFunction<InfoWindow.Entry> own) {
        return round(now, own, partsFor(live.length));
    }

    /** The same with the live nodes split into {@code parts} (1: all sent from the caller's thread). */
    List<Message> round(long now, IntFunction<InfoWindow.Entry> own, int parts) {
        int[] live = this.live;
        List<List<Message>> sent = java.util.stream.IntStream.range(0, parts).parallel().mapToObj(part -> {
            int from = (int) ((long) live.length * part / parts), to = (int) ((long) live.length * (part + 1) / parts);
            List<Message> out = new ArrayList<>(2 * (to - from));
            for (int i = from; i < to; i++) {
                send(live[i], now, own, out);
            }
            return out;
        }).toList();
        return sent.size() == 1 ? sent.getFirst() : sent.stream().flatMap(List::stream).toList();
    }

    /** A node's messages of a period: its vector to a node of its window, and to one outside it. */
    private void send(int node, long now, IntFunction<InfoWindow.Entry> own, List<Message> out) {
        InfoWindow w = windows[node];
        w.age(now);
        LoadVector vector = w.vector(own.apply(node));
        int inside = 0; // the live nodes among those it knows
        for (int i = 0; i < w.size(); i++) {
            inside += isLive(w.node(i)) && reaches(node, w.node(i)) ? 1 : 0;
        }
        SplittableRandom random = randoms[node];
        if (inside > 0) {
            out.add(new Message(node, liveKnown(w, node, random.nextInt(inside)), vector));
        }
        if (outside(node, w, inside) > 0) { // a node outside the window: draw until one comes up, cheap as the window is small
            int to;
            do {
                to = live[random.nextInt(live.length)];
            } while (to == node || w.knows(to) || !reaches(node, to));
            out.add(new Message(node, to, vector));
        }
    }

    /** Into how many parts, one per core, {@code count} senders or messages are split: one for few. */
    private static int partsFor(int count) {
        return count < PARALLEL_FROM ? 1 : PARTS;
    }

    /** How many live nodes {@code node} reaches outside its window {@code w}, which holds {@code inside} of those it reaches. */
    private int outside(int node, InfoWindow w, int inside) {
        if (reach == null) {
            return live.length - 1 - inside;
        }
        int n = 0;
        for (int to : live) {
            n += to != node && !w.knows(to) && reach.reaches(node, to) ? 1 : 0;
        }
        return n;
    }

    /** The {@code k}th live node among those {@code w} knows and {@code node} reaches, freshest first. */
    private int liveKnown(InfoWindow w, int node, int k) {
        for (int i = 0; ; i++) {
            if (isLive(w.node(i)) && reaches(node, w.node(i)) && k-- == 0) {
                return w.node(i);
            }
        }
    }

    /**
     * Messages arrive, the {@code i}th at {@code arrivals[i]}, in this order. A message changes its
     * receiver's window only, so the receivers are split among the host's cores, each part taking
     * its receivers' messages in order: every window ends as delivering them one by one leaves it.
     */
    public void deliver(List<Message> messages, long[] arrivals) {
        int parts = partsFor(messages.size());
        java.util.stream.IntStream.range(0, parts).parallel().forEach(part -> {
            InfoWindow.Scratch own = scratches[part];
            for (int i = 0; i < messages.size(); i++) {
                Message m = messages.get(i);
                InfoWindow w = m.to() % parts == part ? window(m.to()) : null;
                if (w != null) { // it may have left meanwhile
                    w.merge(m.vector(), arrivals[i], own);
                }
            }
        });
    }

    /** A message arrives at {@code now}; returns how many of its entries were news to the receiver. */
    public int deliver(Message m, long now) {
        InfoWindow w = window(m.to());
        return w == null ? 0 : w.merge(m.vector(), now, scratches[0]); // it may have left meanwhile
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
