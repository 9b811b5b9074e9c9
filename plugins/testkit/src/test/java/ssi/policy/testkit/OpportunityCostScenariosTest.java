package ssi.policy.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import ssi.kernel.KernelException;

class OpportunityCostScenariosTest {
    static final long S = 1_000_000_000L;

    @Test
    void twentyCpuBoundProcessesSpreadByMarginalCostAndStaySpread() throws Exception {
        try (PolicyKit kit = new PolicyKit()) {
            Figures f = kit.spread(PolicyKit.PAPER5, "opportunity-cost", Map.of(), "cpu.js", 20, 60, 1);
            System.out.println(f.summary());
            assertEquals(20, f.processes().stream().mapToInt(Integer::intValue).sum());
            assertTrue(f.ratio() <= 1.25, f.summary());
            assertEquals(0, f.migrationsAfter(40 * S), "stable once balanced: " + f.migrations());
            KernelException e = assertThrows(KernelException.class,
                    () -> kit.spread(PolicyKit.PAPER5, "opportunity-cost", Map.of("beta", "1"), "cpu.js", 1, 1, 1));
            assertEquals("opportunity-cost: setting 'beta' must be above 1 (or 0 for 2n), got 1.0", e.getMessage());
        }
    }
}
