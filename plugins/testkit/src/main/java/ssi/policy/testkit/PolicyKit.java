package ssi.policy.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ssi.api.Migration;
import ssi.api.NodeInfo;
import ssi.api.NodeSpec;
import ssi.api.PolicyProvider;
import ssi.api.ProcessInfo;
import ssi.guest.GuestRuntime;
import ssi.kernel.Image;
import ssi.kernel.Kernel;
import ssi.kernel.KernelException;
import ssi.kernel.KernelListener;
import ssi.kernel.Policies;

/**
 * Runs a policy through standard scenarios on a real cluster (guest programs, the kernel's
 * information and migration mechanisms) and reports {@link Figures}. For plugin authors' tests:
 * <pre>{@code
 * try (PolicyKit kit = new PolicyKit(new MyProvider())) {
 *     Figures f = kit.spread(PolicyKit.PAPER5, "mine", Map.of(), "cpu.js", 20, 60, 1);
 *     assertTrue(f.ratio() < 1.5, f.summary());
 * }
 * }</pre>
 */
public final class PolicyKit implements AutoCloseable {
    /** The seed paper's five-node cluster, from a plugin's directory in this repository. */
    public static final Path PAPER5 = Path.of("../../images/paper5");
    private static final long S = 1_000_000_000L;

    /** A workload: what to start and do on the booted cluster before the figures are taken. */
    public interface Scenario {
        void run(Kernel kernel) throws KernelException;
    }

    private final GuestRuntime runtime = new GuestRuntime();
    private final Policies policies = Policies.discover();

    /** A kit that knows the plugins on the module path and these. */
    public PolicyKit(PolicyProvider... providers) throws KernelException {
        for (PolicyProvider p : providers) {
            if (!policies.names().contains(p.name())) {
                policies.register(p);
            }
        }
    }

    /** {@code copies} of {@code program} started at node 1 under the policy, then {@code seconds} of virtual time. */
    public Figures spread(Path image, String policy, Map<String, String> settings, String program, int copies,
                          long seconds, long seed) throws Exception {
        return run(image, policy, settings, seed, kernel -> {
            for (int i = 0; i < copies; i++) {
                kernel.spawn(1, program, List.of());
            }
            kernel.advance(seconds * S);
        });
    }

    /** Boots {@code image}, switches to the policy, runs the scenario, and takes the figures. */
    public Figures run(Path image, String policy, Map<String, String> settings, long seed, Scenario scenario) throws Exception {
        List<Migration> moves = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        // Boot with no policy, so that the image's own default need not be loaded, then switch.
        try (Kernel kernel = Kernel.boot(Image.load(image).withPolicy(Policies.NONE), seed, runtime, policies)) {
            kernel.addListener(new KernelListener() {
                @Override
                public void migrated(Migration m) {
                    moves.add(m);
                }

                @Override
                public void notice(long time, String text) {
                    notices.add(text);
                }
            });
            kernel.usePolicy(policy, settings);
            scenario.run(kernel);
            List<NodeInfo> nodes = kernel.nodes();
            List<Integer> counts = new ArrayList<>();
            double maxLoad = 0;
            for (NodeInfo n : nodes) {
                int here = (int) kernel.ps().stream().filter(p -> p.where() == n.spec().id()).count();
                counts.add(here);
                maxLoad = Math.max(maxLoad, here / capacity(n.spec()));
            }
            int total = kernel.ps().size();
            return new Figures(policy, counts, nodes.stream().map(NodeInfo::freeMemory).toList(), maxLoad,
                    bestMaxLoad(nodes.stream().map(NodeInfo::spec).toList(), total), List.copyOf(moves), notices, kernel.trace());
        }
    }

    private static double capacity(NodeSpec n) {
        return n.speed() * n.cpus();
    }

    /** The least possible highest load for {@code k} equal processes (1 for none). */
    static double bestMaxLoad(List<NodeSpec> nodes, int k) {
        double max = ssi.api.Balance.bestMaxLoad(nodes.stream().mapToDouble(PolicyKit::capacity).toArray(), k);
        return max == 0 ? 1 : max;
    }

    /** A process snapshot by pid, for scenario checks. */
    public static ProcessInfo process(Kernel kernel, int pid) {
        return kernel.process(pid).orElseThrow(() -> new AssertionError("no process " + pid));
    }

    @Override
    public void close() {
        runtime.close();
    }
}
