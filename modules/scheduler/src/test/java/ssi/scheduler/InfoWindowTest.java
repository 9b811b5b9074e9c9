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
