package ssi.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import ssi.api.ClusterInfo;
import ssi.kernel.Kernel;
import ssi.kernel.KernelException;

/** MOSIX2 beyond one cluster from the shell: the clusters, their connections and owners' priorities; the job queue. */
final class MultiClusterCommands {
    private MultiClusterCommands() {}

    @Command(name = "cluster", description = "MOSIX2's multi-cluster: list, connect NAME, disconnect NAME, priority NAME OTHER N|none.",
            footer = {"", "A priority is NAME's for OTHER's processes: 1-65535, a lower number a higher priority (a cluster's own processes",
                    "always come first); none: NAME takes no processes of OTHER. Disconnecting sends a cluster's guests home and brings its",
                    "processes home from the others."})
    static final class ClusterCommand implements Callable<Integer> {
        private final Shell shell;

        @Parameters(index = "0", paramLabel = "ACTION", description = "list | connect | disconnect | priority")
        String action;

        @Parameters(index = "1..*", paramLabel = "ARGS")
        List<String> args = new ArrayList<>();

        ClusterCommand(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws KernelException {
            Kernel k = shell.kernel();
            switch (action) {
                case "list" -> {
                    Shell.expect(args, 0, "cluster list");
                    shell.out().printf("%-10s %-10s %-6s %-9s %6s %5s  %s%n", "CLUSTER", "OWNER", "NODES", "CONNECTED", "GUESTS", "AWAY", "PRIORITIES");
                    for (ClusterInfo c : k.clusters()) {
                        String priorities = c.priorities().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
                        shell.out().printf("%-10s %-10s %-6s %-9s %6d %5d  %s%n", c.name(), c.owner(), ranges(c.nodes()),
                                c.linux() ? "linux" : c.connected() ? "yes" : "no", c.guests(), c.away(), priorities.isEmpty() ? "-" : priorities);
                    }
                }
                case "connect" -> {
                    Shell.expect(args, 1, "cluster connect NAME");
                    k.connect(args.getFirst());
                    shell.out().println("cluster " + args.getFirst() + " connected");
                }
                case "disconnect" -> {
                    Shell.expect(args, 1, "cluster disconnect NAME");
                    k.disconnect(args.getFirst(), shell.node());
                    shell.out().println("cluster " + args.getFirst() + " disconnected");
                }
                case "priority" -> {
                    Shell.expect(args, 3, "cluster priority NAME OTHER N (1-65535, lower is higher, or none)");
                    k.setPriority(args.get(0), args.get(1), args.get(2));
                    shell.out().println("cluster " + args.get(0) + " gives " + args.get(1) + " priority " + args.get(2));
                }
                default -> throw new IllegalArgumentException("no action '" + action + "' (list, connect, disconnect, priority)");
            }
            return 0;
        }
    }

    @Command(name = "mosq", description = "MOSIX2's job queue (mosrun -q): list, run JOB (start it now), delete JOB, priority JOB N.",
            footer = {"", "Queued jobs start when their cluster has room (the image's queued_per_cpu running queued jobs per CPU), the highest",
                    "priority first (the lowest number), first come first served within one."})
    static final class Mosq implements Callable<Integer> {
        private final Shell shell;

        @Parameters(index = "0", paramLabel = "ACTION", description = "list | run | delete | priority")
        String action;

        @Parameters(index = "1..*", paramLabel = "ARGS")
        List<String> args = new ArrayList<>();

        Mosq(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws KernelException {
            Kernel k = shell.kernel();
            switch (action) {
                case "list" -> {
                    Shell.expect(args, 0, "mosq list");
                    shell.out().printf("%4s %5s %-8s %5s %10s  %s%n", "JOB", "PRI", "STATE", "PID", "QUEUED", "COMMAND");
                    for (ssi.api.Job j : k.jobs()) {
                        shell.out().printf(java.util.Locale.ROOT, "%4d %5d %-8s %5s %9.3fs  %s%s%n", j.id(), j.priority(),
                                j.state().startsWith("failed") ? "failed" : j.state(), j.pid() == 0 ? "-" : String.valueOf(j.pid()), j.submitted() / 1e9,
                                j.command(), j.state().startsWith("failed") ? " (" + j.state() + ")" : "");
                    }
                }
                case "run" -> {
                    Shell.expect(args, 1, "mosq run JOB");
                    shell.out().println(k.runJob(number(args.getFirst(), "a job")));
                }
                case "delete" -> {
                    Shell.expect(args, 1, "mosq delete JOB");
                    k.deleteJob(number(args.getFirst(), "a job"));
                }
                case "priority" -> {
                    Shell.expect(args, 2, "mosq priority JOB N (0-65535, lower is higher)");
                    k.setJobPriority(number(args.get(0), "a job"), number(args.get(1), "a priority"));
                }
                default -> throw new IllegalArgumentException("no action '" + action + "' (list, run, delete, priority)");
            }
            return 0;
        }

        private static int number(String s, String what) {
            if (!s.matches("\\d{1,9}")) {
                throw new IllegalArgumentException("want " + what + "'s number, got '" + s + "'");
            }
            return Integer.parseInt(s);
        }
    }

    @Command(name = "mosrc", description = "MOSIX Reach the Clouds: run a program on a node of another entity (a cluster not connected, or plain"
            + " Linux servers) while its files on /home and /tmp stay here: mosrc -r TARGET PROG ARGS [&].",
            footer = {"", "Its files are served from this node over the network between the two, its output comes back here; on a MOSIX",
                    "entity its processes may spread among that cluster's nodes."})
    static final class Mosrc implements Callable<Integer> {
        private final Shell shell;

        @picocli.CommandLine.Option(names = "-r", paramLabel = "TARGET", description = "the node (id or name) to run on")
        String target;

        @Parameters(index = "0", paramLabel = "PROG", description = "a program: /bin/x.js, or x.js for /bin/x.js")
        String program;

        @Parameters(index = "1..*", paramLabel = "ARGS")
        List<String> args = new ArrayList<>();

        Mosrc(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws KernelException {
            if (target == null) {
                throw new IllegalArgumentException("which node? mosrc -r TARGET PROG ARGS (a node of another entity)");
            }
            shell.started(List.of(shell.kernel().mosrc(shell.node(), target, program, args, ssi.kernel.RunOptions.DEFAULT.in(shell.cwd()))));
            return 0;
        }
    }

    /** Node ids as ranges: {@code 1-5,9}. */
    static String ranges(List<Integer> ids) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ids.size(); ) {
            int j = i;
            while (j + 1 < ids.size() && ids.get(j + 1) == ids.get(j) + 1) {
                j++;
            }
            b.append(b.isEmpty() ? "" : ",").append(ids.get(i)).append(j > i ? "-" + ids.get(j) : "");
            i = j + 1;
        }
        return b.toString();
    }
}
