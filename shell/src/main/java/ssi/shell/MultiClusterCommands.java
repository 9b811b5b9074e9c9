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

/** MOSIX2's multi-cluster from the shell: the clusters, their connections and their owners' priorities. */
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
                    arguments(0, "list");
                    shell.out().printf("%-10s %-10s %-6s %-9s %6s %5s  %s%n", "CLUSTER", "OWNER", "NODES", "CONNECTED", "GUESTS", "AWAY", "PRIORITIES");
                    for (ClusterInfo c : k.clusters()) {
                        String priorities = c.priorities().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
                        shell.out().printf("%-10s %-10s %-6s %-9s %6d %5d  %s%n", c.name(), c.owner(), ranges(c.nodes()),
                                c.linux() ? "linux" : c.connected() ? "yes" : "no", c.guests(), c.away(), priorities.isEmpty() ? "-" : priorities);
                    }
                }
                case "connect" -> {
                    arguments(1, "connect NAME");
                    k.connect(args.getFirst());
                    shell.out().println("cluster " + args.getFirst() + " connected");
                }
                case "disconnect" -> {
                    arguments(1, "disconnect NAME");
                    k.disconnect(args.getFirst(), shell.node());
                    shell.out().println("cluster " + args.getFirst() + " disconnected");
                }
                case "priority" -> {
                    arguments(3, "priority NAME OTHER N (1-65535, lower is higher, or none)");
                    k.setPriority(args.get(0), args.get(1), args.get(2));
                    shell.out().println("cluster " + args.get(0) + " gives " + args.get(1) + " priority " + args.get(2));
                }
                default -> throw new IllegalArgumentException("no action '" + action + "' (list, connect, disconnect, priority)");
            }
            return 0;
        }

        private void arguments(int n, String usage) {
            if (args.size() != n) {
                throw new IllegalArgumentException("usage: cluster " + usage);
            }
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
