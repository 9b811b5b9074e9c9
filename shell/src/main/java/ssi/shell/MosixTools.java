package ssi.shell;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ssi.api.NodeInfo;
import ssi.api.ProcessInfo;
import ssi.api.ProcessView;
import ssi.kernel.Kernel;
import ssi.kernel.KernelException;

/** The tools MOSIX users know: mosctl, mps, mon, and node failures. */
final class MosixTools {
    private MosixTools() {}

    @Command(name = "mosctl", description = "Administer a node with openMosix's verbs.",
            footer = {"", "Verbs: stay|nostay, lstay|nolstay, block|noblock, quiet|noquiet, expel, bring, getload|getspeed|getmem|getfree|getutil,",
                    "status: each on NODE (or -n NODE; default the shell's node); setspeed SPEED and setdecay INTERVAL SLOW FAST",
                    "(of -n NODE or the shell's node; the interval is the image's balancing period, slow and fast in 1/1000);",
                    "whois NODE: an id gives its name, a name its id."})
    static final class Mosctl implements Callable<Integer> {
        private final Shell shell;

        @Option(names = "-n", paramLabel = "NODE", description = "the node to administer (default: the shell's)")
        String node;

        @Parameters(index = "0", paramLabel = "VERB")
        String verb;

        @Parameters(index = "1..*", paramLabel = "NODE|VALUE")
        List<String> arguments = new java.util.ArrayList<>();

        Mosctl(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws KernelException {
            Kernel k = shell.kernel();
            PrintWriter out = shell.out();
            String argument = arguments.isEmpty() ? null : arguments.getFirst();
            if (arguments.size() > 1 && !verb.equals("setdecay")) {
                throw new IllegalArgumentException(verb + " takes one argument at most, got " + arguments);
            }
            boolean argumentIsNode = !verb.equals("whois") && !verb.equals("setspeed") && !verb.equals("setdecay");
            String which = node != null ? node : argument != null && argumentIsNode ? argument : String.valueOf(shell.node());
            int target = k.image().nodeId(which, shell.node());
            switch (verb) {
                case "stay", "lstay", "block", "quiet" -> k.setAdmin(target, verb, true);
                case "nostay", "nolstay", "noblock", "noquiet" -> k.setAdmin(target, verb.substring(2), false);
                case "expel", "bring" -> k.setAdmin(target, verb, true);
                case "getload", "getspeed", "getmem", "getfree", "getutil" -> out.println(figure(k, target, verb.substring(3)));
                case "status" -> {
                    Map<String, String> a = k.admin(target);
                    out.printf("node %d (%s): %s%s%n", target, k.image().spec(target).name(), k.up(target) ? "up" : "down",
                            String.join("", List.of("block", "stay", "lstay", "quiet", "nomfs").stream()
                                    .filter(s -> a.get(s).equals("1")).map(s -> ", " + s).toList()));
                }
                case "setdecay" -> {
                    if (arguments.size() != 3 || !arguments.get(0).matches("\\d+(\\.\\d+)?")
                            || !arguments.subList(1, 3).stream().allMatch(a -> a.matches("\\d{1,4}"))) {
                        throw new IllegalArgumentException("setdecay INTERVAL SLOW FAST (seconds, then whole thousandths kept each period, 0-1000)");
                    }
                    double interval = Double.parseDouble(arguments.get(0));
                    double current = Double.parseDouble(k.admin(target).get("decay-interval"));
                    if (Math.abs(interval - current) > 1e-9) {
                        throw new IllegalArgumentException("the decay interval is the image's balancing period (" + current
                                + " s): it cannot change while running");
                    }
                    k.setDecay(target, Integer.parseInt(arguments.get(1)), Integer.parseInt(arguments.get(2)));
                }
                case "setspeed" -> {
                    if (argument == null || !argument.matches("\\d+(\\.\\d+)?")) {
                        throw new IllegalArgumentException("setspeed needs a speed (1.0 is the standard processor), got " + argument);
                    }
                    k.setSpeed(target, Double.parseDouble(argument));
                }
                case "whois" -> {
                    if (argument == null) {
                        throw new IllegalArgumentException("whois needs a node: an id or a name");
                    }
                    int id = k.image().nodeId(argument, shell.node());
                    out.println(argument.equals(String.valueOf(id)) ? k.image().spec(id).name() : String.valueOf(id));
                }
                default -> throw new IllegalArgumentException("no verb '" + verb + "' (see help mosctl)");
            }
            return 0;
        }

        private static String figure(Kernel k, int node, String what) {
            NodeInfo n = k.nodes().get(node - 1);
            return switch (what) {
                case "load" -> String.format(Locale.ROOT, "%.2f", n.loadIndex());
                case "speed" -> String.format(Locale.ROOT, "%.2f", n.spec().speed());
                case "mem" -> String.valueOf(n.spec().memory());
                case "free" -> String.valueOf(n.freeMemory());
                default -> String.valueOf(Math.round(Math.min(1, n.load() * n.spec().speed()) * 100)); // util, %
            };
        }
    }

    @Command(name = "mps", description = "ps as MOSIX shows it: where each process runs and where it comes from, its migrations, CPU share, memory.")
    static final class Mps implements Callable<Integer> {
        private final Shell shell;

        Mps(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() {
            shell.out().print(table(shell.kernel(), false));
            return 0;
        }

        /** The processes, by pid, or the busiest first ({@code byCpu}, as top lists them). */
        static String table(Kernel kernel, boolean byCpu) {
            StringBuilder b = new StringBuilder();
            Map<Integer, ProcessView> usage = kernel.usage();
            b.append(String.format("%5s %4s %5s %1s %5s %5s %8s %-9s %7s  %s%n", "PID", "FROM", "WHERE", "S", "NMIGS", "%CPU", "MEM", "CANTMOVE", "DEPUTY", "COMMAND"));
            List<ProcessInfo> ps = kernel.ps();
            if (byCpu) {
                ps = ps.stream().sorted(java.util.Comparator.comparingDouble((ProcessInfo p) -> usage.containsKey(p.pid()) ? -usage.get(p.pid()).cpu() : 0)
                        .thenComparingInt(ProcessInfo::pid)).toList();
            }
            for (ProcessInfo p : ps) {
                ProcessView v = usage.get(p.pid());
                String where = p.state() == ssi.api.ProcessState.ON_DISK ? "disk" : String.valueOf(p.where()); // frozen to its home's disk
                b.append(String.format(Locale.ROOT, "%5d %4d %5s %1s %5d %5.1f %7dK %-9s %7s  %s%n", p.pid(), p.home(), where,
                        p.state().letter(), p.nmigs(), v == null ? 0 : v.cpu() * 100, p.memory() >> 10,
                        p.cantmove().isEmpty() ? "-" : p.cantmove(), p.away() ? p.forwarded() + "c" : "-", p.command()));
            }
            return b.toString();
        }
    }

    @Command(name = "mtop", description = "mps, live: the busiest processes first, redrawn while the clock runs (q to leave); once in a script.")
    static final class Mtop implements Callable<Integer> {
        private final Shell shell;

        Mtop(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() {
            Kernel k = shell.kernel();
            if (shell.screen() == null) {
                shell.out().print(Mps.table(k, true));
            } else {
                shell.screen().live(() -> String.format("t=%.3fs%n", k.now() / 1e9) + Mps.table(k, true), key -> { });
            }
            return 0;
        }
    }

    @Command(name = "mon", description = "Each node as a bar (mosmon): load (-l, the default), speed and CPUs (-s), memory used (-m), utilisation (-u).",
            footer = {"", "In a terminal it stays, redrawn while the clock runs: keys l, s, m, u switch the view, q leaves. In a script it renders once."})
    static final class Mon implements Callable<Integer> {
        private static final int WIDTH = 40;
        private final Shell shell;

        @Option(names = "-l", description = "load")
        boolean load;

        @Option(names = "-s", description = "speed and CPUs")
        boolean speed;

        @Option(names = "-m", description = "memory used")
        boolean memory;

        @Option(names = "-u", description = "utilisation")
        boolean util;

        Mon(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() {
            if (shell.screen() == null) {
                shell.out().print(frame());
            } else {
                shell.screen().live(this::frame, key -> {
                    load = key == 'l';
                    speed = key == 's';
                    memory = key == 'm';
                    util = key == 'u';
                });
            }
            return 0;
        }

        private String frame() {
            java.io.StringWriter text = new java.io.StringWriter();
            PrintWriter out = new PrintWriter(text);
            List<NodeInfo> nodes = shell.kernel().nodes();
            int[] frozen = new int[nodes.size() + 1]; // processes frozen to each home's disk (MOSIX2)
            shell.kernel().ps().stream().filter(p -> p.state() == ssi.api.ProcessState.ON_DISK && p.home() < frozen.length)
                    .forEach(p -> frozen[p.home()]++);
            String title = speed ? "speed x CPUs" : memory ? "memory used" : util ? "utilisation" : "load";
            double[] values = nodes.stream().mapToDouble(n -> speed ? n.spec().speed() * n.spec().cpus()
                    : memory ? (double) (n.spec().memory() - n.freeMemory()) / n.spec().memory()
                    : util ? Math.min(1, n.load() * n.spec().speed()) : n.loadIndex()).toArray();
            double scale = speed || load || !(memory || util) ? Math.max(1, java.util.Arrays.stream(values).max().orElse(1)) : 1;
            out.println(title + (scale == 1 && (memory || util) ? " (full bar: 100%)" : String.format(Locale.ROOT, " (full bar: %.2f)", scale)));
            for (int i = 0; i < nodes.size(); i++) {
                int filled = (int) Math.round(values[i] / scale * WIDTH);
                String label = memory || util ? String.format(Locale.ROOT, "%5.1f%%", values[i] * 100) : String.format(Locale.ROOT, "%6.2f", values[i]);
                out.printf("%3d %-8s |%s%s| %s%s%n", nodes.get(i).spec().id(), nodes.get(i).spec().name(), "#".repeat(filled), " ".repeat(WIDTH - filled),
                        label, (shell.kernel().up(nodes.get(i).spec().id()) ? "" : "  DOWN")
                                + (frozen[nodes.get(i).spec().id()] > 0 ? "  " + frozen[nodes.get(i).spec().id()] + " frozen" : ""));
            }
            out.flush();
            return text.toString();
        }
    }

    @Command(name = "node", description = "Add a node, take one out of the cluster or bring it back: node add NAME speed=S cpus=C mem=MB [disk=MB]"
            + " | node shutdown|crash|restart NODE.",
            footer = {"", "add: it joins while processes run; gossip finds it and balancing uses it.",
                    "shutdown: its guests go home and its processes elsewhere come home, none lost; then it refuses guests,",
                    "sends no load information and migrates nothing away (block, quiet, stay) until restarted.",
                    "crash: the processes running there die, and those whose home it was (as in MOSIX); its files stay as they",
                    "were last closed. restart: a crashed node comes back empty; a node shut down rejoins."})
    static final class NodeCommand implements Callable<Integer> {
        private final Shell shell;

        @Parameters(index = "0", paramLabel = "add|shutdown|crash|restart")
        String action;

        @Parameters(index = "1", paramLabel = "NODE")
        String node;

        @Parameters(index = "2..*", paramLabel = "KEY=VALUE", description = "for add: speed=S cpus=C mem=MB disk=MB")
        List<String> settings = new java.util.ArrayList<>();

        NodeCommand(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws KernelException {
            if (action.equals("add")) {
                Map<String, Double> values = new java.util.TreeMap<>(Map.of("speed", 1.0, "cpus", 1.0, "mem", 1024.0, "disk", 1024.0));
                for (String kv : settings) {
                    String[] p = kv.split("=", 2);
                    if (p.length != 2 || !values.containsKey(p[0]) || !p[1].matches("\\d+(\\.\\d+)?")) {
                        throw new IllegalArgumentException("node add NAME speed=S cpus=C mem=MB disk=MB: bad setting '" + kv + "'");
                    }
                    values.put(p[0], Double.parseDouble(p[1]));
                }
                int id = shell.kernel().addNode(node, values.get("speed"), (int) Math.round(values.get("cpus")),
                        Math.round(values.get("mem") * (1 << 20)), Math.round(values.get("disk") * (1 << 20)));
                shell.out().println(id);
                return 0;
            }
            if (!settings.isEmpty()) {
                throw new IllegalArgumentException("node " + action + " takes only a node, got " + settings);
            }
            int id = shell.kernel().image().nodeId(node, shell.node());
            switch (action) {
                case "shutdown" -> shell.kernel().shutdown(id);
                case "crash" -> shell.kernel().crash(id);
                case "restart" -> shell.kernel().restart(id);
                default -> throw new IllegalArgumentException("want node add NAME ... or node shutdown|crash|restart NODE, got '" + action + "'");
            }
            return 0;
        }
    }
}
