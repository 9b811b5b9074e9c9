package ssi.shell;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ssi.experiment.Summary;
import ssi.experiment.Trace;
import ssi.kernel.Durations;
import ssi.kernel.Image;
import ssi.kernel.ImageException;
import ssi.plot.Plots;
import ssi.sweep.Members;
import ssi.sweep.Plan;
import ssi.sweep.RunResult;
import ssi.sweep.Station;
import ssi.sweep.Sweep;
import ssi.sweep.SweepException;

/** {@code experiment sweep} and {@code ./ssi worker}: the shell's side of {@link Sweep}, whose runs are {@code experiment run}'s. */
final class Sweeps {
    private Sweeps() {}

    /** The options every member takes: the cluster it is part of. */
    static class ClusterOptions {
        @Option(names = "--cluster-name", paramLabel = "NAME", description = "the cluster's name (default: ssi)")
        String clusterName = "ssi";

        @Option(names = "--secret", paramLabel = "TEXT", defaultValue = "${env:SSI_SECRET}",
                description = "a secret every member must share (default: $SSI_SECRET; none if unset)")
        String secret;

        @Option(names = "--config", paramLabel = "FILE", description = "a Hazelcast configuration (YAML or XML): network, ports, members, cluster name; --secret and --slots go on top")
        Path config;

        @Option(names = "--slots", paramLabel = "N", description = "runs this machine takes at once (default: its cores)")
        int slots = Runtime.getRuntime().availableProcessors();

        Members.Settings settings(List<String> join, int port) {
            return new Members.Settings(clusterName, secret, join, port, slots, config, Sweep.version());
        }
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true, description = {"Run an experiment under every policy, parameter setting and seed, on this machine or a cluster.",
            "Each run is experiment run's; the table (sweep.csv, sweep.json, summary.csv with mean and sd per policy and setting,",
            "sweep.md) is sorted by policy, parameters and seed, the same bytes whichever machines ran which run.",
            "--cluster joins workers started with ./ssi worker and spreads the runs over them and this machine."})
    static final class SweepCommand extends ClusterOptions implements Callable<Integer> {
        private final Shell shell;

        @Parameters(index = "0", paramLabel = "NAME", description = "the experiment (experiment list shows them)")
        String name;

        @Option(names = "--policies", paramLabel = "A,B", split = ",", description = "the policies (default: mosix,opportunity-cost)")
        List<String> policies = List.of("mosix", "opportunity-cost");

        @Option(names = "--seeds", paramLabel = "1..20", description = "the seeds: a range, a list, or both (default: 1..4)")
        String seeds = "1..4";

        @Option(names = "--param", paramLabel = "KEY=V1,V2", description = "a manifest key and its values to try (repeatable): balancing.period_ms=500,1000")
        List<String> params = new ArrayList<>();

        @Option(names = "--image", paramLabel = "NAME|DIR", description = "the image (default: the shell's)")
        String image;

        @Option(names = "--until", paramLabel = "DURATION", description = "stop each run at this virtual time if the experiment is longer")
        String until;

        @Option(names = "--out", paramLabel = "DIR", description = "where the files go (default: runs/NAME-sweep)")
        Path out;

        @Option(names = "--cluster", paramLabel = "HOST:PORT,...", split = ",", description = "workers to join (default: none, one embedded member)")
        List<String> cluster = new ArrayList<>();

        SweepCommand(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws SweepException, ImageException {
            var parsed = new LinkedHashMap<String, List<String>>();
            for (String p : params) {
                Plan.param(p, parsed);
            }
            Plan plan = new Plan(name, policies, Plan.seeds(seeds), parsed, until == null ? 0 : Durations.parse(until));
            Path imageDir = image == null ? shell.kernel().image().dir()
                    : Image.find(image, Path.of(System.getProperty("ssi.images", "images"))).dir();
            Path dir = out != null ? out : Path.of("runs", name + "-sweep");
            long wall = System.nanoTime();
            Sweep.Result result = Sweep.run(imageDir, plan, settings(cluster, 0), Experiments::console, dir, progress(shell.out()));
            for (int i = 0; i < result.runs().size(); i++) {
                draw(result.runs().get(i), result.dirs().get(i));
            }
            PrintWriter o = shell.out();
            o.print(result.table().markdown());
            result.runs().stream().filter(r -> !r.ok()).forEach(r -> o.println("failed: " + r.spec() + ": " + r.error()));
            long failed = result.runs().stream().filter(r -> !r.ok()).count();
            o.printf(Locale.ROOT, "%d run%s on %d member%s, %d failed (%.1f s wall) -> %s (sweep.csv, sweep.json, summary.csv, sweep.md, runs/)%n",
                    result.runs().size(), result.runs().size() == 1 ? "" : "s", result.members(), result.members() == 1 ? "" : "s", failed, (System.nanoTime() - wall) / 1e9, dir);
            return failed == 0 ? 0 : 1;
        }

        /** A run's charts, drawn here from the trace its member sent back. */
        private static void draw(RunResult r, Path dir) {
            if (r.ok()) {
                try {
                    Plots.write(Trace.read(dir), Summary.read(dir), dir);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot draw the charts of " + dir + ": " + e.getMessage());
                }
            }
        }
    }

    /** A progress bar on the terminal: runs done, running, failed, and the time left; nothing when the output is not a terminal. */
    static Sweep.Progress progress(PrintWriter out) {
        java.io.Console terminal = System.console();
        if (terminal == null || !terminal.isTerminal()) {
            return (done, failed, running, total, elapsed) -> {};
        }
        return (done, failed, running, total, elapsed) -> {
            String bar = "#".repeat(20 * done / total) + "-".repeat(20 - 20 * done / total);
            String left = done == 0 ? "time left not known yet" : "about " + Durations.format(elapsed / done * (total - done)) + " left";
            out.printf(Locale.ROOT, "\rsweep [%s] %d/%d done, %d running, %d failed, %s   ", bar, done, total, running, failed, left);
            if (done == total) {
                out.print("\r" + " ".repeat(100) + "\r");
            }
            out.flush();
        };
    }

    static void deleteTree(Path dir) throws IOException {
        try (var all = java.nio.file.Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }

    /** {@code ./ssi worker}: a cluster member that runs sweeps' runs until it is stopped. */
    @Command(name = "worker", mixinStandardHelpOptions = true, description = {"Run sweep runs for coordinators: ./ssi -c 'experiment sweep ... --cluster HOST:PORT'.",
            "A member of a Hazelcast cluster over TCP (no multicast, no phone-home); Ctrl-C or a kill stops it."})
    static final class Worker extends ClusterOptions implements Callable<Integer> {
        @Option(names = "--join", paramLabel = "HOST:PORT,...", split = ",", description = "members of the cluster to join (default: none, a cluster's first member)")
        List<String> join = new ArrayList<>();

        @Option(names = "--port", paramLabel = "P", description = "the port to listen on (default: 5701)")
        int port = 5701;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = new PrintWriter(System.out, true);
            HazelcastInstance member;
            try {
                member = Members.start(settings(join, port), Station.local(Experiments::console));
            } catch (SweepException e) {
                System.err.println("ssi worker: " + e.getMessage());
                return 2;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            member.getLifecycleService().addLifecycleListener(e -> {
                if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                    stopped.countDown();
                }
            });
            member.getCluster().addMembershipListener(new MembershipListener() {
                @Override
                public void memberAdded(MembershipEvent e) {
                    out.println("ssi worker: " + e.getMember().getAddress() + " joined");
                }

                @Override
                public void memberRemoved(MembershipEvent e) {
                    out.println("ssi worker: " + e.getMember().getAddress() + " left");
                }
            });
            out.printf("ssi worker: ssi %s, %d slots, pid %d, cluster '%s' of %s%n", Sweep.version(), slots, ProcessHandle.current().pid(),
                    clusterName, String.join(" ", Sweep.addresses(member)));
            stopped.await();
            return 0;
        }
    }
}
