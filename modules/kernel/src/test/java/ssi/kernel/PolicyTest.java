package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import ssi.api.ClusterView;
import ssi.api.MigrationReason;
import ssi.api.NodeLoad;
import ssi.api.Policy;
import ssi.api.PolicyProvider;
import ssi.api.ProcessView;
import ssi.api.Proposal;
import ssi.api.Signal;

/** Load information, gossip and the policy host, with small policies written here against the SPI. */
class PolicyTest extends LabTest {

    /**
     * A policy built from a balancing function; it records every view it was given, by node (in a
     * concurrent map: nodes' instances are called on several threads at once).
     */
    static final class Scripted implements PolicyProvider {
        final String name;
        final Function<ClusterView, List<Proposal>> balance;
        final int placeAt;
        final Map<Integer, List<ClusterView>> seen = new java.util.concurrent.ConcurrentSkipListMap<>();

        Scripted(String name, int placeAt, Function<ClusterView, List<Proposal>> balance) {
            this.name = name;
            this.placeAt = placeAt;
            this.balance = balance;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Policy create(Map<String, String> settings) {
            return new Policy() {
                @Override
                public OptionalInt place(ClusterView view, ProcessView process) {
                    return placeAt == 0 ? OptionalInt.empty() : OptionalInt.of(placeAt);
                }

                @Override
                public List<Proposal> balance(ClusterView view) {
                    seen.computeIfAbsent(view.self().node(), n -> new ArrayList<>()).add(view);
                    return balance.apply(view);
                }

                @Override
                public List<Proposal> usher(ClusterView view) {
                    return List.of();
                }
            };
        }
    }

    static LabRun run(PolicyProvider... providers) throws KernelException {
        Policies policies = new Policies();
        for (PolicyProvider p : providers) {
            policies.register(p);
        }
        return new LabRun(lab, runtime, 1, policies);
    }

    @Test
    void theLoadIndexFollowsTheMosixFiltersAndGossipCarriesTheExportedValue() throws Exception {
        Scripted watch = new Scripted("watch", 0, v -> List.of());
        try (LabRun r = run(watch)) {
            r.kernel.usePolicy("watch", Map.of());
            int a = r.kernel.spawn(1, "cpu.js", List.of());
            int b = r.kernel.spawn(1, "cpu.js", List.of());
            r.kernel.spawn(2, "cpu.js", List.of());
            r.kernel.advance(1 * S);
            assertEquals(3.0 / 8 * 2, r.kernel.nodes().get(0).loadIndex(), 1e-12, "two runnable on speed 1: rising slowly");
            assertEquals(3.0 / 8 * 0.5, r.kernel.nodes().get(1).loadIndex(), 1e-12, "one runnable on speed 2");
            r.kernel.kill(a, Signal.SIGKILL);
            r.kernel.kill(b, Signal.SIGKILL);
            r.kernel.advance(1 * S);
            assertEquals(0.0, r.kernel.nodes().get(0).loadIndex(), "falling at once");
            r.kernel.advance(8 * S);
            // Every node has heard of others (window of 2 in a 4-node cluster), with their exported loads.
            for (int node = 1; node <= 4; node++) {
                List<NodeLoad> window = watch.seen.get(node).getLast().window();
                assertEquals(2, window.size(), "node " + node + ": " + window);
                assertTrue(window.stream().allMatch(e -> e.node() != 0 && e.age() >= 0 && e.age() <= 8 * S), window.toString());
            }
            NodeLoad fast = watch.seen.values().stream().flatMap(List::stream).flatMap(v -> v.window().stream())
                    .filter(e -> e.node() == 2).findFirst().orElseThrow();
            assertEquals(0.5, fast.load(), 1e-12, "node 2 exports one CPU-bound process on speed 2");
            assertEquals(2.0, fast.speed());
        }
    }

    @Test
    void policiesSeeEachProcesssCpuDemandAndIoRate() throws Exception {
        Scripted watch = new Scripted("watch", 0, v -> List.of());
        try (LabRun r = run(watch)) {
            r.kernel.usePolicy("watch", Map.of());
            int cpu = r.kernel.spawn(1, "cpu.js", List.of());
            int io = r.kernel.spawn(1, "io.js", List.of("1000000"));
            int sleepy = r.kernel.spawn(1, "mem.js", List.of("4096"));
            r.kernel.advance(1 * S);
            Map<Integer, ProcessView> seen = new TreeMap<>();
            watch.seen.get(1).getLast().processes().forEach(p -> seen.put(p.pid(), p));
            assertEquals(1.0, seen.get(cpu).cpu(), 1e-12, "always runnable, though it had half the CPU");
            assertEquals(0.0, seen.get(cpu).io());
            assertTrue(seen.get(io).io() > 1000, "terminal writes at home count as I/O: " + seen.get(io));
            assertTrue(seen.get(sleepy).cpu() < 0.05, "asleep most of the time: " + seen.get(sleepy));
            r.kernel.kill(io, Signal.SIGKILL);
        }
    }

    @Test
    void placementAndBalancingAreProposedByThePolicyAndDisposedByTheKernel() throws Exception {
        Scripted toFast = new Scripted("to-fast", 2, v -> v.processes().stream()
                .map(p -> new Proposal(p.pid(), 3, "test")).toList());
        try (LabRun r = run(toFast)) {
            r.kernel.usePolicy("to-fast", Map.of());
            int free = r.kernel.spawn(1, "cpu.js", List.of());
            int locked = r.kernel.spawn(1, "cpu.js", List.of(), new RunOptions(RunOptions.HOME, true, RunOptions.Mode.STRICT));
            r.kernel.advance(900 * MS);
            assertEquals(2, r.info(free).where(), "placed at creation");
            assertEquals(MigrationReason.POLICY, r.moves.getFirst().reason());
            assertEquals(1, r.info(locked).where(), "a locked process is not placed");
            r.kernel.advance(1100 * MS);
            assertEquals(2, r.info(free).where(), "not moved again before its minimum residence (2 s)");
            r.kernel.advance(2 * S);
            assertEquals(3, r.info(free).where(), "then balancing moves it");
            assertEquals(1, r.info(locked).where(), "a lock holds against the policy");
        }
    }

    @Test
    void aBrokenPolicyIsReportedAndTheClusterGoesOnWithThePreviousOne() throws Exception {
        Scripted good = new Scripted("good", 0, v -> List.of());
        Scripted thrower = new Scripted("thrower", 0, v -> {
            throw new IllegalStateException("boom");
        });
        Scripted nonsense = new Scripted("nonsense", 0, v -> List.of(new Proposal(999, 1, "?")));
        Scripted looper = new Scripted("looper", 0, v -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait(); // stuck until the host gives up on it
            }
            return List.of();
        });
        try (LabRun r = run(good, thrower, nonsense, looper)) {
            List<String> notices = new ArrayList<>();
            r.kernel.addListener(new KernelListener() {
                @Override
                public void notice(long time, String text) {
                    notices.add(text);
                }
            });
            int pid = r.kernel.spawn(1, "cpu.js", List.of());
            r.kernel.usePolicy("good", Map.of());
            for (String broken : List.of("thrower", "nonsense", "looper")) {
                r.kernel.usePolicy(broken, Map.of());
                r.kernel.advance(1 * S);
                assertEquals("good", r.kernel.policy(), broken);
            }
            assertEquals(3, notices.size(), notices.toString());
            assertEquals("policy thrower at node 1: balance failed: boom; back to good", notices.get(0));
            assertTrue(notices.get(1).startsWith("policy nonsense at node 1: balance proposed Proposal[pid=999, node=1, why=?]"), notices.get(1));
            assertTrue(notices.get(2).startsWith("policy looper at node 1: balance took more than"), notices.get(2));
            assertTrue(r.kernel.exitStatus(pid).isEmpty(), "the cluster went on");
            assertTrue(good.seen.get(4).size() >= 3, "the good policy ran on after each failure");
            KernelException e = assertThrows(KernelException.class, () -> r.kernel.usePolicy("missing", Map.of()));
            assertTrue(e.getMessage().startsWith("no policy 'missing' (loaded: good, looper, nonsense, thrower, none)"), e.getMessage());
        }
    }
}
