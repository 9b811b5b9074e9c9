package ssi.policy.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ssi.api.Migration;
import ssi.api.MigrationReason;
import ssi.kernel.KernelException;
import ssi.kernel.RunOptions;

class OpportunityCostScenariosTest extends KitTest {
    @Test
    void twentyCpuBoundProcessesSpreadByMarginalCostAndStaySpread() throws Exception {
        Figures f = kit.spread(PolicyKit.PAPER5, "opportunity-cost", Map.of(), "cpu.js", 20, 60, 1);
        System.out.println(f.summary());
        assertEquals(20, f.processes().stream().mapToInt(Integer::intValue).sum());
        // The best is 5 processes on a 2.4 node (load 2.08). With exact news, a 30% margin at beta = 10
        // leaves only best spreads stable (every spread of 20 enumerated); 1.25 allows one process left
        // over by stale news (6 on a 2.4 node: 2.5 / 2.08 = 1.2). We saw 1.00: [3, 5, 3, 4, 5].
        assertTrue(f.ratio() <= 1.25, f.summary());
        assertEquals(0, f.migrationsAfter(40 * S), "stable once spread: " + f.migrations());
        assertTrue(f.migrations().stream().allMatch(m -> m.reason() == MigrationReason.POLICY && m.done()), f.migrations().toString());
        Figures again = kit.spread(PolicyKit.PAPER5, "opportunity-cost", Map.of(), "cpu.js", 20, 60, 1);
        assertEquals(f.trace(), again.trace(), "the same seed gives the same decisions");
    }

    @Test
    void newProcessesArePlacedWhereTheirMarginalCostIsLeast() throws Exception {
        // Once gossip has told node 1 of idle nodes, new processes leave at birth, before balancing
        // could move any of them (the kernel's 2 s minimum residence).
        Figures f = kit.run(PolicyKit.PAPER5, "opportunity-cost", Map.of(), 1, k -> {
            k.advance(5 * S);
            for (int i = 0; i < 4; i++) {
                k.spawn(1, "cpu.js", List.of());
            }
            k.advance(S / 2);
        });
        assertTrue(f.processes().getFirst() <= 2, f.summary());
        assertTrue(f.migrations().stream().filter(m -> m.from() == 1 && m.requested() == 5 * S).count() >= 2, f.migrations().toString());
    }

    @Test
    void memoryIsPricedSoAFullNodeShedsProcessesOnceTheyAreOldEnoughToRepayTheMove() throws Exception {
        // Four 50 MB processes fill node 1 (256 MB) to 80%: memory costs less on emptier, larger nodes.
        // Each move freezes one for about 4.3 s, so none goes before it is 4 times that old (freeze_limit 0.25).
        Figures f = kit.run(PolicyKit.PAPER5, "opportunity-cost", Map.of(), 1, k -> {
            for (int i = 0; i < 4; i++) {
                k.spawn(1, "mem.js", List.of(String.valueOf(50 << 20)), RunOptions.DEFAULT);
            }
            k.advance(30 * S);
        });
        assertTrue(f.freeMemory().getFirst() >= 256L * (1 << 20) / 2, f.summary() + " " + f.freeMemory());
        List<Migration> away = f.migrations().stream().filter(m -> m.from() == 1).toList();
        assertFalse(away.isEmpty(), f.migrations().toString());
        assertTrue(away.stream().allMatch(m -> m.done() && m.frozen() <= 0.25 * m.requested()), away.toString());
    }

    @Test
    void badSettingsAreRefusedByName() {
        KernelException e = assertThrows(KernelException.class,
                () -> kit.spread(PolicyKit.PAPER5, "opportunity-cost", Map.of("margin", "banana"), "cpu.js", 1, 1, 1));
        assertEquals("opportunity-cost: setting 'margin' must be a number, got 'banana'", e.getMessage());
        e = assertThrows(KernelException.class,
                () -> kit.spread(PolicyKit.PAPER5, "opportunity-cost", Map.of("speed", "2"), "cpu.js", 1, 1, 1));
        assertTrue(e.getMessage().startsWith("opportunity-cost: unknown setting(s) [speed]"), e.getMessage());
        e = assertThrows(KernelException.class,
                () -> kit.spread(PolicyKit.PAPER5, "opportunity-cost", Map.of("beta", "1"), "cpu.js", 1, 1, 1));
        assertEquals("opportunity-cost: setting 'beta' must be above 1 (or 0 for 2n), got 1.0", e.getMessage());
    }

    @Test
    void anIoBoundProcessMovesToTheNodeHoldingItsFile() throws Exception {
        anIoBoundProcessGoesToItsFile("opportunity-cost");
    }

    @Test
    void aPipelineOfProducerAndConsumer() throws Exception {
        Figures f = aPipeline("opportunity-cost");
        // Each write away would wait on its deputy longer than the faster CPU saves: they stay together.
        assertEquals(List.of(), f.migrations(), "the pipeline is not split");
    }
}
