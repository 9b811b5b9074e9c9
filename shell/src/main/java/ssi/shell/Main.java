package ssi.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.Candidate;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ssi.api.Migration;
import ssi.api.ProcessInfo;
import ssi.kernel.Durations;
import ssi.kernel.Image;
import ssi.kernel.ImageException;
import ssi.kernel.Kernel;
import ssi.kernel.KernelException;
import ssi.kernel.KernelListener;
import ssi.kernel.Output;
import ssi.kernel.Pace;

/** {@code ./ssi [--image NAME|DIR] [--seed N] [--pace realtime|max] [--state DIR] [--fresh] [--web [--port P] [--bind ADDR] [--token T]] [-c 'CMD; CMD' | FILE]}. */
@Command(name = "ssi", mixinStandardHelpOptions = true, description = "A single-system-image cluster emulator.")
public final class Main implements Callable<Integer> {
    /** Virtual time a script's processes get to finish once its commands are done. */
    private static final long DRAIN_NANOS = 60_000_000_000L;

    @Option(names = "--image", paramLabel = "NAME|DIR", description = "the cluster image (default: paper5)")
    String image = "paper5";

    @Option(names = "--seed", paramLabel = "N", description = "the run's seed (default: the image's)")
    Long seed;

    @Option(names = "--pace", paramLabel = "realtime|max", description = "realtime: the clock runs while you type; max: only through advance (default: realtime in the shell, max in scripts)")
    String pace;

    @Option(names = "--state", paramLabel = "DIR", description = "where the cluster's files are kept (default: ~/.ssi/state/IMAGE)")
    Path state;

    @Option(names = "--fresh", description = "start with no files: empty the state directory first")
    boolean fresh;

    @Option(names = "--web", description = "serve the live web view (the shell's web command) from the start; print its URL")
    boolean web;

    @Option(names = "--port", paramLabel = "P", description = "with --web: its port (default 8080)")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDR", description = "with --web: its address (default 127.0.0.1; another needs --token)")
    String bind;

    @Option(names = "--token", paramLabel = "T", description = "with --web: the access token every request must carry")
    String token;

    @Option(names = "-c", paramLabel = "'CMD; CMD'", description = "run these commands and exit")
    String commands;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "run the commands in this file and exit")
    Path file;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("worker")) { // ./ssi worker: a sweep member, no shell
            System.exit(new CommandLine(new Sweeps.Worker()).setExpandAtFiles(false).execute(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(new CommandLine(new Main()).setExpandAtFiles(false).execute(args)); // ./ssi @FILE is no file's content
    }

    @Override
    public Integer call() throws IOException {
        Image img;
        try {
            img = Image.find(image, Path.of(System.getProperty("ssi.images", "images")));
        } catch (ImageException e) {
            System.err.println("ssi: " + e.getMessage());
            return 2;
        }
        Pace chosen = pace == null ? null : switch (pace) {
            case "realtime" -> Pace.REALTIME;
            case "max" -> Pace.MAX;
            default -> null;
        };
        if (pace != null && chosen == null) {
            System.err.println("ssi: --pace: want realtime or max, got '" + pace + "'");
            return 2;
        }
        if (!web && (port != null || bind != null || token != null)) {
            System.err.println("ssi: --port, --bind and --token are the web view's: give --web too");
            return 2;
        }
        List<String> startup = web ? List.of(webCommand()) : List.of();
        List<String> script = null;
        if (commands != null) {
            script = List.of(commands);
        } else if (file != null) {
            if (!Files.isRegularFile(file)) {
                System.err.println("ssi: no such script file: " + file);
                return 2;
            }
            try {
                script = Files.readAllLines(file);
            } catch (java.nio.charset.CharacterCodingException e) {
                System.err.println("ssi: " + file + ": not a script (a script is text in UTF-8: commands, one or more a line)");
                return 2;
            }
        }
        Kernel booted;
        try {
            Path dir = state != null ? state : Path.of(System.getProperty("user.home"), ".ssi", "state", img.name());
            if (fresh) {
                deleteTree(dir);
            }
            booted = Kernel.boot(img, seed == null ? img.seed() : seed, dir);
        } catch (KernelException e) {
            System.err.println("ssi: image " + img.name() + ": " + e.getMessage());
            return 2;
        }
        try (Kernel kernel = booted) {
            if (script != null) {
                List<String> lines = new ArrayList<>(startup);
                lines.addAll(script);
                return runScript(kernel, lines, chosen == null ? Pace.MAX : chosen);
            }
            kernel.warmUpGuests(); // while the person reads the banner and types
            interactive(kernel, chosen == null ? Pace.REALTIME : chosen, TerminalBuilder.builder().system(true).build(),
                    Path.of(System.getProperty("user.home"), ".ssi_history"), startup);
            return 0;
        }
    }

    /** The shell's web command that --web and its options ask for. */
    private String webCommand() {
        return "web" + (port != null ? " --port " + port : "") + (bind != null ? " --bind '" + bind + "'" : "")
                + (token != null ? " --token '" + token + "'" : "");
    }

    /** Empties a state directory (only one that looks like one: it holds the namespace's mount points). */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        if (!Files.isDirectory(dir.resolve("mfs")) || !Files.isDirectory(dir.resolve("tmp"))) {
            throw new IOException("--fresh: " + dir + " does not look like an ssi state directory; not deleting it");
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Runs a script's commands; its exit status is the last command's program's when that ran one in
     * the foreground and failed, else 1 if any command failed, else 0.
     */
    private static int runScript(Kernel kernel, List<String> lines, Pace pace) {
        PrintWriter out = new PrintWriter(System.out, true);
        kernel.addListener(printer(out::print, out::flush));
        Shell shell = new Shell(kernel, out);
        kernel.pace(pace);
        try {
            boolean ok = true;
            for (String line : lines) {
                for (String command : split(line)) {
                    ok &= shell.run(words(command));
                    if (shell.exitRequested()) {
                        return status(shell, ok);
                    }
                }
            }
            kernel.pace(Pace.MAX);
            long limit = kernel.now() + DRAIN_NANOS;
            while (!kernel.ps().isEmpty() && kernel.now() < limit) {
                kernel.advance(kernel.image().quantumNanos());
            }
            out.flush();
            return status(shell, ok);
        } finally {
            shell.stopWeb();
        }
    }

    private static int status(Shell shell, boolean ok) {
        int job = shell.jobStatus().orElse(0);
        return job != 0 ? job : ok ? 0 : 1;
    }

    /**
     * The prompt on {@code terminal}, its history kept in {@code history}, until exit or end of
     * input; {@code startup}'s commands (--web's) run once the banner is shown.
     */
    static void interactive(Kernel kernel, Pace pace, Terminal terminal, Path history, List<String> startup) {
        PrintWriter out = terminal.writer();
        Shell shell = new Shell(kernel, out);
        shell.useScreen(new Screen(terminal));
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("ssi")
                .completer((r, line, candidates) -> {
                    for (String c : shell.complete(line.wordIndex() == 0, line.word().substring(0, line.wordCursor()))) {
                        candidates.add(new Candidate(c, c, null, null, null, null, !c.endsWith("/"))); // a directory goes on
                    }
                })
                .variable(LineReader.HISTORY_FILE, history)
                .build();
        kernel.addListener(printer(text -> reader.printAbove(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text), () -> {}));
        out.println("ssi: image " + kernel.image().name() + ", " + kernel.image().nodes().size() + " nodes, seed " + kernel.seed()
                + ", pace " + pace.name().toLowerCase() + ". Type help; web shows the cluster live in a browser.");
        kernel.pace(pace);
        startup.forEach(command -> shell.run(words(command)));
        try {
            prompt(kernel, terminal, shell, reader);
        } finally {
            shell.stopWeb();
        }
        kernel.pace(Pace.MAX);
    }

    /** Reads and runs command lines until exit or end of input. */
    private static void prompt(Kernel kernel, Terminal terminal, Shell shell, LineReader reader) {
        while (!shell.exitRequested()) {
            String line;
            try {
                line = reader.readLine("ssi> ");
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            // Ctrl-C while a command runs stops the kernel's advance (or a foreground run) at its next
            // quantum boundary; at the prompt, the line reader handles it.
            java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
            Terminal.SignalHandler before = terminal.handle(Terminal.Signal.INT, signal -> {
                stopped.set(true); // and the rest of the line is not run, as in bash
                kernel.interrupt();
            });
            try {
                for (String command : split(line)) {
                    if (stopped.get()) {
                        break;
                    }
                    shell.run(words(command));
                }
            } finally {
                terminal.handle(Terminal.Signal.INT, before);
            }
        }
    }

    /** Prints what processes write and how they end. */
    static KernelListener printer(java.util.function.Consumer<String> print, Runnable flush) {
        return new KernelListener() {
            @Override
            public void output(Output o) {
                print.accept(o.text());
                flush.run();
            }

            @Override
            public void migrated(Migration m) {
                print.accept(String.format("[%d] %s node %d -> %d (%s), frozen %s, %d pages%n", m.pid(),
                        m.done() ? "migrated" : "migration rolled back:", m.from(), m.to(), m.done() ? m.reason().label() : m.outcome(),
                        Durations.millis(m.frozen()), m.pages()));
                flush.run();
            }

            @Override
            public void notice(long time, String text) {
                print.accept(String.format("[t=%s] %s%n", Durations.format(time), text));
                flush.run();
            }

            @Override
            public void exited(ProcessInfo p, int status, long time) {
                print.accept(String.format("[%d] exited with status %d at t=%s (%s)%n", p.pid(), status, Durations.format(time), p.command()));
                flush.run();
            }
        };
    }

    /** Splits a line into commands at semicolons outside quotes; drops a trailing # comment. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';') {
                out.add(cur.toString());
                cur.setLength(0);
                continue;
            } else if (c == '#' && (cur.isEmpty() || Character.isWhitespace(cur.charAt(cur.length() - 1)))) {
                break; // a comment runs to the end of the line
            }
            cur.append(c);
        }
        out.add(cur.toString());
        return out.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Splits a command into words, honouring quotes, as jline does for the prompt. */
    static List<String> words(String command) {
        return new DefaultParser().parse(command, command.length()).words().stream().filter(w -> !w.isEmpty()).toList();
    }
}
