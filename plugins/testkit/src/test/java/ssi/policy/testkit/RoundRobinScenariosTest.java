package ssi.policy.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundRobinScenariosTest {
    @Test
    void dealsNewProcessesOutInTurnToTheNodesItKnows() throws Exception {
        try (PolicyKit kit = new PolicyKit()) {
            // Node 1 knows no other node before the first gossip: the first burst stays home.
            Figures burst = kit.spread(PolicyKit.PAPER5, "round-robin", Map.of(), "cpu.js", 10, 5, 1);
            assertEquals(10, burst.processes().getFirst());
            Figures later = kit.run(PolicyKit.PAPER5, "round-robin", Map.of(), 1, k -> {
                k.advance(10_000_000_000L); // windows fill
                for (int i = 0; i < 20; i++) {
                    k.spawn(1, "cpu.js", java.util.List.of());
                }
                k.advance(5_000_000_000L);
            });
            System.out.println(later.summary());
            int known = (int) later.processes().stream().filter(n -> n > 0).count();
            assertTrue(known >= 3, later.summary());
            assertTrue(later.processes().stream().allMatch(n -> n <= 20 / known + 1), "dealt evenly: " + later.summary());
            assertTrue(later.ratio() > 1.0, "blind to speed: " + later.summary());
        }
    }
}
