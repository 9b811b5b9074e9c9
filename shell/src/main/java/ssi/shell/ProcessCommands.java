package ssi.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ssi.api.Migration;
import ssi.api.ProcessInfo;
import ssi.api.Signal;
import ssi.kernel.Durations;
import ssi.kernel.KernelException;
import ssi.kernel.RunOptions;

/** The shell's commands on processes and time: mosrun, wait, kill, migrate, migrations, ps, advance, trace. */
final class ProcessCommands {
    private ProcessCommands() {}

    @Command(name = "mosrun", description = "Start a guest program (JS or Python) with the shell's node as its home; print its pid.",
            footer = {"", "A program that asks for SysV shared memory under plain mosrun is stopped with MOSIX's message;",
                    "under -e it may use it and is then confined to its home node; -E starts a native process that never migrates.",
                    "mosrun A | mosrun B ... starts a pipeline: each one's stdout is a pipe to the next one's stdin.",
                    "-C checkpoints a process; after it dies (a crash of its node, a kill), -R PID starts it again at home from its last",
                    "checkpoint: its program, arguments, options and counters, and the state its program gave to ssi.checkpoint(text),",
                    "which it reads back with ssi.restored() (a guest's heap cannot be saved: the program goes on from that state)."})
    static final class Mosrun implements Callable<Integer> {
        private final Shell shell;

        @Option(names = "-h", description = "run at home, locked against migration")
        boolean home;

        @Option(names = {"-r", "-N"}, paramLabel = "NODE", description = "start on this node (id or name); also -NODE, e.g. -3")
        String node;

        @Option(names = "-b", description = "start on the best node (the most CPU for it, with memory for it)")
        boolean best;

        @Option(names = "-L", description = "lock: no migration until unlocked")
        boolean lock;

        @Option(names = "--from", paramLabel = "NODE", description = "launch it from NODE, its home, as a user logged in there would (default: the shell's node)")
        String from;

        @Option(names = "-q", description = "queue it (MOSIX2): it starts when the cluster has room (see mosq)")
        boolean queue;

        @Option(names = "-p", paramLabel = "PRIORITY", description = "with -q: its priority in the queue, 0-65535, lower is higher (default 50)")
        Integer priority;

        @Option(names = "-l", description = "unlocked: may migrate (the default)")
        boolean unlock;

        @Option(names = "-e", description = "allow shared memory, confining the process to its home once it uses it")
        boolean confineOnUse;

        @Option(names = "-E", description = "native: a process of its home node that never migrates")
        boolean nativeMode;

        @Option(names = "-c", description = "hint to policies: a CPU-bound job")
        boolean cpuJob;

        @Option(names = "-i", description = "hint to policies: an I/O-bound job")
        boolean ioJob;

        @Option(names = "-C", paramLabel = "SECONDS", description = "checkpoint it every SECONDS of virtual time (what its program gives ssi.checkpoint)")
        String checkpoint;

        @Option(names = "-R", paramLabel = "PID", description = "recover process PID from its last checkpoint, at its home (no PROG)")
        Integer recover;

        @Parameters(index = "0", arity = "0..1", paramLabel = "PROG", description = "a program: /bin/x.js, or x.js for /bin/x.js")
        String program;

        @Parameters(index = "1..*", paramLabel = "ARGS", description = "its arguments")
        List<String> args = new ArrayList<>();

        Mosrun(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws KernelException {
            if (recover != null) {
                if (program != null) {
                    throw new IllegalArgumentException("mosrun -R PID recovers a process: give no program");
                }
                shell.out().println(shell.kernel().recover(recover));
                return 0;
            }
            if (program == null) {
                throw new IllegalArgumentException("which program? (mosrun PROG ARGS, or mosrun -R PID)");
            }
            if (priority != null && !queue) {
                throw new IllegalArgumentException("-p gives a queued job's priority: use it with -q");
            }
            int launcher = from == null ? shell.node() : shell.kernel().image().nodeId(from, shell.node());
            if (queue) {
                int job = shell.kernel().enqueue(launcher, program, args, options(), priority == null ? 50 : priority);
                shell.out().println("job " + job + " queued");
                return 0;
            }
            shell.started(List.of(shell.kernel().spawn(launcher, program, args, options())));
            return 0;
        }

        /** What its options ask for. */
        RunOptions options() throws KernelException {
            if ((home ? 1 : 0) + (node != null ? 1 : 0) + (best ? 1 : 0) > 1) {
                throw new IllegalArgumentException("choose one of -h, -r NODE and -b");
            }
            if (lock && unlock || confineOnUse && nativeMode) {
                throw new IllegalArgumentException(lock && unlock ? "-L and -l contradict each other" : "choose one of -e and -E");
            }
            int start = best ? RunOptions.BEST : node == null ? RunOptions.HOME : shell.kernel().image().nodeId(node, shell.node());
            RunOptions.Mode mode = nativeMode ? RunOptions.Mode.NATIVE : confineOnUse ? RunOptions.Mode.CONFINE_ON_USE : RunOptions.Mode.STRICT;
            if (cpuJob && ioJob) {
                throw new IllegalArgumentException("choose one of -c and -i");
            }
            String hint = cpuJob ? "cpu" : ioJob ? "io" : "";
            long every = checkpoint == null ? 0 : Durations.parse(checkpoint.matches("\\d+(\\.\\d+)?") ? checkpoint + "s" : checkpoint);
            if (checkpoint != null && every <= 0) {
                throw new IllegalArgumentException("-C wants a time between checkpoints, such as 1 or 500ms, got " + checkpoint);
            }
            return new RunOptions(start, home || lock, mode, hint, every).in(shell.cwd());
        }
    }

    @Command(name = "wait", description = "Wait for programs started in the background (mosrun ... &) to end: these pids, or all of them.")
    static final class Wait implements Callable<Integer> {
        private final Shell shell;

        @Parameters(arity = "0..*", paramLabel = "PID")
        List<Integer> pids = new ArrayList<>();

        Wait(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() {
            for (int pid : pids) {
                if (shell.kernel().process(pid).isEmpty() && shell.kernel().exitStatus(pid).isEmpty()) {
                    throw new IllegalArgumentException("no process " + pid);
                }
            }
            shell.waitForJobs(pids);
            return 0;
        }
    }

    @Command(name = "kill", description = "Send a signal (default SIGTERM) to processes, as bash's kill does.",
            footer = {"", "kill [-s SIGNAL | -SIGNAL] PID...: a signal by name or number, e.g. kill -9 5,",
                    "kill -USR1 5, kill -SIGUSR1 5, kill -s USR1 5; kill -l lists the signals,",
                    "kill -l N names one. The shell, the administrator, may signal any process."})
    static final class Kill implements Callable<Integer> {
        private final Shell shell;

        @Option(names = "-s", paramLabel = "SIGNAL", description = "the signal, by name or number: TERM, SIGUSR1, 9")
        String signal;

        @Option(names = "-l", description = "list the signals (with NUMBER: name that one)")
        boolean list;

        @Parameters(arity = "0..*", paramLabel = "[-SIGNAL] PID", description = "the signal as -NAME or -NUMBER, then the processes")
        List<String> words = new ArrayList<>();

        Kill(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws KernelException {
            if (list) {
                listSignals();
                return 0;
            }
            List<String> pids = words;
            String name = signal;
            if (!pids.isEmpty() && pids.getFirst().startsWith("-")) {
                if (name != null) {
                    throw new IllegalArgumentException("give one signal: -s " + name + " or " + pids.getFirst());
                }
                name = pids.getFirst().substring(1);
                pids = pids.subList(1, pids.size());
            }
            String wanted = name;
            Signal s = wanted == null ? Signal.SIGTERM : Signal.parse(wanted)
                    .orElseThrow(() -> new IllegalArgumentException("no signal '" + wanted + "' (kill -l lists them)"));
            if (pids.isEmpty()) {
                throw new IllegalArgumentException("which process? (kill [-s SIGNAL | -SIGNAL] PID...)");
            }
            boolean all = true;
            for (String pid : pids) { // as bash: each refused one is said, the others are signalled
                try {
                    if (!pid.matches("\\d{1,9}")) {
                        throw new KernelException("'" + pid + "' is not a process id");
                    }
                    shell.kernel().kill(Integer.parseInt(pid), s);
                } catch (KernelException e) {
                    shell.out().println("kill: " + e.getMessage());
                    all = false;
                }
            }
            return all ? 0 : 1;
        }

        /** As bash: {@code  1) SIGHUP	 2) SIGINT ...}, five to a line; with numbers, their names. */
        private void listSignals() {
            if (!words.isEmpty()) {
                for (String w : words) {
                    shell.out().println(Signal.parse(w).filter(x -> w.matches("\\d+")).map(x -> x.name().substring(3))
                            .orElseThrow(() -> new IllegalArgumentException("no signal number '" + w + "' (kill -l lists them)")));
                }
                return;
            }
            Signal[] all = Signal.values();
            for (int i = 0; i < all.length; i++) {
                shell.out().printf("%2d) %-8s%s", all[i].number(), all[i].name(), i % 5 == 4 || i == all.length - 1 ? "\n" : "\t");
            }
        }
    }

    @Command(name = "migrate", description = "Migrate a process to a node (id or name), home, or balance (the node where it would get the most CPU);"
            + " freeze: its memory image to its home's disk (MOSIX2), continue: back from there.")
    static final class Migrate implements Callable<Integer> {
        private final Shell shell;

        @Parameters(index = "0", paramLabel = "PID")
        int pid;

        @Parameters(index = "1", paramLabel = "NODE|home|balance|freeze|continue")
        String target;

        Migrate(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws KernelException {
            shell.kernel().migrate(pid, target);
            return 0;
        }
    }

    @Command(name = "migrations", description = "List migrations that ended, with their statistics by phase.")
    static final class Migrations implements Callable<Integer> {
        private final Shell shell;

        @Parameters(arity = "0..1", paramLabel = "PID", description = "only this process's")
        Integer pid;

        @Option(names = "--json", description = "machine-readable output")
        boolean json;

        Migrations(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() {
            List<Migration> list = shell.kernel().migrations().stream().filter(m -> pid == null || m.pid() == pid).toList();
            if (json) {
                shell.out().println(Shell.json(list));
                return 0;
            }
            long dropped = shell.kernel().migrationCount() - shell.kernel().migrations().size();
            if (dropped > 0) {
                shell.out().println("... " + dropped + " earlier migrations not kept");
            }
            shell.out().printf("%5s %4s %4s %-10s %10s %10s %9s %9s %7s %9s  %s%n",
                    "PID", "FROM", "TO", "REASON", "START", "FROZEN", "NEGOT", "TRANSFER", "PAGES", "BYTES", "OUTCOME");
            for (Migration m : list) {
                shell.out().printf("%5d %4d %4d %-10s %10s %10s %9s %9s %7d %9d  %s%n", m.pid(), m.from(), m.to(), m.reason().label(),
                        Durations.format(m.requested()), Durations.millis(m.frozen()), Durations.millis(m.negotiation()),
                        Durations.millis(m.transfer()), m.pages(), m.bytes(), m.outcome());
            }
            return 0;
        }
    }

    @Command(name = "ps", description = "List processes, and the deputies of those away from home (NODE is where each runs).")
    static final class Ps implements Callable<Integer> {
        private final Shell shell;

        @Option(names = "--json", description = "machine-readable output")
        boolean json;

        Ps(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() {
            shell.kernel().measureHeaps(); // HEAP: what each measured when last asked; asked again for the next ps
            List<ProcessInfo> ps = shell.kernel().ps();
            if (json) {
                shell.out().println(Shell.json(ps));
                return 0;
            }
            shell.out().printf("%5s %5s %4s %4s %1s %5s %8s %8s %9s %-9s  %s%n", "PID", "PPID", "NODE", "HOME", "S", "NMIGS", "MEM", "HEAP", "CPU",
                    "CANTMOVE", "COMMAND");
            for (ProcessInfo p : ps) {
                shell.out().printf("%5d %5d %4d %4d %1s %5d %7dK %8s %9.3f %-9s  %s%n", p.pid(), p.ppid(), p.where(), p.home(), p.state().letter(),
                        p.nmigs(), p.memory() >> 10, p.heap() < 0 ? "-" : (p.heap() >> 10) + "K", p.cpuSeconds(),
                        p.cantmove().isEmpty() ? "-" : p.cantmove(), p.command());
                if (p.away()) {
                    shell.out().printf("%5d %5s %4d %4d %1s %5s %8s %8s %9.3f %-9s  [deputy, %d calls] %s%n", p.pid(), "-", p.home(), p.home(), "-",
                            "-", "-", "-", p.deputySeconds(), "-", p.forwarded(), p.command());
                }
            }
            return 0;
        }
    }

    @Command(name = "advance", description = "Run the cluster for a span of virtual time, e.g. 500ms or 10s; Ctrl-C stops it.")
    static final class Advance implements Callable<Integer> {
        private final Shell shell;

        @Parameters(paramLabel = "DURATION")
        String duration;

        Advance(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() {
            if (duration.strip().startsWith("-")) {
                throw new IllegalArgumentException("the duration is negative (" + duration.strip() + "): time only goes forward");
            }
            shell.kernel().advance(Durations.parse(duration));
            shell.out().println("t=" + Durations.format(shell.kernel().now()));
            return 0;
        }
    }

    @Command(name = "trace", description = "Print the trace: every event so far, in virtual-time order.")
    static final class Trace implements Callable<Integer> {
        private final Shell shell;

        Trace(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() {
            shell.kernel().trace().forEach(shell.out()::println);
            return 0;
        }
    }
}
