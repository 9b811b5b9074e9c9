package ssi.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;
import ssi.api.Signal;
import ssi.kernel.Kernel;
import ssi.kernel.KernelException;
import ssi.kernel.RunOptions;
import ssi.mfs.Namespace;

/**
 * The shell: command lines parsed by picocli and run against the kernel's public API, one line in,
 * its output out; a failed command says why and the shell goes on. It keeps what a Unix shell
 * keeps (its directory, its background jobs, the last foreground status); the commands are in
 * groups of their own ({@link ProcessCommands}, {@link FileCommands}, {@link ClusterCommands},
 * {@link MosixTools}, {@link Experiments}, {@link Studies}).
 */
@Command(name = "", subcommands = {
        ProcessCommands.Mosrun.class, FileCommands.Ls.class, FileCommands.Cat.class, FileCommands.Echo.class, FileCommands.Cp.class,
        FileCommands.Mv.class, FileCommands.Rm.class, FileCommands.Mkdir.class, FileCommands.Cd.class, FileCommands.Pwd.class,
        ProcessCommands.Migrate.class, ProcessCommands.Migrations.class, ClusterCommands.PolicyCommand.class, ProcessCommands.Ps.class,
        ClusterCommands.Nodes.class, ClusterCommands.Web.class, ProcessCommands.Kill.class, ProcessCommands.Advance.class, ClusterCommands.Host.class,
        ClusterCommands.Bench.class, ProcessCommands.Trace.class, ProcessCommands.Wait.class, Shell.Help.class, Shell.Exit.class,
        MosixTools.Mosctl.class, MosixTools.Mps.class, MosixTools.Mtop.class, MosixTools.Mon.class, MosixTools.NodeCommand.class,
        Experiments.ExperimentCommand.class, Experiments.Plot.class, Studies.Synth.class, Studies.ImageCommand.class,
        MultiClusterCommands.ClusterCommand.class, MultiClusterCommands.Mosq.class, MultiClusterCommands.Mosrc.class})
final class Shell {
    /** The classes whose commands are made with the shell they run in. */
    private static final java.util.Set<Class<?>> GROUPS = java.util.Set.of(ProcessCommands.class, FileCommands.class, ClusterCommands.class,
            MosixTools.class, Experiments.class, Sweeps.class, Studies.class, FuzzCampaign.class, MultiClusterCommands.class);
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
    private ssi.web.WebView web; // the live web view, while one is served

    Shell(Kernel kernel, PrintWriter out) {
        this.kernel = kernel;
        this.out = out;
        this.commands = new CommandLine(this, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls.getEnclosingClass() == Shell.class && !cls.isInterface() && !java.lang.reflect.Modifier.isStatic(cls.getModifiers())) {
                    return cls.getDeclaredConstructor(Shell.class).newInstance(Shell.this);
                }
                if (cls.getEnclosingClass() != null && GROUPS.contains(cls.getEnclosingClass())) {
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
                || e instanceof ssi.sweep.SweepException
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
    ssi.mfs.FileView files() {
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

    /** The shell's directory, where relative paths start. */
    String cwd() {
        return cwd;
    }

    /** A command's arguments after its action when there are {@code n} of them; else its usage, as the error. */
    static List<String> expect(List<String> args, int n, String usage) {
        if (args.size() != n) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        return args;
    }

    /** A path as the user typed it, made absolute against the shell's directory. */
    String resolve(String path) throws java.io.IOException {
        return Namespace.normalise(path, cwd);
    }

    /** Changes the shell's directory (a directory that exists). */
    void cd(String dir) {
        cwd = dir;
    }

    boolean exitRequested() {
        return exitRequested;
    }

    /** Serves the web view of this shell's cluster (its controls start programs at the shell's node); its URL. */
    String startWeb(ssi.web.WebOptions options) throws java.io.IOException {
        if (web != null) {
            throw new IllegalStateException("already serving at " + web.url() + " (web stop first)");
        }
        web = ssi.web.WebView.start(kernel, options, shellNode);
        return web.url();
    }

    /** Stops the web view; false if none was served. */
    boolean stopWeb() {
        if (web == null) {
            return false;
        }
        web.close();
        web = null;
        return true;
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
            if (words.isEmpty() || !words.getFirst().equals("mosrun") && !words.getFirst().equals("mosrc")) {
                out.println("& runs a program in the background: mosrun PROG ARGS & (or mosrc -r TARGET PROG ARGS &)");
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

    static String json(Object value) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Programs the command line started: in the background, their pids are printed and kept as
     * jobs; in the foreground, the shell waits for them to end as a Unix shell does (the cluster
     * runs meanwhile, as with advance) and keeps the last one's exit status.
     */
    void started(List<Integer> pids) {
        if (background) {
            jobs.addAll(pids);
            out.println(pids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" ")));
            return;
        }
        jobStatus = waitForEach(pids);
    }

    /** {@code wait}: waits for these processes, or all the jobs if none is given. */
    void waitForJobs(List<Integer> pids) {
        jobStatus = waitForEach(pids.isEmpty() ? List.copyOf(jobs) : pids);
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
                ProcessCommands.Mosrun m = new ProcessCommands.Mosrun(this);
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
