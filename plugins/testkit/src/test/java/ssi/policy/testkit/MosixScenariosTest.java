package ssi.policy.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ssi.api.MigrationReason;
import ssi.kernel.KernelException;
import ssi.kernel.RunOptions;

class MosixScenariosTest extends KitTest {
    @Test
    void twentyCpuBoundProcessesSpreadOverTheClusterAndStaySpread() throws Exception {
        Figures f = kit.spread(PolicyKit.PAPER5, "mosix", Map.of(), "cpu.js", 20, 60, 1);
        System.out.println(f.summary());
        assertEquals(20, f.processes().stream().mapToInt(Integer::intValue).sum());
        assertTrue(f.ratio() <= 1.25, f.summary());
        assertEquals(0, f.migrationsAfter(40 * S), "no ping-pong once balanced: " + f.migrations());
        assertTrue(f.migrations().stream().allMatch(m -> m.reason() == MigrationReason.POLICY && m.done()));
        Figures again = kit.spread(PolicyKit.PAPER5, "mosix", Map.of(), "cpu.js", 20, 60, 1);
        assertEquals(f.trace(), again.trace(), "the same seed gives the same decisions");
    }

    @Test
    void balancedLoadsUnderTheStabilityMarginDoNotMove() throws Exception {
        // One process per node of equal speed 2.4 (nodes 2, 4, 5): no node is loaded enough to send.
        Figures f = kit.run(PolicyKit.PAPER5, "mosix", Map.of(), 1, k -> {
            for (int node : List.of(2, 4, 5)) {
                k.spawn(1, "cpu.js", List.of(), new RunOptions(node, false, RunOptions.Mode.STRICT));
            }
            k.advance(20 * S);
        });
        assertEquals(List.of(0, 1, 0, 1, 1), f.processes());
        assertEquals(List.of(), f.migrations());
    }

    @Test
    void memoryUsheringFreesANodeBelowThreshold() throws Exception {
        // Four 50 MB processes fill node 1 (256 MB) to 78%: below 25% free, mosix sends the largest away.
        Figures f = kit.run(PolicyKit.PAPER5, "mosix", Map.of("margin", "100"), 1, k -> {
            for (int i = 0; i < 4; i++) {
                k.spawn(1, "mem.js", List.of(String.valueOf(50 << 20)), RunOptions.DEFAULT);
            }
            k.advance(30 * S);
        });
        assertTrue(f.freeMemory().getFirst() >= 256L * (1 << 20) / 4, f.freeMemory().toString());
        assertTrue(f.migrations().stream().anyMatch(m -> m.from() == 1 && m.done()), f.migrations().toString());
    }

    @Test
    void aMemoryHeavyProcessStaysWhereMovingItCostsMoreThanItGains() throws Exception {
        // The paper's Test 3: two processes on node 1, one of them holding 200 MB of dirty memory
        // (16 s to send at 100 Mbit/s); only the small one moves.
        Figures f = kit.run(PolicyKit.PAPER5, "mosix", Map.of(), 1, k -> {
            int big = k.spawn(1, "mem.js", List.of(String.valueOf(200 << 20), String.valueOf(200 << 20)),
                    new RunOptions(5, false, RunOptions.Mode.STRICT));
            k.spawn(5, "cpu.js", List.of(), new RunOptions(RunOptions.HOME, true, RunOptions.Mode.STRICT));
            k.advance(10 * S);
            assertEquals(5, PolicyKit.process(k, big).where(), "the big one stays on node 5");
        });
        assertEquals(List.of(), f.migrations());
    }

    @Test
    void badSettingsAreRefusedByName() {
        KernelException e = assertThrows(KernelException.class,
                () -> kit.spread(PolicyKit.PAPER5, "mosix", Map.of("margin", "banana"), "cpu.js", 1, 1, 1));
        assertEquals("mosix: setting 'margin' must be a number, got 'banana'", e.getMessage());
        e = assertThrows(KernelException.class, () -> kit.spread(PolicyKit.PAPER5, "mosix", Map.of("speed", "2"), "cpu.js", 1, 1, 1));
        assertTrue(e.getMessage().startsWith("mosix: unknown setting(s) [speed]"), e.getMessage());
    }

    @Test
    void anIoBoundProcessMovesToTheNodeHoldingItsFile() throws Exception {
        anIoBoundProcessGoesToItsFile("mosix");
        Figures off = kit.run(PolicyKit.PAPER5, "mosix", Map.of("io_gain", "2"), 1, k -> {
            k.spawn(1, "reader.js", List.of("/mfs/3/data"));
            k.advance(20 * S);
        });
        assertTrue(off.migrations().stream().noneMatch(m -> m.to() == 3),
                "without the I/O rule it only goes to a faster node, its reads still crossing the network: " + off.migrations());
    }

    @Test
    void aPipelineOfProducerAndConsumer() throws Exception {
        Figures f = aPipeline("mosix");
        // MOSIX moves the producer to a faster idle node, so that every write goes through its deputy:
        // the pathology the paper reports (its IPC forwarded through home).
        assertTrue(f.migrations().stream().anyMatch(m -> m.done() && m.from() == 1), f.migrations().toString());
    }

    @Test
    void aNodeAddedWhileProcessesRunIsFoundByGossipAndUsed() throws Exception {
        Figures f = kit.run(PolicyKit.PAPER5, "mosix", Map.of(), 1, k -> {
            for (int i = 0; i < 10; i++) {
                k.spawn(1, "cpu.js", List.of());
            }
            k.advance(30 * S);
            assertEquals(6, k.addNode("node6", 4.8, 2, 512L << 20, 64L << 20));
            k.advance(30 * S);
        });
        System.out.println(f.summary());
        assertTrue(f.migrations().stream().anyMatch(m -> m.to() == 6 && m.done()), "balancing used the new node: " + f.migrations());
        assertTrue(f.processes().get(5) >= 2, "the new node is the fastest: it takes its share: " + f.processes());
        assertEquals(10, f.processes().stream().mapToInt(Integer::intValue).sum(), "none lost");
    }

    /** The admin switches as MOSIX defines them: a quiet node is never heard of, so nothing is sent to it; a node that stays sends nothing away. */
    @Test
    void quietAndStayNodesAreLeftAlone() throws Exception {
        Figures quiet = kit.run(PolicyKit.PAPER5, "mosix", Map.of(), 1, k -> {
            k.setAdmin(5, "quiet", true);
            for (int i = 0; i < 10; i++) {
                k.spawn(1, "cpu.js", List.of());
            }
            k.advance(30 * S);
        });
        assertEquals(0, quiet.processes().get(4), "node 5 said nothing of itself: " + quiet.processes());
        assertTrue(quiet.migrations().size() > 3, "the others were used: " + quiet.migrations());
        Figures stay = kit.run(PolicyKit.PAPER5, "mosix", Map.of(), 1, k -> {
            k.setAdmin(1, "stay", true);
            for (int i = 0; i < 10; i++) {
                k.spawn(1, "cpu.js", List.of());
            }
            k.advance(30 * S);
        });
        assertEquals(List.of(10, 0, 0, 0, 0), stay.processes(), "node 1 stays: nothing leaves it automatically");
        assertEquals(List.of(), stay.migrations());
    }
}
