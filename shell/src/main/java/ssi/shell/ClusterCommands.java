package ssi.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ssi.api.NodeInfo;
import ssi.hostinfo.HostInfo;
import ssi.kernel.KernelException;
import ssi.mfs.Namespace;

/** The shell's commands on the cluster as a whole and on the host: nodes, policy, web, host, bench. */
final class ClusterCommands {
    private ClusterCommands() {}

    @Command(name = "nodes", description = "List nodes: name, speed, CPUs, memory, load, processes, deputies, disk used.")
    static final class Nodes implements Callable<Integer> {
        private final Shell shell;

        @Option(names = "--json", description = "machine-readable output")
        boolean json;

        Nodes(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() {
            List<NodeInfo> nodes = shell.kernel().nodes();
            if (json) {
                shell.out().println(Shell.json(nodes));
                return 0;
            }
            shell.out().printf("%3s %-8s %6s %4s %8s %8s %6s %7s %5s %8s %13s%n", "ID", "NAME", "SPEED", "CPUS", "MEM", "FREE", "LOAD", "LOADIDX", "PROCS",
                    "DEPUTIES", "DISK");
            for (NodeInfo n : nodes) {
                shell.out().printf("%3d %-8s %6.2f %4d %7dM %7dM %6.2f %7.2f %5d %8d %13s%n", n.spec().id(), n.spec().name(), n.spec().speed(), n.spec().cpus(),
                        n.spec().memory() >> 20, n.freeMemory() >> 20, n.load(), n.loadIndex(), n.processes(), n.deputies(),
                        megabytes(n.diskUsed()) + "/" + megabytes(n.spec().disk()) + (n.spec().nomfs() ? " nomfs" : ""));
            }
            return 0;
        }
    }

    @Command(name = "policy", description = "The load-balancing policy: list, show, use NAME [key=value ...], load DIR, unload NAME.")
    static final class PolicyCommand implements Callable<Integer> {
        private final Shell shell;

        @Parameters(index = "0", paramLabel = "ACTION", description = "list | show | use | load | unload")
        String action;

        @Parameters(index = "1..*", paramLabel = "ARGS", description = "use: NAME [key=value ...]; load: DIR; unload: NAME")
        List<String> args = new ArrayList<>();

        PolicyCommand(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws KernelException {
            switch (action) {
                case "list" -> shell.kernel().policies().names().forEach(n -> shell.out().println((shell.kernel().policy().split(" ")[0].equals(n) ? "* " : "  ") + n));
                case "show" -> shell.out().println(shell.kernel().policy());
                case "use" -> {
                    if (args.isEmpty()) {
                        throw new IllegalArgumentException("use: which policy? (" + String.join(", ", shell.kernel().policies().names()) + ")");
                    }
                    java.util.Map<String, String> settings = new java.util.TreeMap<>();
                    for (String kv : args.subList(1, args.size())) {
                        int eq = kv.indexOf('=');
                        if (eq < 1) {
                            throw new IllegalArgumentException("use: want key=value, got '" + kv + "'");
                        }
                        settings.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                    shell.kernel().usePolicy(args.getFirst(), settings);
                    shell.out().println(shell.kernel().policy());
                }
                case "load" -> shell.out().println("loaded " + String.join(", ", shell.kernel().policies().load(Shell.hostPath(one("load DIR")))));
                case "unload" -> shell.kernel().unloadPolicy(one("unload NAME"));
                default -> throw new IllegalArgumentException("no action '" + action + "' (list, show, use, load, unload)");
            }
            return 0;
        }

        private String one(String usage) {
            return Shell.expect(args, 1, "policy " + usage).getFirst();
        }
    }

    @Command(name = "web", description = "Serve a live web view of the cluster, with its controls; print its URL. web stop ends it.",
            footer = {"", "It listens on 127.0.0.1 unless --bind names another address, which then needs --token T: every request must"
                    + " carry it (the printed URL does). The page's controls call the kernel as these commands do."})
    static final class Web implements Callable<Integer> {
        private final Shell shell;

        @Parameters(arity = "0..1", paramLabel = "stop", description = "stop serving")
        String action;

        @Option(names = "--port", paramLabel = "P", description = "the port (default 8080; 0 picks a free one)")
        int port = ssi.web.WebOptions.DEFAULT_PORT;

        @Option(names = "--bind", paramLabel = "ADDR", description = "the address to listen on (default 127.0.0.1)")
        String bind = ssi.web.WebOptions.LOOPBACK;

        @Option(names = "--token", paramLabel = "T", description = "the access token every request must carry (needed off loopback)")
        String token;

        Web(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws java.io.IOException {
            if (action != null) {
                if (!action.equals("stop")) {
                    throw new IllegalArgumentException("want web [--port P] [--bind ADDR] [--token T], or web stop; got '" + action + "'");
                }
                shell.out().println(shell.stopWeb() ? "web view stopped" : "no web view is running");
                return 0;
            }
            shell.out().println("web view at " + shell.startWeb(new ssi.web.WebOptions(bind, port, token)));
            return 0;
        }
    }

    @Command(name = "host", description = "Show the real host (through OSHI).")
    static final class Host implements Callable<Integer> {
        private final Shell shell;

        Host(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() {
            shell.out().println(HostInfo.read().describe());
            return 0;
        }
    }

    @Command(name = "bench", subcommands = {ClusterCommands.BenchProgram.class, FuzzCampaign.BenchFuzz.class}, description = "Measure ssi: start-up, guest CPU speed (vs a bare GraalVM context, node and python3), "
            + "mechanism costs, many guests, synthetic studies (scenario runs), then the kernel's functions (JMH) and gossip.")
    static final class Bench implements Callable<Integer> {
        private final Shell shell;

        @Option(names = "--jmh", description = "Only the JMH benchmarks of the kernel's functions.")
        boolean jmhOnly;

        @Option(names = "--synthetic", description = "Only the synthetic studies (100 to 10,000 nodes).")
        boolean syntheticOnly;

        @Option(names = "--sweep", description = "Only a 40-run experiment sweep on 1 member, then 2 members (a ./ssi worker) on this host.")
        boolean sweepOnly;

        @Option(names = "--suite", description = "Only the image's suite of real programs (/bench): bench program on each, geometric means.")
        boolean suiteOnly;

        @Option(names = "--runs", paramLabel = "N", description = "cold runs of each suite program, the median kept (default 1)")
        int runs = 1;

        @Option(names = "--start", description = "Only the time from the JVM's start to the first line of ./ssi -c 'mosrun hello.js' (and .py).")
        boolean startOnly;

        Bench(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws Exception {
            if (runs < 1) {
                throw new IllegalArgumentException("--runs wants 1 or more, got " + runs);
            }
            if (jmhOnly) {
                ssi.bench.Microbenchmarks.run(shell.kernel().image(), 1, shell.out());
            } else if (syntheticOnly) {
                ssi.shell.Bench.synthetic(shell.kernel().image(), shell.out());
            } else if (sweepOnly) {
                SweepBench.run(shell.kernel().image(), shell.out());
            } else if (suiteOnly) {
                ProgramBench.suite(shell.kernel().image(), runs, shell.out());
            } else if (startOnly) {
                ProgramBench.firstOutput(shell.kernel().image(), shell.out());
            } else {
                ProgramBench.firstOutput(shell.kernel().image(), shell.out());
                ssi.shell.Bench.run(shell.kernel().image(), shell.out());
                ProgramBench.suite(shell.kernel().image(), runs, shell.out());
            }
            return 0;
        }
    }

    @Command(name = "program", description = "Time one guest program three ways: as an ssi process on an idle node, in a bare GraalVM context"
            + " (the same engine, no kernel, no work meter) and under node or python3; print the wall times and their ratios.")
    static final class BenchProgram implements Callable<Integer> {
        private final Shell shell;

        @Option(names = "--json", description = "one JSON object: program, lang, ssi_s, bare_s, native_s, ssi_over_bare, ssi_over_native, exit")
        boolean json;

        @Option(names = "--runs", paramLabel = "N", description = "cold runs of each, the median kept (default 1)")
        int runs = 1;

        @Parameters(index = "0", paramLabel = "FILE", description = "a program of the image's tree: /bench/js/json/main.js, or x.js for /bin/x.js")
        String program;

        @Parameters(index = "1..*", paramLabel = "ARGS", description = "its arguments")
        List<String> args = new ArrayList<>();

        BenchProgram(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws Exception {
            if (runs < 1) {
                throw new IllegalArgumentException("--runs wants 1 or more, got " + runs);
            }
            String path = Namespace.normalise(program.startsWith("/") || program.contains("/") ? program : "/bin/" + program, shell.cwd());
            ProgramBench.print(ProgramBench.measure(shell.kernel().image(), path, args, runs), json, shell.out());
            return 0;
        }
    }

    /** Bytes in MB, with one decimal below 10 MB. */
    private static String megabytes(long bytes) {
        double mb = bytes / (double) (1 << 20);
        return mb < 10 ? String.format("%.1fM", mb) : String.format("%dM", Math.round(mb));
    }
}
