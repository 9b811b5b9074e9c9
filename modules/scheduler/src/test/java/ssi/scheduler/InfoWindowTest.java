package ssi.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A window keeps, in order, what a plain map of the freshest entries would: checked against one over random merges. */
class InfoWindowTest {
    /** The window's rules written the obvious way: a map, trimmed of its stalest entry (lowest stamp, highest node) when over size. */
    private static final class Reference {
        final int size;
        final long maxAge;
        final Map<Integer, InfoWindow.Entry> entries = new HashMap<>();

        Reference(int size, long maxAge) {
            this.size = size;
            this.maxAge = maxAge;
        }

        boolean merge(InfoWindow.Entry e, long now) {
            if (e.stamp() > now || now - e.stamp() > maxAge) {
                return false;
            }
            InfoWindow.Entry old = entries.get(e.node());
            if (old != null && old.stamp() >= e.stamp()) {
                return false;
            }
            entries.put(e.node(), e);
            while (entries.size() > size) {
                InfoWindow.Entry stalest = entries.values().stream()
                        .min(Comparator.comparingLong(InfoWindow.Entry::stamp).thenComparing(InfoWindow.Entry::node, Comparator.reverseOrder()))
                        .orElseThrow();
                entries.remove(stalest.node());
            }
            return entries.get(e.node()) == e;
        }

        List<InfoWindow.Entry> ordered() {
            List<InfoWindow.Entry> out = new ArrayList<>(entries.values());
            out.sort(Comparator.comparingLong(InfoWindow.Entry::stamp).reversed().thenComparingInt(InfoWindow.Entry::node));
            return out;
        }
    }

    /** A vector as gossip makes one: distinct nodes, freshest first (by node id on a tie). */
    private static List<InfoWindow.Entry> vector(SplittableRandom random, long now) {
        Map<Integer, InfoWindow.Entry> byNode = new HashMap<>();
        for (int i = random.nextInt(8); i > 0; i--) {
            InfoWindow.Entry e = new InfoWindow.Entry(random.nextInt(11), 1, 1, random.nextInt(4), random.nextInt(9), 0, now - random.nextInt(60));
            byNode.merge(e.node(), e, (a, b) -> a.stamp() >= b.stamp() ? a : b);
        }
        List<InfoWindow.Entry> out = new ArrayList<>(byNode.values());
        out.sort(Comparator.comparingLong(InfoWindow.Entry::stamp).reversed().thenComparingInt(InfoWindow.Entry::node));
        return out;
    }

    @Test
    void aVectorMergedInOnePassLeavesWhatItsEntriesMergedInTurnWould() {
        SplittableRandom random = new SplittableRandom(2);
        for (int trial = 0; trial < 500; trial++) {
            int size = 1 + random.nextInt(6);
            InfoWindow whole = new InfoWindow(0, size, 50);
            InfoWindow oneByOne = new InfoWindow(0, size, 50);
            long now = 0;
            for (int step = 0; step < 100; step++) {
                now += random.nextInt(3);
                List<InfoWindow.Entry> v = vector(random, now);
                if (random.nextBoolean() && v.size() > 1) {
                    v = new ArrayList<>(v.reversed()); // out of order: merged entry by entry
                }
                int news = 0;
                for (InfoWindow.Entry e : v) {
                    news += oneByOne.merge(e, now) ? 1 : 0;
                }
                assertEquals(news, whole.merge(v, now), "trial " + trial + ", step " + step + ": " + v);
                assertEquals(oneByOne.entries(), whole.entries(), "trial " + trial + ", step " + step + ": " + v);
                if (random.nextInt(10) == 0) {
                    whole.age(now);
                    oneByOne.age(now);
                }
            }
        }
    }

    @Test
    void aWindowKeepsTheFreshestEntriesFreshestFirst() {
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 500; trial++) {
            int size = 1 + random.nextInt(6);
            InfoWindow window = new InfoWindow(0, size, 50);
            Reference reference = new Reference(size, 50);
            long now = 0;
            for (int step = 0; step < 200; step++) {
                now += random.nextInt(3);
                InfoWindow.Entry e = new InfoWindow.Entry(random.nextInt(11), 1, 1, 0, 0, 0, now - random.nextInt(60));
                boolean news = e.node() != 0 && reference.merge(e, now); // node 0 is the window's own
                assertEquals(news, window.merge(e, now), "trial " + trial + ", step " + step + ": " + e);
                if (random.nextInt(10) == 0) {
                    long t = now;
                    window.age(t);
                    reference.entries.values().removeIf(x -> t - x.stamp() > 50);
                }
                assertEquals(reference.ordered(), window.entries(), "trial " + trial + ", step " + step);
            }
        }
    }
}
