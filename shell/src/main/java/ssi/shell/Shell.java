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
import ssi.api.Migration;
import ssi.api.NodeInfo;
import ssi.api.ProcessInfo;
import ssi.api.Signal;
import ssi.hostinfo.HostInfo;
import ssi.kernel.Durations;
import ssi.kernel.Kernel;
import ssi.kernel.KernelException;
import ssi.mfs.Namespace;
import ssi.kernel.RunOptions;

/**
 * The shell's commands, parsed by picocli and run against the kernel's public API. One command
 * line in, its output out; a failed command says why and the shell goes on.
 */
@Command(name = "", subcommands = {
        Shell.Mosrun.class, Shell.Ls.class, Shell.Cat.class, Shell.Echo.class, Shell.Cp.class, Shell.Mv.class, Shell.Rm.class,
        Shell.Mkdir.class, Shell.Cd.class, Shell.Pwd.class, Shell.Migrate.class, Shell.Migrations.class, Shell.PolicyCommand.class, Shell.Ps.class, Shell.Nodes.class, Shell.Kill.class, Shell.Advance.class,
        Shell.Host.class, Shell.Bench.class, Shell.Trace.class, Shell.Wait.class, Shell.Help.class, Shell.Exit.class,
        MosixTools.Mosctl.class, MosixTools.Mps.class, MosixTools.Mtop.class, MosixTools.Mon.class, MosixTools.NodeCommand.class,
        Experiments.ExperimentCommand.class, Experiments.Plot.class, Studies.Synth.class, Studies.ImageCommand.class})
final class Shell {
    private final Kernel kernel;
    private final PrintWriter out;
    private final CommandLine commands;
    private final int shellNode = 1;
    private String cwd = "/";
    private boolean exitRequested;
    private boolean background;      // the command line being run ends with &
    private final java.util.Set<Integer> jobs = new java.util.TreeSet<>(); // what it started in the background
    private Integer jobStatus;       // the exit status of the last command if it ran a program in the foreground
    private Screen screen; // the terminal live views may take over; null in scripts

    Shell(Kernel kernel, PrintWriter out) {
        this.kernel = kernel;
        this.out = out;
        this.commands = new CommandLine(this, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls.getEnclosingClass() == Shell.class && !cls.isInterface() && !java.lang.reflect.Modifier.isStatic(cls.getModifiers())) {
                    return cls.getDeclaredConstructor(Shell.class).newInstance(Shell.this);
                }
                if (cls.getEnclosingClass() == MosixTools.class || cls.getEnclosingClass() == Experiments.class
                        || cls.getEnclosingClass() == Studies.class || cls.getEnclosingClass() == FuzzCampaign.class) {
                    return cls.getDeclaredConstructor(Shell.class).newInstance(Shell.this);
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        commands.setOut(out);
        commands.setErr(out);
        commands.setExpandAtFiles(false); // an argument @FILE is a word, never the content of a host file
        commands.registerConverter(java.nio.file.Path.class, name -> {
            try {
                return hostPath(name);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
        for (String takesNegative : List.of("advance", "kill")) { // advance -5s, kill -USR1: words for the command to judge
            commands.getSubcommands().get(takesNegative).setUnmatchedOptionsArePositionalParams(true);
        }
        commands.setExecutionExceptionHandler((e, cmd, parsed) -> {
            out.println(cmd.getCommandName() + ": " + describe(e));
            return 1;
        });
    }

    /**
     * What went wrong, in the words of the part that refused (they name what was wrong and where);
     * an exception no part meant to throw is a bug of ssi's, told without Java's names.
     */
    private static String describe(Exception e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() // the namespace's own words
                    : f instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                    : f instanceof java.nio.file.AccessDeniedException ? "permission denied" : "cannot be used");
        }
        boolean meant = e instanceof KernelException || e instanceof ssi.kernel.ImageException || e instanceof ssi.experiment.ExperimentException
                || e instanceof java.io.IOException || e instanceof IllegalArgumentException || e instanceof IllegalStateException;
        return meant && e.getMessage() != null ? e.getMessage() : "internal error (a bug of ssi's: the command failed inside it)";
    }

    /** A host path as a command names it; a name no host path can be (a NUL in it) is refused in plain words. */
    static java.nio.file.Path hostPath(String name) {
        try {
            return java.nio.file.Path.of(name);
        } catch (java.nio.file.InvalidPathException e) {
            StringBuilder shown = new StringBuilder();
            name.codePoints().forEach(c -> shown.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : Character.toString(c)));
            throw new IllegalArgumentException("'" + shown + "' cannot name a file on this host");
        }
    }

    /**
     * Completions of a word: a command name if it is the first word, else a path of the cluster's
     * files (directories end with {@code /}), or a program of {@code /bin} by its short name.
     */
    List<String> complete(boolean first, String word) {
        if (first) {
            return commandNames().stream().filter(n -> n.startsWith(word)).sorted().toList();
        }
        int slash = word.lastIndexOf('/');
        String dir = slash < 0 ? "" : word.substring(0, slash + 1);
        List<String> out = new ArrayList<>();
        try {
            for (String name : files().list(Namespace.normalise(dir.isEmpty() ? "." : dir, cwd))) {
                if ((dir + name).startsWith(word)) {
                    out.add(dir + name);
                }
            }
            if (slash < 0) {
                files().list("/bin").stream().filter(n -> n.startsWith(word) && !n.endsWith("/")).forEach(out::add);
            }
        } catch (java.io.IOException e) {
            return List.of(); // nothing to offer under a path that does not exist
        }
        return out.stream().distinct().sorted().toList();
    }

    /** The names of the commands, for completion. */
    List<String> commandNames() {
        return new ArrayList<>(commands.getSubcommands().keySet());
    }

    /** The cluster's files as the shell's node sees them ({@code /home}, {@code /tmp} are its own). */
    private ssi.mfs.FileView files() {
        return kernel.files().view(shellNode);
    }

    Kernel kernel() {
        return kernel;
    }

    /** Lets live views (mon, mtop) take over this terminal. */
    void useScreen(Screen screen) {
        this.screen = screen;
    }

    /** The terminal for live views, or null (a script: they render once). */
    Screen screen() {
        return screen;
    }

    PrintWriter out() {
        return out;
    }

    /** The node the shell stands on: the home of what it starts, the node its admin files are of. */
    int node() {
        return shellNode;
    }

    boolean exitRequested() {
        return exitRequested;
    }

    /** The exit status of the program the last command ran in the foreground, if it did. */
    java.util.Optional<Integer> jobStatus() {
        return java.util.Optional.ofNullable(jobStatus);
    }

    /** Runs one command line (already split into words); returns true if it succeeded. */
    boolean run(List<String> words) {
        jobStatus = null;
        background = false;
        if (!words.isEmpty() && words.getLast().endsWith("&")) { // as in a Unix shell: the program runs in the background
            String last = words.getLast();
            words = new ArrayList<>(words.subList(0, words.size() - 1));
            if (!last.equals("&")) {
                words.add(last.substring(0, last.length() - 1));
            }
            background = true;
            if (words.isEmpty() || !words.getFirst().equals("mosrun")) {
                out.println("& runs a program in the background: mosrun PROG ARGS &");
                out.flush();
                return false;
            }
        }
        if (words.isEmpty()) {
            return true;
        }
        if (words.contains("|")) {
            return pipeline(words);
        }
        if (!commands.getSubcommands().containsKey(words.getFirst())) {
            out.println("unknown command '" + words.getFirst() + "' (try help)");
            out.flush();
            return false;
        }
        int rc;
        try {
            rc = commands.execute(mosrunNodeOptions(words).toArray(String[]::new));
        } catch (OutOfMemoryError | StackOverflowError e) { // what the command built is garbage now: the shell goes on
            out.println(words.getFirst() + ": internal error (a bug of ssi's: the command ran out of "
                    + (e instanceof OutOfMemoryError ? "memory" : "stack") + ")");
            rc = 1;
        }
        out.flush();
        return rc == 0;
    }

    /** MOSIX's {@code mosrun -3 prog} is {@code mosrun -r 3 prog}: rewrite numeric options before the program. */
    private static List<String> mosrunNodeOptions(List<String> words) {
        if (!words.getFirst().equals("mosrun")) {
            return words;
        }
        List<String> out = new ArrayList<>(List.of("mosrun"));
        int i = 1;
        for (; i < words.size() && words.get(i).startsWith("-"); i++) {
            String w = words.get(i);
            if (w.matches("-\\d+")) {
                out.addAll(List.of("-r", w.substring(1)));
                continue;
            }
            out.add(w);
            if ((w.equals("-r") || w.equals("-N") || w.equals("-C") || w.equals("-R")) && i + 1 < words.size()) {
                out.add(words.get(++i));
            }
        }
        out.addAll(words.subList(i, words.size()));
        return out;
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Command(name = "mosrun", description = "Start a guest program (JS or Python) with the shell's node as its home; print its pid.",
            footer = {"", "A program that asks for SysV shared memory under plain mosrun is stopped with MOSIX's message;",
                    "under -e it may use it and is then confined to its home node; -E starts a native process that never migrates.",
                    "mosrun A | mosrun B ... starts a pipeline: each one's stdout is a pipe to the next one's stdin.",
                    "-C checkpoints a process; after it dies (a crash of its node, a kill), -R PID starts it again at home from its last",
                    "checkpoint: its program, arguments, options and counters, and the state its program gave to ssi.checkpoint(text),",
                    "which it reads back with ssi.restored() (a guest's heap cannot be saved: the program goes on from that state)."})
    final class Mosrun implements Callable<Integer> {
        @Option(names = "-h", description = "run at home, locked against migration")
        boolean home;

        @Option(names = {"-r", "-N"}, paramLabel = "NODE", description = "start on this node (id or name); also -NODE, e.g. -3")
        String node;

        @Option(names = "-b", description = "start on the best node (the most CPU for it, with memory for it)")
        boolean best;

        @Option(names = "-L", description = "lock: no migration until unlocked")
        boolean lock;

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

        @Override
        public Integer call() throws KernelException {
            if (recover != null) {
                if (program != null) {
                    throw new IllegalArgumentException("mosrun -R PID recovers a process: give no program");
                }
                out.println(kernel.recover(recover));
                return 0;
            }
            if (program == null) {
                throw new IllegalArgumentException("which program? (mosrun PROG ARGS, or mosrun -R PID)");
            }
            started(List.of(kernel.spawn(shellNode, program, args, options())));
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
            int start = best ? RunOptions.BEST : node == null ? RunOptions.HOME : kernel.image().nodeId(node, shellNode);
            RunOptions.Mode mode = nativeMode ? RunOptions.Mode.NATIVE : confineOnUse ? RunOptions.Mode.CONFINE_ON_USE : RunOptions.Mode.STRICT;
            if (cpuJob && ioJob) {
                throw new IllegalArgumentException("choose one of -c and -i");
            }
            String hint = cpuJob ? "cpu" : ioJob ? "io" : "";
            long every = checkpoint == null ? 0 : Durations.parse(checkpoint.matches("\\d+(\\.\\d+)?") ? checkpoint + "s" : checkpoint);
            if (checkpoint != null && every <= 0) {
                throw new IllegalArgumentException("-C wants a time between checkpoints, such as 1 or 500ms, got " + checkpoint);
            }
            return new RunOptions(start, home || lock, mode, hint, every).in(cwd);
        }
    }

    /**
     * Programs the command line started: in the background, their pids are printed and kept as
     * jobs; in the foreground, the shell waits for them to end as a Unix shell does (the cluster
     * runs meanwhile, as with advance) and keeps the last one's exit status.
     */
    private void started(List<Integer> pids) {
        if (background) {
            jobs.addAll(pids);
            out.println(pids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" ")));
            return;
        }
        jobStatus = waitForEach(pids);
    }

    /**
     * Waits for these processes in turn; the last one's exit status. A Ctrl-C ends the whole wait,
     * as in bash: those not waited for yet go on as jobs.
     */
    private int waitForEach(List<Integer> pids) {
        long asked = kernel.interrupts();
        int status = 0;
        for (int i = 0; i < pids.size(); i++) {
            status = waitFor(pids.get(i));
            if (kernel.interrupts() != asked) {
                jobs.addAll(pids.subList(i + 1, pids.size()));
                break;
            }
        }
        return status;
    }

    /**
     * Runs the cluster until a process has ended (in realtime pace, waits as the clock runs); its
     * exit status. Ctrl-C (the kernel interrupted) sends it SIGINT, as a Unix shell does, and gives
     * the prompt back: 130.
     */
    private int waitFor(int pid) {
        out.flush();
        long asked = kernel.interrupts();
        while (true) {
            java.util.Optional<Integer> status = kernel.pace() == ssi.kernel.Pace.MAX
                    ? kernel.runUntilExit(pid, Long.MAX_VALUE) : kernel.exitStatus(pid);
            if (status.isPresent()) {
                jobs.remove(pid);
                return status.get();
            }
            if (kernel.interrupts() != asked) {
                try {
                    kernel.kill(pid, Signal.SIGINT);
                } catch (KernelException e) {
                    // it ended meanwhile
                }
                jobs.add(pid);
                out.println("[" + pid + "] interrupted: sent SIGINT");
                return 130;
            }
            try {
                Thread.sleep(10); // the background clock runs the cluster
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for process " + pid);
            }
        }
    }

    @Command(name = "wait", description = "Wait for programs started in the background (mosrun ... &) to end: these pids, or all of them.")
    final class Wait implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "PID")
        List<Integer> pids = new ArrayList<>();

        @Override
        public Integer call() {
            for (int pid : pids) {
                if (kernel.process(pid).isEmpty() && kernel.exitStatus(pid).isEmpty()) {
                    throw new IllegalArgumentException("no process " + pid);
                }
            }
            jobStatus = waitForEach(pids.isEmpty() ? List.copyOf(jobs) : pids);
            return 0;
        }
    }

    /** {@code mosrun A | mosrun B ...}: each program's stdout a pipe to the next one's stdin; prints their pids. */
    private boolean pipeline(List<String> words) {
        List<List<String>> commands = new ArrayList<>();
        List<RunOptions> options = new ArrayList<>();
        try {
            List<String> segment = new ArrayList<>();
            for (int i = 0; i <= words.size(); i++) { // the end of the line ends the last part
                if (i < words.size() && !words.get(i).equals("|")) {
                    segment.add(words.get(i));
                    continue;
                }
                if (segment.isEmpty() || !segment.getFirst().equals("mosrun")) {
                    throw new IllegalArgumentException("each part of a pipeline is a mosrun command, got '" + String.join(" ", segment) + "'");
                }
                Mosrun m = new Mosrun();
                List<String> rewritten = mosrunNodeOptions(segment);
                new CommandLine(m).setExpandAtFiles(false).parseArgs(rewritten.subList(1, rewritten.size()).toArray(String[]::new));
                if (m.program == null || m.recover != null) {
                    throw new IllegalArgumentException("each part of a pipeline runs a program: mosrun [options] PROG [ARGS]");
                }
                List<String> command = new ArrayList<>(List.of(m.program));
                command.addAll(m.args);
                commands.add(command);
                options.add(m.options());
                segment.clear();
            }
            started(kernel.pipeline(shellNode, commands, options));
            return true;
        } catch (CommandLine.ParameterException | IllegalArgumentException | KernelException e) {
            out.println("mosrun: " + e.getMessage());
            return false;
        } finally {
            out.flush();
        }
    }

    @Command(name = "ls", description = "List a directory of the cluster's files: /bin, /home, /tmp, /mfs/NODE.")
    final class Ls implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "PATH", description = "default: the shell's directory")
        String path;

        @Override
        public Integer call() throws java.io.IOException {
            files().list(Namespace.normalise(path == null ? cwd : path, cwd)).forEach(out::println);
            return 0;
        }
    }

    @Command(name = "cat", description = "Print a file of the cluster.")
    final class Cat implements Callable<Integer> {
        @Parameters(paramLabel = "PATH")
        String path;

        @Override
        public Integer call() throws java.io.IOException {
            String text = new String(files().read(Namespace.normalise(path, cwd)), java.nio.charset.StandardCharsets.UTF_8);
            out.print(text.endsWith("\n") || text.isEmpty() ? text : text + "\n");
            return 0;
        }
    }

    @Command(name = "echo", description = "Print text, or write it to a file: echo TEXT > FILE, echo TEXT >> FILE (append).")
    final class Echo implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "TEXT")
        List<String> words = new ArrayList<>();

        @Override
        public Integer call() throws java.io.IOException {
            int redirect = Math.max(words.indexOf(">"), words.indexOf(">>"));
            if (redirect < 0) {
                out.println(String.join(" ", words));
                return 0;
            }
            if (redirect != words.size() - 2) {
                throw new IllegalArgumentException("want: echo TEXT > FILE (the file last, after a separate > or >>)");
            }
            String text = String.join(" ", words.subList(0, redirect)) + "\n";
            files().write(Namespace.normalise(words.getLast(), cwd), text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    words.get(redirect).equals(">>"));
            return 0;
        }
    }

    @Command(name = "cp", description = "Copy a file.")
    final class Cp implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FROM")
        String from;

        @Parameters(index = "1", paramLabel = "TO")
        String to;

        @Override
        public Integer call() throws java.io.IOException {
            files().write(Namespace.normalise(to, cwd), files().read(Namespace.normalise(from, cwd)), false);
            return 0;
        }
    }

    @Command(name = "mv", description = "Rename a file or directory.")
    final class Mv implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FROM")
        String from;

        @Parameters(index = "1", paramLabel = "TO")
        String to;

        @Override
        public Integer call() throws java.io.IOException {
            files().move(Namespace.normalise(from, cwd), Namespace.normalise(to, cwd));
            return 0;
        }
    }

    @Command(name = "rm", description = "Remove a file or an empty directory.")
    final class Rm implements Callable<Integer> {
        @Parameters(paramLabel = "PATH")
        String path;

        @Override
        public Integer call() throws java.io.IOException {
            files().delete(Namespace.normalise(path, cwd));
            return 0;
        }
    }

    @Command(name = "mkdir", description = "Make a directory.")
    final class Mkdir implements Callable<Integer> {
        @Parameters(paramLabel = "PATH")
        String path;

        @Override
        public Integer call() throws java.io.IOException {
            files().mkdir(Namespace.normalise(path, cwd));
            return 0;
        }
    }

    @Command(name = "cd", description = "Change the shell's directory (default /).")
    final class Cd implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "PATH")
        String path = "/";

        @Override
        public Integer call() throws java.io.IOException {
            String target = Namespace.normalise(path, cwd);
            files().requireDirectory(target);
            cwd = target;
            return 0;
        }
    }

    @Command(name = "pwd", description = "Print the shell's directory.")
    final class Pwd implements Callable<Integer> {
        @Override
        public Integer call() {
            out.println(cwd);
            return 0;
        }
    }

    @Command(name = "migrate", description = "Migrate a process to a node (id or name), home, or balance (the node where it would get the most CPU).")
    final class Migrate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PID")
        int pid;

        @Parameters(index = "1", paramLabel = "NODE|home|balance")
        String target;

        @Override
        public Integer call() throws KernelException {
            kernel.migrate(pid, target);
            return 0;
        }
    }

    @Command(name = "migrations", description = "List migrations that ended, with their statistics by phase.")
    final class Migrations implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "PID", description = "only this process's")
        Integer pid;

        @Option(names = "--json", description = "machine-readable output")
        boolean json;

        @Override
        public Integer call() {
            List<Migration> list = kernel.migrations().stream().filter(m -> pid == null || m.pid() == pid).toList();
            if (json) {
                out.println(json(list));
                return 0;
            }
            long dropped = kernel.migrationCount() - kernel.migrations().size();
            if (dropped > 0) {
                out.println("... " + dropped + " earlier migrations not kept");
            }
            out.printf("%5s %4s %4s %-10s %10s %10s %9s %9s %7s %9s  %s%n",
                    "PID", "FROM", "TO", "REASON", "START", "FROZEN", "NEGOT", "TRANSFER", "PAGES", "BYTES", "OUTCOME");
            for (Migration m : list) {
                out.printf("%5d %4d %4d %-10s %10s %10s %9s %9s %7d %9d  %s%n", m.pid(), m.from(), m.to(), m.reason().label(),
                        Durations.format(m.requested()), Durations.millis(m.frozen()), Durations.millis(m.negotiation()),
                        Durations.millis(m.transfer()), m.pages(), m.bytes(), m.outcome());
            }
            return 0;
        }
    }

    @Command(name = "policy", description = "The load-balancing policy: list, show, use NAME [key=value ...], load DIR, unload NAME.")
    final class PolicyCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ACTION", description = "list | show | use | load | unload")
        String action;

        @Parameters(index = "1..*", paramLabel = "ARGS", description = "use: NAME [key=value ...]; load: DIR; unload: NAME")
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws KernelException {
            switch (action) {
                case "list" -> kernel.policies().names().forEach(n -> out.println((kernel.policy().split(" ")[0].equals(n) ? "* " : "  ") + n));
                case "show" -> out.println(kernel.policy());
                case "use" -> {
                    if (args.isEmpty()) {
                        throw new IllegalArgumentException("use: which policy? (" + String.join(", ", kernel.policies().names()) + ")");
                    }
                    java.util.Map<String, String> settings = new java.util.TreeMap<>();
                    for (String kv : args.subList(1, args.size())) {
                        int eq = kv.indexOf('=');
                        if (eq < 1) {
                            throw new IllegalArgumentException("use: want key=value, got '" + kv + "'");
                        }
                        settings.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                    kernel.usePolicy(args.getFirst(), settings);
                    out.println(kernel.policy());
                }
                case "load" -> out.println("loaded " + String.join(", ", kernel.policies().load(hostPath(one("load DIR")))));
                case "unload" -> kernel.unloadPolicy(one("unload NAME"));
                default -> throw new IllegalArgumentException("no action '" + action + "' (list, show, use, load, unload)");
            }
            return 0;
        }

        private String one(String usage) {
            if (args.size() != 1) {
                throw new IllegalArgumentException("usage: policy " + usage);
            }
            return args.getFirst();
        }
    }

    @Command(name = "ps", description = "List processes, and the deputies of those away from home (NODE is where each runs).")
    final class Ps implements Callable<Integer> {
        @Option(names = "--json", description = "machine-readable output")
        boolean json;

        @Override
        public Integer call() {
            kernel.measureHeaps(); // HEAP: what each measured when last asked; asked again for the next ps
            List<ProcessInfo> ps = kernel.ps();
            if (json) {
                out.println(json(ps));
                return 0;
            }
            out.printf("%5s %5s %4s %4s %1s %5s %8s %8s %9s %-9s  %s%n", "PID", "PPID", "NODE", "HOME", "S", "NMIGS", "MEM", "HEAP", "CPU",
                    "CANTMOVE", "COMMAND");
            for (ProcessInfo p : ps) {
                out.printf("%5d %5d %4d %4d %1s %5d %7dK %8s %9.3f %-9s  %s%n", p.pid(), p.ppid(), p.where(), p.home(), p.state().letter(),
                        p.nmigs(), p.memory() >> 10, p.heap() < 0 ? "-" : (p.heap() >> 10) + "K", p.cpuSeconds(),
                        p.cantmove().isEmpty() ? "-" : p.cantmove(), p.command());
                if (p.away()) {
                    out.printf("%5d %5s %4d %4d %1s %5s %8s %8s %9.3f %-9s  [deputy, %d calls] %s%n", p.pid(), "-", p.home(), p.home(), "-",
                            "-", "-", "-", p.deputySeconds(), "-", p.forwarded(), p.command());
                }
            }
            return 0;
        }
    }

    @Command(name = "nodes", description = "List nodes: name, speed, CPUs, memory, load, processes, deputies, disk used.")
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
            out.printf("%3s %-8s %6s %4s %8s %8s %6s %7s %5s %8s %13s%n", "ID", "NAME", "SPEED", "CPUS", "MEM", "FREE", "LOAD", "LOADIDX", "PROCS",
                    "DEPUTIES", "DISK");
            for (NodeInfo n : nodes) {
                out.printf("%3d %-8s %6.2f %4d %7dM %7dM %6.2f %7.2f %5d %8d %13s%n", n.spec().id(), n.spec().name(), n.spec().speed(), n.spec().cpus(),
                        n.spec().memory() >> 20, n.freeMemory() >> 20, n.load(), n.loadIndex(), n.processes(), n.deputies(),
                        megabytes(n.diskUsed()) + "/" + megabytes(n.spec().disk()) + (n.spec().nomfs() ? " nomfs" : ""));
            }
            return 0;
        }
    }

    /** Bytes in MB, with one decimal below 10 MB. */
    private static String megabytes(long bytes) {
        double mb = bytes / (double) (1 << 20);
        return mb < 10 ? String.format("%.1fM", mb) : String.format("%dM", Math.round(mb));
    }

    @Command(name = "kill", description = "Send a signal (default SIGTERM) to processes, as bash's kill does.",
            footer = {"", "kill [-s SIGNAL | -SIGNAL] PID...: a signal by name or number, e.g. kill -9 5,",
                    "kill -USR1 5, kill -SIGUSR1 5, kill -s USR1 5; kill -l lists the signals,",
                    "kill -l N names one. The shell, the administrator, may signal any process."})
    final class Kill implements Callable<Integer> {
        @Option(names = "-s", paramLabel = "SIGNAL", description = "the signal, by name or number: TERM, SIGUSR1, 9")
        String signal;

        @Option(names = "-l", description = "list the signals (with NUMBER: name that one)")
        boolean list;

        @Parameters(arity = "0..*", paramLabel = "[-SIGNAL] PID", description = "the signal as -NAME or -NUMBER, then the processes")
        List<String> words = new ArrayList<>();

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
                    kernel.kill(Integer.parseInt(pid), s);
                } catch (KernelException e) {
                    out.println("kill: " + e.getMessage());
                    all = false;
                }
            }
            return all ? 0 : 1;
        }

        /** As bash: {@code  1) SIGHUP	 2) SIGINT ...}, five to a line; with numbers, their names. */
        private void listSignals() {
            if (!words.isEmpty()) {
                for (String w : words) {
                    out.println(Signal.parse(w).filter(x -> w.matches("\\d+")).map(x -> x.name().substring(3))
                            .orElseThrow(() -> new IllegalArgumentException("no signal number '" + w + "' (kill -l lists them)")));
                }
                return;
            }
            Signal[] all = Signal.values();
            for (int i = 0; i < all.length; i++) {
                out.printf("%2d) %-8s%s", all[i].number(), all[i].name(), i % 5 == 4 || i == all.length - 1 ? "\n" : "\t");
            }
        }
    }

    @Command(name = "advance", description = "Run the cluster for a span of virtual time, e.g. 500ms or 10s; Ctrl-C stops it.")
    final class Advance implements Callable<Integer> {
        @Parameters(paramLabel = "DURATION")
        String duration;

        @Override
        public Integer call() {
            if (duration.strip().startsWith("-")) {
                throw new IllegalArgumentException("the duration is negative (" + duration.strip() + "): time only goes forward");
            }
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

    @Command(name = "bench", subcommands = {Shell.BenchProgram.class, FuzzCampaign.BenchFuzz.class}, description = "Measure ssi: start-up, guest CPU speed (vs a bare GraalVM context, node and python3), "
            + "mechanism costs, many guests, synthetic studies (scenario runs), then the kernel's functions (JMH) and gossip.")
    final class Bench implements Callable<Integer> {
        @Option(names = "--jmh", description = "Only the JMH benchmarks of the kernel's functions.")
        boolean jmhOnly;

        @Option(names = "--synthetic", description = "Only the synthetic studies (100 to 10,000 nodes).")
        boolean syntheticOnly;

        @Option(names = "--suite", description = "Only the image's suite of real programs (/bench): bench program on each, geometric means.")
        boolean suiteOnly;

        @Option(names = "--runs", paramLabel = "N", description = "cold runs of each suite program, the median kept (default 1)")
        int runs = 1;

        @Option(names = "--start", description = "Only the time from the JVM's start to the first line of ./ssi -c 'mosrun hello.js' (and .py).")
        boolean startOnly;

        @Override
        public Integer call() throws Exception {
            if (runs < 1) {
                throw new IllegalArgumentException("--runs wants 1 or more, got " + runs);
            }
            if (jmhOnly) {
                ssi.bench.Microbenchmarks.run(kernel.image(), 1, out);
            } else if (syntheticOnly) {
                ssi.shell.Bench.synthetic(kernel.image(), out);
            } else if (suiteOnly) {
                ProgramBench.suite(kernel.image(), runs, out);
            } else if (startOnly) {
                ProgramBench.firstOutput(kernel.image(), out);
            } else {
                ProgramBench.firstOutput(kernel.image(), out);
                ssi.shell.Bench.run(kernel.image(), out);
                ProgramBench.suite(kernel.image(), runs, out);
            }
            return 0;
        }
    }

    @Command(name = "program", description = "Time one guest program three ways: as an ssi process on an idle node, in a bare GraalVM context"
            + " (the same engine, no kernel, no work meter) and under node or python3; print the wall times and their ratios.")
    final class BenchProgram implements Callable<Integer> {
        @Option(names = "--json", description = "one JSON object: program, lang, ssi_s, bare_s, native_s, ssi_over_bare, ssi_over_native, exit")
        boolean json;

        @Option(names = "--runs", paramLabel = "N", description = "cold runs of each, the median kept (default 1)")
        int runs = 1;

        @Parameters(index = "0", paramLabel = "FILE", description = "a program of the image's tree: /bench/js/json/main.js, or x.js for /bin/x.js")
        String program;

        @Parameters(index = "1..*", paramLabel = "ARGS", description = "its arguments")
        List<String> args = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            if (runs < 1) {
                throw new IllegalArgumentException("--runs wants 1 or more, got " + runs);
            }
            String path = Namespace.normalise(program.startsWith("/") || program.contains("/") ? program : "/bin/" + program, cwd);
            ProgramBench.print(ProgramBench.measure(kernel.image(), path, args, runs), json, out);
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
