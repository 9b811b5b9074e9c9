package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ssi.api.NodeLoad;
import ssi.api.Proposal;
import ssi.synthetic.Demand;

/** Every advance returns: an idle cluster passes any span at once, with the same outcome as quantum by quantum; Ctrl-C stops one. */
class AdvanceTest extends LabTest {

    @Test
    void anIdleClusterPassesAnySpanAtOnceUpToTheClocksEnd() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            long last = Kernel.END_OF_TIME / (10 * MS) * (10 * MS); // the last quantum boundary of the clock
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> r.kernel.advance(last));
            assertEquals(last, r.kernel.now());
            IllegalArgumentException past = assertThrows(IllegalArgumentException.class, () -> r.kernel.advance(1));
            assertEquals("the virtual clock ends at t=4611686018.427387904 (2^62 ns, about 146 years): from t=4611686018.420000000, "
                    + "1 ns (in whole quanta of 10.000ms) go past it", past.getMessage());
            IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> r.kernel.advance(-5));
            assertEquals("a span of virtual time cannot be negative, got -5 ns", negative.getMessage());
        }
    }

    @Test
    void restingPeriodsPassTheSameAtOnceAsQuantumByQuantum() throws Exception {
        List<String> atOnce = run(r -> r.kernel.advance(40 * S));
        List<String> byQuanta = run(r -> {
            for (int i = 0; i < 4_000; i++) {
                r.kernel.tick(); // as the realtime clock runs it: no jump
            }
        });
        List<String> byChunks = run(r -> {
            while (r.kernel.now() < 40 * S) {
                r.kernel.advance(Math.min(333 * MS, 40 * S - r.kernel.now()));
            }
        });
        assertEquals(atOnce, byQuanta);
        assertEquals(atOnce, byChunks);
        assertTrue(atOnce.stream().anyMatch(l -> l.contains("migrated")), "the second burst is balanced: " + atOnce);
    }

    /**
     * Three short jobs, then nothing until {@code idle} has passed 40 s (the cluster learns while
     * idle for 16 periods, as gossip keeps information that long in a 4-node cluster, then rests),
     * then four longer ones balanced by a policy that sends a node's first process to the least
     * loaded node its window knows (so what gossip carried shows in the trace): the trace and each
     * node's load index.
     */
    private static List<String> run(java.util.function.Consumer<LabRun> idle) throws Exception {
        PolicyTest.Scripted spread = new PolicyTest.Scripted("spread", 0, v -> v.processes().size() < 2 || v.window().isEmpty() ? List.of()
                : List.of(new Proposal(v.processes().getFirst().pid(), v.window().stream().min(java.util.Comparator.comparingDouble(NodeLoad::load)
                        .thenComparingInt(NodeLoad::node)).orElseThrow().node(), "least loaded")));
        try (LabRun r = PolicyTest.run(spread)) {
            r.kernel.usePolicy("spread", java.util.Map.of());
            for (int i = 0; i < 3; i++) {
                r.kernel.spawnSynthetic(1, new Demand(2_000_000, 1 << 20, 0, 0, 0, 0)); // half a second of work
            }
            idle.accept(r);
            assertEquals(40 * S, r.kernel.now());
            List<String> out = new ArrayList<>(loadIndexes(r));
            for (int i = 0; i < 4; i++) {
                r.kernel.spawnSynthetic(1, new Demand(12_000_000, 1 << 20, 0, 0, 0, 0));
            }
            r.kernel.advance(4_500 * MS);
            out.addAll(r.kernel.trace());
            out.addAll(loadIndexes(r));
            return out;
        }
    }

    private static List<String> loadIndexes(LabRun r) {
        return r.kernel.nodes().stream().map(n -> n.spec().name() + " load index " + n.loadIndex()).toList();
    }

    @Test
    void anInterruptStopsTheRunningAdvanceAtTheNextQuantumBoundaryOnly() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            interruptOnOutput(r);
            r.kernel.spawn(1, "cpu.js", List.of());
            int hello = r.kernel.spawn(2, "hello.js", List.of());
            r.kernel.advance(3_600 * S); // an hour of a busy cluster: stopped in the quantum hello.js writes in
            assertEquals(10 * MS, r.kernel.now());
            assertEquals(0, r.kernel.exitStatus(hello).orElseThrow());
            r.kernel.advance(100 * MS);
            assertEquals(110 * MS, r.kernel.now(), "an interrupt stops only the loop it came during");
            int again = r.kernel.spawn(2, "hello.js", List.of());
            int cpu = r.kernel.spawn(3, "cpu.js", List.of());
            assertTrue(r.kernel.runUntilExit(cpu, 3_600 * S).isEmpty(), "runUntilExit stops too");
            assertEquals(120 * MS, r.kernel.now());
            assertEquals(0, r.kernel.exitStatus(again).orElseThrow());
        }
    }

    /** Calls interrupt from a listener, as Ctrl-C from another thread would, while the kernel's loop runs. */
    private static void interruptOnOutput(LabRun r) {
        r.kernel.addListener(new KernelListener() {
            @Override
            public void output(Output o) {
                r.kernel.interrupt();
            }
        });
    }
}
