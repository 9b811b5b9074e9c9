package ssi.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InformationTest {
    static final long S = 1_000_000_000L;

    @Test
    void restingPeriodsLeaveTheLoadIndexAsIdlePeriodsDoAndAnyNumberPassesAtOnce() {
        LoadIndex stepped = new LoadIndex(), rested = new LoadIndex();
        for (LoadIndex x : List.of(stepped, rested)) {
            x.tick(5);
            x.update(1, 1);
            x.tick(0); // a quantum of the period that rests
        }
        for (int i = 0; i < 10_000; i++) { // past where the exported value stops falling (its smallest double)
            stepped.update(1, 1);
        }
        rested.rest(Long.MAX_VALUE);
        double floor = stepped.exported();
        stepped.update(1, 1);
        assertTrue(floor > 0 && stepped.exported() == floor, "it never reaches 0: at its smallest, (7 x) / 8 rounds back to x");
        assertEquals(List.of(stepped.sample(), stepped.local(), stepped.exported()), List.of(rested.sample(), rested.local(), rested.exported()));
        LoadIndex few = new LoadIndex();
        few.tick(2);
        few.update(1, 1);
        few.rest(3);
        assertEquals(2 * 343.0 / 512, few.exported(), "three idle periods: (7/8)^3");
    }

    @Test
    void theLoadIndexFollowsTheMosixFiltersExactly() {
        LoadIndex x = new LoadIndex();
        for (int i = 0; i < 100; i++) {
            x.tick(i < 50 ? 2 : 4); // a mean of 3 runnable processes
        }
        x.update(1.5, 2); // sample 3 / 3 = 1.0
        assertEquals(1.0, x.sample());
        assertEquals(3.0 / 8, x.local(), "rising: (5·0 + 3·1) / 8");
        assertEquals(1.0, x.exported(), "rising: at once");
        x.tick(3);
        x.update(1.5, 2);
        assertEquals((5 * 3.0 / 8 + 3) / 8, x.local());
        assertEquals(1.0, x.exported());
        x.update(1.5, 2); // an idle period: sample 0
        assertEquals(0.0, x.local(), "falling: at once");
        assertEquals(7.0 / 8, x.exported(), "falling: (7·1 + 0) / 8");
        x.update(1.5, 2);
        assertEquals(49.0 / 64, x.exported());
    }

    @Test
    void windowsKeepTheFreshestEntriesAndDropStaleOnes() {
        InfoWindow w = new InfoWindow(1, 2, 10 * S);
        assertTrue(w.merge(entry(2, 0.5, 1 * S), 2 * S));
        assertTrue(w.merge(entry(3, 0.7, 2 * S), 2 * S));
        assertFalse(w.merge(entry(2, 0.9, 0), 2 * S), "older than what it knows");
        assertFalse(w.merge(entry(1, 0.9, 2 * S), 2 * S), "its own node");
        assertFalse(w.merge(entry(4, 0.9, 3 * S), 2 * S), "from the future");
        assertTrue(w.merge(entry(4, 0.9, 2 * S), 2 * S));
        assertEquals(List.of(3, 4), w.entries().stream().map(InfoWindow.Entry::node).toList(), "size 2: node 2 was the stalest");
        assertFalse(w.merge(entry(5, 0.1, 0), 11 * S), "older than the maximum age");
        w.age(12 * S + 1);
        assertTrue(w.entries().isEmpty());
    }

    @Test
    void gossipReachesEveryNodeAndAgesOutADepartedOne() {
        int n = 16;
        Gossip g = new Gossip(4, 8 * S, 42);
        for (int i = 1; i <= n; i++) {
            g.join(i);
        }
        boolean[][] heard = new boolean[n + 1][n + 1];
        for (int round = 0; round < 30; round++) {
            long now = round * S;
            for (Gossip.Message m : g.round(now, node -> entry(node, node / 10.0, now))) {
                g.deliver(m, now);
                g.window(m.to()).entries().forEach(e -> heard[m.to()][e.node()] = true);
            }
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= n; j++) {
                assertTrue(i == j || heard[i][j], i + " heard of " + j);
            }
            assertEquals(4, g.window(i).entries().size());
        }
        g.leave(7);
        for (int round = 30; round < 45; round++) {
            long now = round * S;
            g.round(now, node -> entry(node, 0, now)).forEach(m -> g.deliver(m, now));
        }
        for (int i = 1; i <= n; i++) {
            if (i != 7) {
                assertFalse(g.window(i).knows(7), i + " forgot the departed node");
            }
        }
    }

    @Test
    void messagesDeliveredTogetherLeaveEveryWindowAsDeliveredOneByOne() {
        int n = 2_000; // enough messages a period for the receivers to be split among threads
        Gossip together = joined(n), oneByOne = joined(n);
        for (int round = 0; round < 12; round++) {
            long now = round * S;
            java.util.function.IntFunction<InfoWindow.Entry> own = changingLoads(now);
            List<Gossip.Message> messages = together.round(now, own);
            long[] arrivals = new long[messages.size()];
            for (int i = 0; i < arrivals.length; i++) {
                arrivals[i] = now + i % 3; // arrivals apart, in order, as the kernel gives them
            }
            together.deliver(messages, arrivals);
            List<Gossip.Message> same = oneByOne.round(now, own);
            for (int i = 0; i < same.size(); i++) {
                oneByOne.deliver(same.get(i), arrivals[i]);
            }
        }
        assertSameWindows(oneByOne, together, n);
        assertEquals(7, together.window(n).size());
    }

    @Test
    void aRoundSplitAmongThreadsSendsWhatOneThreadWould() {
        int n = 1_000;
        Gossip split = joined(n), whole = joined(n);
        for (int round = 0; round < 16; round++) {
            long now = round * S;
            java.util.function.IntFunction<InfoWindow.Entry> own = changingLoads(now);
            List<Gossip.Message> parts = split.round(now, own, 7), one = whole.round(now, own, 1); // 7: parts of unequal size
            assertEquals(one.stream().map(InformationTest::describe).toList(), parts.stream().map(InformationTest::describe).toList(),
                    "round " + round);
            assertTrue(one.size() >= n, "every node sends at least outside its window, round " + round);
            for (int i = 0; i < one.size(); i++) {
                split.deliver(parts.get(i), now);
                whole.deliver(one.get(i), now);
            }
        }
        assertSameWindows(whole, split, n);
    }

    private static String describe(Gossip.Message m) {
        return m.from() + ">" + m.to() + " " + m.entries();
    }

    /** Gossip among nodes 1 to {@code n}, windows of 7, seed 5. */
    private static Gossip joined(int n) {
        Gossip g = new Gossip(7, 8 * S, 5);
        for (int i = 1; i <= n; i++) {
            g.join(i);
        }
        return g;
    }

    /** Each node's own entry at {@code now}: loads that differ between nodes and change every second. */
    private static java.util.function.IntFunction<InfoWindow.Entry> changingLoads(long now) {
        return node -> entry(node, (node * 31 + now / S) % 17 / 10.0, now);
    }

    private static void assertSameWindows(Gossip expected, Gossip actual, int n) {
        for (int i = 1; i <= n; i++) {
            assertEquals(expected.window(i).entries(), actual.window(i).entries(), "node " + i + "'s window");
        }
    }

    @Test
    void gossipIsDeterministicForASeedAndSpreadsNewsInAFewPeriods() {
        assertEquals(Gossip.periodsToReach99(128, 7, 1), Gossip.periodsToReach99(128, 7, 1));
        int periods = Gossip.periodsToReach99(128, 7, 1);
        assertTrue(periods > 0 && periods < 60, "periods: " + periods);
    }

    static InfoWindow.Entry entry(int node, double load, long stamp) {
        return new InfoWindow.Entry(node, 1, 1, load, 0, 0, stamp);
    }
}
