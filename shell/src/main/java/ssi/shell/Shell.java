package ssi.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ssi.api.NodeInfo;
import ssi.api.ProcessInfo;
import ssi.hostinfo.HostInfo;
import ssi.kernel.Kernel;
import ssi.kernel.KernelException;
import ssi.kernel.Signal;

/**
 * The shell's commands, parsed by picocli and run against the kernel's public API. One command
 * line in, its output out; a failed command says why and the shell goes on.
 */
@Command(name = "", subcommands = {
        Shell.Mosrun.class, Shell.Ps.class, Shell.Nodes.class, Shell.Kill.class, Shell.Advance.class,
        Shell.Host.class, Shell.Bench.class, Shell.Trace.class, Shell.Help.class, Shell.Exit.class})
final class Shell {
    private final Kernel kernel;
    private final PrintWriter out;
    private final CommandLine commands;
    private final int shellNode = 1;
    private boolean exitRequested;

    Shell(Kernel kernel, PrintWriter out) {
        this.kernel = kernel;
        this.out = out;
        this.commands = new CommandLine(this, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls.getEnclosingClass() == Shell.class && !cls.isInterface() && !java.lang.reflect.Modifier.isStatic(cls.getModifiers())) {
                    return cls.getDeclaredConstructor(Shell.class).newInstance(Shell.this);
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        commands.setOut(out);
        commands.setErr(out);
        commands.setExecutionExceptionHandler((e, cmd, parsed) -> {
            out.println(cmd.getCommandName() + ": " + e.getMessage());
            return 1;
        });
    }

    /** The names of the commands, for completion. */
    List<String> commandNames() {
        return new ArrayList<>(commands.getSubcommands().keySet());
    }

    boolean exitRequested() {
        return exitRequested;
    }

    /** Runs one command line (already split into words); returns true if it succeeded. */
    boolean run(List<String> words) {
        if (words.isEmpty()) {
            return true;
        }
        if (!commands.getSubcommands().containsKey(words.getFirst())) {
            out.println("unknown command '" + words.getFirst() + "' (try help)");
            out.flush();
            return false;
        }
        int rc = commands.execute(words.toArray(String[]::new));
        out.flush();
        return rc == 0;
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Command(name = "mosrun", description = "Start a guest program (JS or Python) and print its pid.")
    final class Mosrun implements Callable<Integer> {
        @Option(names = "-r", paramLabel = "NODE", description = "start on this node (default: the shell's node, 1)")
        Integer node;

        @Parameters(index = "0", paramLabel = "PROG", description = "a program: /bin/x.js, or x.js for /bin/x.js")
        String program;

        @Parameters(index = "1..*", paramLabel = "ARGS", description = "its arguments")
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws KernelException {
            out.println(kernel.spawn(node == null ? shellNode : node, program, args));
            return 0;
        }
    }

    @Command(name = "ps", description = "List processes: PID PPID HOME WHERE STATE CPU(virtual s) COMMAND.")
    final class Ps implements Callable<Integer> {
        @Option(names = "--json", description = "machine-readable output")
        boolean json;

        @Override
        public Integer call() {
            List<ProcessInfo> ps = kernel.ps();
            if (json) {
                out.println(json(ps));
                return 0;
            }
            out.printf("%5s %5s %4s %5s %5s %9s  %s%n", "PID", "PPID", "HOME", "WHERE", "STATE", "CPU", "COMMAND");
            for (ProcessInfo p : ps) {
                out.printf("%5d %5d %4d %5d %5s %9.3f  %s%n", p.pid(), p.ppid(), p.home(), p.where(), p.state().letter(), p.cpuSeconds(), p.command());
            }
            return 0;
        }
    }

    @Command(name = "nodes", description = "List nodes: name, speed, CPUs, memory, load, processes.")
    final class Nodes implements Callable<Integer> {
        @Option(names = "--json", description = "machine-readable output")
        boolean json;

        @Override
        public Integer call() {
            List<NodeInfo> nodes = kernel.nodes();
            if (json) {
                out.println(json(nodes));
                return 0;
            }
            out.printf("%3s %-8s %6s %4s %8s %6s %5s%n", "ID", "NAME", "SPEED", "CPUS", "MEM", "LOAD", "PROCS");
            for (NodeInfo n : nodes) {
                out.printf("%3d %-8s %6.2f %4d %7dM %6.2f %5d%n", n.spec().id(), n.spec().name(), n.spec().speed(), n.spec().cpus(),
                        n.spec().memory() >> 20, n.load(), n.processes());
            }
            return 0;
        }
    }

    @Command(name = "kill", description = "Send a signal (default SIGTERM) to a process.")
    final class Kill implements Callable<Integer> {
        @Option(names = "-9", description = "SIGKILL")
        boolean nine;

        @Option(names = "-s", paramLabel = "SIGNAL", description = "signal by name or number: TERM, KILL")
        String signal;

        @Parameters(paramLabel = "PID")
        int pid;

        @Override
        public Integer call() throws KernelException {
            Signal s = nine ? Signal.SIGKILL : signal == null ? Signal.SIGTERM : Signal.parse(signal)
                    .orElseThrow(() -> new IllegalArgumentException("unknown signal '" + signal + "' (known: TERM, KILL)"));
            kernel.kill(pid, s);
            return 0;
        }
    }

    @Command(name = "advance", description = "Run the cluster for a span of virtual time, e.g. 500ms or 10s.")
    final class Advance implements Callable<Integer> {
        @Parameters(paramLabel = "DURATION")
        String duration;

        @Override
        public Integer call() {
            kernel.advance(Durations.parse(duration));
            out.println("t=" + Durations.format(kernel.now()));
            return 0;
        }
    }

    @Command(name = "host", description = "Show the real host (through OSHI).")
    final class Host implements Callable<Integer> {
        @Override
        public Integer call() {
            out.println(HostInfo.read().describe());
            return 0;
        }
    }

    @Command(name = "bench", description = "Measure the guest CPU benchmark: ssi vs a bare GraalVM context, node and python3.")
    final class Bench implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            ssi.shell.Bench.run(kernel.image(), out);
            return 0;
        }
    }

    @Command(name = "trace", description = "Print the trace: every event so far, in virtual-time order.")
    final class Trace implements Callable<Integer> {
        @Override
        public Integer call() {
            kernel.trace().forEach(out::println);
            return 0;
        }
    }

    @Command(name = "help", description = "List the commands, or show one command's usage.")
    final class Help implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "COMMAND")
        String command;

        @Override
        public Integer call() {
            if (command != null) {
                CommandLine sub = commands.getSubcommands().get(command);
                if (sub == null) {
                    throw new IllegalArgumentException("no command '" + command + "'");
                }
                sub.usage(out);
                return 0;
            }
            commands.getSubcommands().forEach((name, sub) ->
                    out.printf("  %-8s %s%n", name, String.join(" ", sub.getCommandSpec().usageMessage().description())));
            return 0;
        }
    }

    @Command(name = "exit", description = "Leave the shell.")
    final class Exit implements Callable<Integer> {
        @Override
        public Integer call() {
            exitRequested = true;
            return 0;
        }
    }
}
