package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssi.api.ClusterView;
import ssi.api.NodeLoad;
import ssi.api.ProcessInfo;
import ssi.api.ProcessView;
import ssi.api.Proposal;
import ssi.api.Signal;
import ssi.synthetic.Workload;
import ssi.synthetic.Workload.Distribution;

/**
 * Cruising changes how fast synthetic processes run on the host, never what they do: the same
 * study with and without it gives the same trace (every spawn, call, migration and exit at the same
 * virtual time), the same work and the same CPU samples, with far fewer slices.
 */
class CruiseTest extends LabTest {
    private record Outcome(List<String> trace, List<String> processes, List<Double> cpu, List<String> usage, long slices) {}

    @Test
    void cruisingGivesTheSameTraceWithFewerSlices(@TempDir Path dir) throws Exception {
        Image image = ImageGenerator.write(new ImageGenerator.Spec("cruise", 20, Distribution.parse("uniform:1:3"),
                Distribution.parse("uniform:1:2"), Distribution.parse("uniform:256:1024"), 3, "greedy", 10, lab), dir);
        Outcome sliced = run(image, false);
        Outcome cruised = run(image, true);
        assertEquals(sliced.trace(), cruised.trace());
        assertEquals(sliced.processes(), cruised.processes());
        assertEquals(sliced.usage(), cruised.usage());
        for (int i = 0; i < sliced.cpu().size(); i++) { // CPU time is summed in other steps: equal to rounding
            assertEquals(sliced.cpu().get(i), cruised.cpu().get(i), 1e-9 * Math.max(1, sliced.cpu().get(i)));
        }
        assertTrue(sliced.trace().stream().anyMatch(l -> l.contains("migrated")), "processes moved");
        assertTrue(sliced.trace().stream().anyMatch(l -> l.contains("exit pid=")), "processes ended");
        assertTrue(cruised.slices() * 5 < sliced.slices(), "cruising ran " + cruised.slices() + " slices, slicing " + sliced.slices());
    }

    /** Sends the process that used the most CPU lately to the least loaded node it knows of, if that is 1 less loaded. */
    private static List<Proposal> greedy(ClusterView view) {
        Optional<NodeLoad> least = view.window().stream().min(Comparator.comparingDouble(NodeLoad::load).thenComparingInt(NodeLoad::node));
        Optional<ProcessView> busiest = view.processes().stream().filter(ProcessView::movable)
                .max(Comparator.comparingDouble(ProcessView::cpu).thenComparingInt(ProcessView::pid));
        if (least.isEmpty() || busiest.isEmpty() || least.get().load() + 1 >= view.self().load()) {
            return List.of();
        }
        return List.of(new Proposal(busiest.get().pid(), least.get().node(), "greedy"));
    }

    /**
     * 200 processes with calls home and memory writes; midway, from outside, a kill, a stop, a manual
     * migration, a node slowed down, a node crashed and a node added.
     */
    private Outcome run(Image image, boolean cruising) throws Exception {
        Policies policies = new Policies();
        policies.register(new PolicyTest.Scripted("greedy", 0, CruiseTest::greedy));
        try (Kernel kernel = Kernel.boot(image, 5, runtime, policies)) {
            kernel.cruises.on = cruising;
            Workload.Model model = new Workload.Model(Distribution.parse("exp:8"), Distribution.parse("uniform:1:8"),
                    Distribution.parse("exp:2"), 512, Distribution.parse("uniform:0:0.5"));
            int[] nodes = IntStream.rangeClosed(1, 20).toArray();
            for (Workload.Start s : Workload.draw(model, 200, nodes, Math.round(image.workRate()), 9)) {
                kernel.spawnSynthetic(s.node(), s.demand());
            }
            kernel.advance(3 * S);
            List<Integer> alive = kernel.ps().stream().filter(p -> p.state() != ssi.api.ProcessState.ZOMBIE).map(ProcessInfo::pid).toList();
            kernel.kill(alive.get(0), Signal.SIGKILL);
            kernel.kill(alive.get(1), Signal.SIGSTOP);
            kernel.migrate(alive.get(2), "balance");
            kernel.advance(2 * S);
            kernel.kill(alive.get(1), Signal.SIGCONT);
            kernel.setSpeed(4, 0.5); // its processes' CPU time so far at the old speed, their budgets at the new
            kernel.crash(7);
            kernel.addNode("late", 2.0, 2, 1L << 30, 1L << 26);
            kernel.advance(15 * S);
            List<ProcessInfo> ps = kernel.ps();
            return new Outcome(kernel.trace(),
                    ps.stream().map(p -> p.pid() + " " + p.state() + " " + p.where() + " work=" + p.work() + " mem=" + p.memory()).toList(),
                    ps.stream().map(ProcessInfo::cpuSeconds).toList(),
                    kernel.usage().values().stream().map(v -> v.pid() + " cpu=" + v.cpu() + " io=" + v.io()).toList(), kernel.slices.synthetic);
        }
    }
}
