package ssi.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import ssi.api.ProcessInfo;
import ssi.api.ProcessState;
import ssi.api.Signal;
import ssi.guest.GuestRuntime;
import ssi.guest.Language;
import ssi.kernel.Image;
import ssi.kernel.Kernel;
import ssi.kernel.KernelException;
import ssi.kernel.KernelListener;
import ssi.kernel.Output;
import ssi.kernel.RunOptions;
import ssi.shell.FuzzTally.Failure;

/**
 * The guest half of the fuzz suite: {@code fuzz.js} and {@code fuzz.py} (this module's resources,
 * written into the cluster's {@code /home/fuzz}) call every {@code ssi} function with arguments
 * drawn from a seed, and print a line per call. Each program runs on a fresh cluster beside a
 * sentinel of another user; afterwards every line must be there, every error one of the
 * language's own kinds, nothing any process printed Java text, the sentinel unharmed, the kernel's
 * invariants whole, the trace clean, and a normal program must still run to its end.
 */
final class GuestFuzz {
    static final String DIR = "/home/fuzz";
    /** Calls per program in a campaign: a context's start is paid once for them. */
    static final int CALLS = 500;
    /** Virtual time between the watchdog's looks: a program blocked at two looks in a row gets SIGALRM, which its harness turns into an error. */
    private static final long LOOK = 20_000_000L;
    /**
     * The error kinds a guest may see: JavaScript's, and Python's ordinary exceptions (OSError's
     * family among them; MemoryError as CPython raises it for a read of a size it cannot allocate,
     * which GraalPy does for 2**31 - 1 on a buffered file).
     */
    private static final Set<String> JS_ERRORS = Set.of("Error", "TypeError", "RangeError");
    private static final Set<String> PYTHON_ERRORS = Set.of("OSError", "FileNotFoundError", "FileExistsError", "PermissionError",
            "IsADirectoryError", "NotADirectoryError", "BrokenPipeError", "ChildProcessError", "ProcessLookupError", "InterruptedError",
            "BlockingIOError", "TimeoutError", "TypeError", "ValueError", "OverflowError", "UnicodeEncodeError", "UnicodeDecodeError",
            "AttributeError", "MemoryError");

    private final Image image;
    private final GuestRuntime runtime;
    private final long hangMillis;

    /** @param hangMillis wall time the program may go without printing a line before it counts as a hang */
    GuestFuzz(Image image, GuestRuntime runtime, long hangMillis) {
        this.image = image;
        this.runtime = runtime;
        this.hangMillis = hangMillis;
    }

    /** The harness of a language, as the cluster's path of it. */
    static String program(Language language) {
        return DIR + "/fuzz." + (language == Language.JS ? "js" : "py");
    }

    /**
     * Runs one program of {@code calls} calls drawn from {@code seed} on a fresh cluster; counts its
     * calls in {@code tally}. Returns the names of the calls it made.
     */
    Set<String> run(Language language, long seed, int calls, FuzzTally tally) throws Exception {
        String where = program(language) + " " + seed + " " + calls;
        Kernel kernel = Kernel.boot(image, seed, runtime);
        Screen seen = new Screen();
        kernel.addListener(seen);
        ExecutorService host = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("fuzz-guest").unstarted(r));
        boolean stuck = false;
        try {
            install(kernel);
            int sentinel = kernel.spawn(1, "/bin/idle.js", List.of(), RunOptions.DEFAULT.as("other"));
            int pid = kernel.spawn(1, program(language), List.of(String.valueOf(seed), String.valueOf(calls)),
                    new RunOptions(RunOptions.HOME, false, RunOptions.Mode.CONFINE_ON_USE).in(DIR));
            Future<Integer> ended = host.submit(() -> runWatched(kernel, pid));
            Integer status = await(ended, seen);
            if (status == null) {
                stuck = true;
                tally.fail(Failure.HANG, where, "after call " + seen.lines(pid).size(), "no line for " + hangMillis + " ms of wall time");
                return Set.of();
            }
            check(kernel, language, pid, status, sentinel, calls, seen, where, tally);
            return seen.lines(pid).stream().map(l -> l.split(" ")).filter(w -> w.length > 1 && w[0].matches("\\d+")).map(w -> w[1])
                    .collect(java.util.stream.Collectors.toSet());
        } finally {
            host.shutdownNow();
            if (!stuck) {
                kernel.close();
            }
        }
    }

    /** Writes the harnesses into the cluster's {@code /home/fuzz}. */
    private static void install(Kernel kernel) throws IOException {
        var files = kernel.files().view(1);
        files.mkdir(DIR);
        for (Language l : Language.values()) {
            try (InputStream in = GuestFuzz.class.getResourceAsStream("fuzz/" + program(l).substring(DIR.length() + 1))) {
                files.write(program(l), in.readAllBytes(), false);
            }
        }
    }

    /** Runs the cluster until the program ends, sending SIGALRM to it when it stays blocked (and SIGCONT when stopped); its status. */
    private static int runWatched(Kernel kernel, int pid) throws KernelException {
        boolean blocked = false;
        while (true) {
            var status = kernel.runUntilExit(pid, LOOK);
            if (status.isPresent()) {
                return status.get();
            }
            ProcessState state = kernel.process(pid).map(ProcessInfo::state).orElse(ProcessState.RUNNING);
            boolean now = state == ProcessState.SLEEPING || state == ProcessState.STOPPED;
            if (blocked && now) {
                if (state == ProcessState.STOPPED) {
                    kernel.kill(pid, Signal.SIGCONT);
                }
                kernel.kill(pid, Signal.SIGALRM);
                now = false;
            }
            blocked = now;
        }
    }

    /** The program's status, or null if it went {@code hangMillis} without printing (it is left behind). */
    private Integer await(Future<Integer> ended, Screen seen) throws Exception {
        while (true) {
            try {
                return ended.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                if (seen.quietMillis() > hangMillis) {
                    return null;
                }
            }
        }
    }

    private static void check(Kernel kernel, Language language, int pid, int status, int sentinel, int calls, Screen seen, String where,
            FuzzTally tally) throws Exception {
        Map<Integer, String> lines = new TreeMap<>();
        for (String line : seen.lines(pid)) {
            String[] w = line.split(" ", 3);
            if (w.length == 3 && w[0].matches("\\d+")) {
                lines.put(Integer.parseInt(w[0]), line); // a line written twice (a signal between write and return) counts once
            }
        }
        Set<String> allowed = language == Language.JS ? JS_ERRORS : PYTHON_ERRORS;
        for (String line : lines.values()) {
            String[] w = line.split(" ", 5);
            boolean refused = w.length >= 4 && w[2].equals("err");
            if (refused && !allowed.contains(w[3].split("/")[0])) { // Python: the nearest built-in class, then the error's own
                tally.fail(Failure.LEAK, where, line, "not an error of " + language.id() + "'s own kinds: " + w[3]);
            }
            tally.record(refused && allowed.contains(w[3].split("/")[0]));
        }
        JavaText.find(seen.text()).ifPresent(java -> tally.fail(Failure.LEAK, where, "output", java));
        List<String> problems = new ArrayList<>();
        if (lines.size() < calls || seen.lines(pid).stream().noneMatch(l -> l.startsWith("done "))) {
            problems.add("it ended (status " + status + ") after " + lines.size() + " of " + calls + " calls: " + tail(seen.text()));
        }
        String internal = ShellFuzz.internalError(kernel, seen.text());
        if (internal != null) {
            problems.add(internal);
        }
        var guard = kernel.process(sentinel).map(ProcessInfo::state);
        if (guard.isEmpty() || guard.get() == ProcessState.STOPPED) {
            problems.add("the sentinel of another user was harmed: " + guard.map(Enum::name).orElse("ended with " + kernel.exitStatus(sentinel)));
        }
        try {
            kernel.checkInvariants();
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
        }
        String trace = String.join("\n", kernel.trace());
        JavaText.find(trace).ifPresent(java -> tally.fail(Failure.LEAK, where, "trace", java));
        if (trace.contains(" fault pid=")) {
            problems.add("a kernel fault in the trace");
        }
        killAll(kernel);
        int hello = kernel.spawn(1, "/bin/hello.js", List.of());
        if (kernel.runUntilExit(hello, 10_000_000_000L).orElse(-1) != 0 || !seen.text().contains("hello from JavaScript")) {
            problems.add("a normal program did not run to its end afterwards");
        }
        problems.forEach(p -> tally.fail(Failure.CRASH, where, "the run", p));
    }

    private static String tail(String text) {
        return text.length() > 600 ? text.substring(text.length() - 600) : text;
    }

    private static void killAll(Kernel kernel) {
        for (var p : kernel.ps()) {
            try {
                kernel.kill(p.pid(), Signal.SIGKILL);
            } catch (KernelException e) {
                // it ended meanwhile
            }
        }
        kernel.advance(kernel.image().quantumNanos());
    }

    /** Everything the processes print; the harness's lines by pid; when the last line came. */
    private static final class Screen implements KernelListener {
        private final StringBuilder all = new StringBuilder();
        private final Map<Integer, List<String>> lines = new TreeMap<>();
        private volatile long last = System.nanoTime();

        @Override
        public synchronized void output(Output o) {
            all.append(o.text());
            last = System.nanoTime();
            for (String line : o.text().split("\n")) {
                if (line.startsWith("#fuzz# ")) {
                    lines.computeIfAbsent(o.pid(), p -> new ArrayList<>()).add(line.substring(7));
                }
            }
        }

        synchronized String text() {
            return all.toString();
        }

        synchronized List<String> lines(int pid) {
            return List.copyOf(lines.getOrDefault(pid, List.of()));
        }

        long quietMillis() {
            return (System.nanoTime() - last) / 1_000_000;
        }
    }
}
