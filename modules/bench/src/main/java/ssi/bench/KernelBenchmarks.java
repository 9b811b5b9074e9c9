package ssi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import ssi.api.ClusterView;
import ssi.api.Link;
import ssi.api.NodeInfo;
import ssi.api.NodeLoad;
import ssi.api.Policy;
import ssi.api.PolicyProvider;
import ssi.api.ProcessView;
import ssi.api.Proposal;
import ssi.guest.GuestRuntime;
import ssi.kernel.Image;
import ssi.kernel.ImageGenerator;
import ssi.kernel.Kernel;
import ssi.scheduler.Gossip;
import ssi.scheduler.InfoWindow;
import ssi.synthetic.Demand;
import ssi.synthetic.Workload;
import ssi.synthetic.Workload.Distribution;

/**
 * The kernel's functions that a large study repeats: each benchmark's score is host nanoseconds
 * per unit of that work (per node per period, per decision, per process per virtual second, per
 * call, per migration), so that a study's wall time can be read off its size.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KernelBenchmarks {
    static final long SECOND = 1_000_000_000L;
    static final int GOSSIP_NODES = 1000;
    static final int CLUSTER_NODES = 1000;
    static final int CLUSTER_PROCESSES = 10_000;

    /** What generated images take their programs and settings from: the image given to {@link Microbenchmarks#run}. */
    static volatile Image base;
    /** The guest runtime the kernels share: none of them runs a guest, and their own would warm up in the background, in the measurements. */
    static volatile GuestRuntime runtime;

    /** One period of gossip among 1,000 nodes (windows of 10): every node sends its vector twice, each is merged. */
    @State(Scope.Benchmark)
    public static class Gossiping {
        Gossip gossip;
        long now;
        IntFunction<InfoWindow.Entry> own;

        @Setup(Level.Trial)
        public void setUp() {
            gossip = new Gossip(10, 4L * GOSSIP_NODES * SECOND, 1);
            IntStream.rangeClosed(1, GOSSIP_NODES).forEach(gossip::join);
            own = node -> new InfoWindow.Entry(node, 1, 1, (node * 7 + now / SECOND) % 5, 1L << 30, 1L << 31, now);
            for (int i = 0; i < 20; i++) {
                period(); // windows full
            }
        }

        void period() {
            now += SECOND;
            List<Gossip.Message> messages = gossip.round(now, own);
            long[] arrivals = new long[messages.size()];
            java.util.Arrays.fill(arrivals, now);
            gossip.deliver(messages, arrivals); // as the kernel delivers them: a period's messages together
        }
    }

    @Benchmark
    @OperationsPerInvocation(GOSSIP_NODES)
    public void gossipPerNodePeriod(Gossiping s) {
        s.period();
    }

    /**
     * The mosix policy deciding for a node that knows 14 others and runs 10 processes, a period
     * after the last decision (so that what it sent then is in the news it has heard since: each
     * decision is alike).
     */
    @State(Scope.Benchmark)
    public static class Deciding {
        Policy mosix;
        NodeLoad self;
        List<NodeLoad> window;
        List<ProcessView> processes;
        long now;

        ClusterView next() {
            now += SECOND;
            return new View(self, window, processes, now);
        }

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            PolicyProvider provider = ServiceLoader.load(PolicyProvider.class).stream().map(ServiceLoader.Provider::get)
                    .filter(p -> p.name().equals("mosix")).findFirst().orElseThrow(() -> new IllegalStateException("no mosix policy"));
            mosix = provider.create(Map.of());
            window = new ArrayList<>();
            for (int n = 2; n <= 15; n++) {
                window.add(new NodeLoad(n, 1 + n % 3, 1, 2 + n % 4, 1L << 30, 2L << 30, SECOND / 2));
            }
            processes = new ArrayList<>();
            for (int pid = 1; pid <= 10; pid++) {
                processes.add(new ProcessView(pid, 1, 1, 8L << 20, 1L << 20, 1.0, 0.5, Map.of(), Map.of(), 30 * SECOND,
                        10 * SECOND, 0, true, ""));
            }
            self = new NodeLoad(1, 1, 1, 3, 1L << 30, 2L << 30, 0);
        }
    }

    private record View(NodeLoad self, List<NodeLoad> window, List<ProcessView> processes, long now) implements ClusterView {
        @Override
        public Link link() {
            return new Link(100_000, 100e6);
        }

        @Override
        public long migrationNanos(long dirtyBytes) {
            return 1_000_000 + dirtyBytes * 80;
        }

        @Override
        public long forwardNanos(int home) {
            return 250_000;
        }
    }

    @Benchmark
    public List<Proposal> mosixDecision(Deciding s) {
        ClusterView view = s.next();
        List<Proposal> out = new ArrayList<>(s.mosix.usher(view));
        out.addAll(s.mosix.balance(view));
        return out;
    }

    /** A kernel on a generated cluster of one-CPU nodes, removed with its files after the trial. */
    public abstract static class Booted {
        Kernel kernel;
        Path dir;

        Image boot(int nodes, String speeds, String memoryMb, String policy, double quantumMs) throws Exception {
            dir = Files.createTempDirectory("ssi-jmh");
            Image image = ImageGenerator.write(new ImageGenerator.Spec("jmh", nodes, Distribution.parse(speeds), Distribution.parse("1"),
                    Distribution.parse(memoryMb), 1, policy, quantumMs, base), dir);
            kernel = Kernel.boot(image, 1, runtime);
            return image;
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            kernel.close();
            delete(dir);
        }
    }

    /** A generated cluster of 1,000 nodes (quantum 100 ms) running 10,000 long synthetic processes under mosix. */
    @State(Scope.Benchmark)
    public static class Cluster extends Booted {
        @Setup(Level.Trial)
        public void setUp() throws Exception {
            Image image = boot(CLUSTER_NODES, "uniform:1:3", "uniform:512:4096", "mosix", 100);
            Workload.Model model = new Workload.Model(Distribution.parse("exp:36000"), Distribution.parse("uniform:1:16"),
                    Distribution.parse("0"), 0, Distribution.parse("0"));
            for (Workload.Start s : Workload.draw(model, CLUSTER_PROCESSES, IntStream.rangeClosed(1, CLUSTER_NODES).toArray(),
                    Math.round(image.workRate()), 1)) {
                kernel.spawnSynthetic(s.node(), s.demand());
            }
            kernel.advance(10 * SECOND); // placed, balanced, cruising
        }
    }

    @Benchmark
    @OperationsPerInvocation(CLUSTER_PROCESSES)
    public void syntheticProcessVirtualSecond(Cluster s) {
        s.kernel.advance(SECOND);
    }

    /** 100 synthetic processes away from their home node, each calling home after every work unit. */
    @State(Scope.Benchmark)
    public static class Calling extends Booted {
        @Setup(Level.Trial)
        public void setUp() throws Exception {
            boot(2, "1", "4096", "none", 10);
            for (int i = 0; i < 100; i++) {
                int pid = kernel.spawnSynthetic(1, new Demand(Long.MAX_VALUE / 2, 0, 1, 64, 0, 0));
                kernel.migrate(pid, "2");
            }
            kernel.advance(SECOND); // all away
        }
    }

    /** Counts the calls the deputies served, as the operations of {@link #forwardedCalls}. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Served {
        public long calls;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void forwardedCalls(Calling s, Served served) {
        long before = served(s.kernel);
        s.kernel.advance(10_000_000L);
        served.calls += served(s.kernel) - before;
    }

    private static long served(Kernel kernel) {
        return kernel.nodes().stream().mapToLong(NodeInfo::served).sum();
    }

    /** One synthetic process of 64 KB moving between two nodes. */
    @State(Scope.Benchmark)
    public static class Moving extends Booted {
        int pid;
        int moved; // migrations ended so far

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            boot(2, "1", "4096", "none", 10);
            pid = kernel.spawnSynthetic(1, new Demand(Long.MAX_VALUE / 2, 64 << 10, 0, 0, 0, 0));
            kernel.addListener(new ssi.kernel.KernelListener() {
                @Override
                public void migrated(ssi.api.Migration m) {
                    moved++;
                }
            });
            kernel.advance(SECOND);
        }
    }

    @Benchmark
    public void migration(Moving s) throws Exception {
        int moved = s.moved;
        s.kernel.migrate(s.pid, s.moved % 2 == 0 ? "2" : "1");
        while (s.moved == moved) {
            s.kernel.advance(10_000_000L);
        }
    }

    static void delete(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
