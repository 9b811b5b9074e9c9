package ssi.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import ssi.api.Signal;
import ssi.guest.GuestRuntime;
import ssi.kernel.Image;
import ssi.kernel.Kernel;
import ssi.kernel.KernelException;
import ssi.kernel.KernelListener;
import ssi.kernel.Output;
import ssi.shell.FuzzTally.Failure;

/**
 * Sends generated command lines ({@link FuzzInputs}) to the shell as a user at the prompt would, in
 * sessions of a fresh cluster each. After every line: it returned within the hang bound; nothing
 * the shell or a guest printed holds Java text ({@link JavaText}) or an internal error; the
 * kernel's invariants hold. After every session: the trace holds neither, and a normal program
 * still runs to its end.
 */
final class ShellFuzz {
    /** Lines per cluster: a fresh one now and then keeps the nodes, files and pids small, as the generator expects. */
    static final int SESSION = 200;
    /** The virtual time a line may take before it is stopped as Ctrl-C would (an endless program waited for, a long advance). */
    private static final long VIRTUAL_BOUND = 1_000_000_000L;
    /**
     * The virtual time the session's last program may take: the nodes may owe seconds of their
     * deputies' work (at speed 0.001, a call served costs half a second), which comes first.
     */
    private static final long LAST_BOUND = 60_000_000_000L;
    /** Live processes a session keeps; beyond them all are killed (they cost wall time in every later advance). */
    private static final int LIVE = 3;

    private final Image image;
    private final GuestRuntime runtime;
    private final Path scratch;
    private final long hangMillis;

    /**
     * @param scratch a host directory for the commands that write host files
     * @param hangMillis wall time a line may take before it counts as a hang (a bound, not a measure)
     */
    ShellFuzz(Image image, GuestRuntime runtime, Path scratch, long hangMillis) {
        this.image = image;
        this.runtime = runtime;
        this.scratch = scratch;
        this.hangMillis = hangMillis;
    }

    /** Runs {@code cases} lines drawn from {@code seed}, in sessions of {@link #SESSION}; session k draws from {@code seed + k}. */
    FuzzTally run(long seed, int cases) throws Exception {
        FuzzTally tally = new FuzzTally("shell commands");
        for (int session = 0; session * SESSION < cases; session++) {
            session(seed + session, Math.min(SESSION, cases - session * SESSION), tally);
        }
        return tally;
    }

    /** One cluster, {@code lines} lines; the cases are named {@code seed S line I} to reproduce them. */
    void session(long seed, int lines, FuzzTally tally) throws Exception {
        FuzzInputs inputs = new FuzzInputs(seed, scratch.toString());
        ExecutorService prompt = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("fuzz-prompt").unstarted(r));
        Kernel kernel = Kernel.boot(image, seed, runtime);
        Screenful seen = new Screenful(kernel);
        kernel.addListener(seen);
        Shell shell = new Shell(kernel, new PrintWriter(seen.shell));
        boolean stuck = false;
        try {
            for (int i = 0; i < lines && !stuck; i++) {
                String line = inputs.line();
                String where = "seed " + seed + " line " + i;
                stuck = !runLine(prompt, kernel, shell, seen, line, where, tally, VIRTUAL_BOUND);
                if (!stuck) {
                    keepSmall(kernel, i);
                }
            }
            if (!stuck) {
                stuck = !finish(prompt, kernel, shell, seen, "seed " + seed + " end", tally);
            }
        } finally {
            prompt.shutdownNow();
            shell.stopWeb(); // a view the session started polls its cluster: it goes with it
            if (!stuck) { // a stuck line holds the kernel: it stays behind, on its daemon thread
                kernel.close();
            }
        }
    }

    /** Runs one line and checks it; false if it did not return (the session cannot go on). */
    private boolean runLine(ExecutorService prompt, Kernel kernel, Shell shell, Screenful seen, String line, String where, FuzzTally tally,
            long virtualBound) throws InterruptedException {
        seen.clear(kernel.now() + virtualBound);
        Future<Boolean> done = prompt.submit(() -> {
            boolean ok = true;
            for (String command : Main.split(line)) {
                ok &= shell.run(Main.words(command));
            }
            return ok;
        });
        boolean ok;
        try {
            ok = done.get(hangMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            tally.fail(Failure.HANG, where, line, "no answer after " + hangMillis + " ms of wall time");
            tally.record(false);
            kernel.interrupt(); // as Ctrl-C: if that brings it back, the cluster can go on
            try {
                done.get(hangMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException stillStuck) {
                return false;
            }
            return true;
        } catch (java.util.concurrent.ExecutionException e) {
            tally.fail(Failure.CRASH, where, line, "the shell threw " + e.getCause());
            tally.record(false);
            return true;
        }
        boolean failed = check(kernel, seen.text(), line, where, tally);
        tally.record(!ok && !failed);
        return true;
    }

    /** Checks what a case printed and the invariants; true if it found a failure. */
    private static boolean check(Kernel kernel, String printed, String input, String where, FuzzTally tally) {
        boolean failed = false;
        java.util.Optional<String> java = JavaText.find(printed);
        if (java.isPresent()) {
            tally.fail(Failure.LEAK, where, input, java.get());
            failed = true;
        }
        String internal = internalError(kernel, printed);
        if (internal != null) {
            tally.fail(Failure.CRASH, where, input, internal);
            failed = true;
        }
        try {
            kernel.checkInvariants();
        } catch (IllegalStateException e) {
            tally.fail(Failure.CRASH, where, input, e.getMessage());
            failed = true;
        }
        return failed;
    }

    /**
     * The internal error {@code printed} tells of, with the root cause its report in the state
     * directory gives (for ssi's developers, who read Java); null if there is none.
     */
    static String internalError(Kernel kernel, String printed) {
        int at = printed.indexOf("internal error");
        if (at < 0) {
            return null;
        }
        String said = printed.substring(at, Math.max(printed.indexOf('\n', at), at)).strip();
        java.util.regex.Matcher report = java.util.regex.Pattern.compile("its report: (\\S+) in the state directory").matcher(said);
        try {
            if (report.find()) {
                List<String> lines = java.nio.file.Files.readAllLines(kernel.files().state().resolve(report.group(1)));
                int cause = lines.stream().filter(l -> l.startsWith("Caused by:")).reduce((a, b) -> b).map(lines::lastIndexOf).orElse(2);
                return said + ": " + String.join(" | ", lines.subList(cause, Math.min(lines.size(), cause + 3)));
            }
        } catch (java.io.IOException e) {
            return said + " (its report cannot be read: " + e.getMessage() + ")";
        }
        return said;
    }

    /** Kills every process when there are too many, and brings nodes back now and then, so that processes keep coming. */
    private static void keepSmall(Kernel kernel, int line) throws KernelException {
        if (kernel.ps().size() > LIVE) {
            killAll(kernel);
        }
        if (line % 50 == 49) {
            restartAll(kernel);
        }
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

    private static void restartAll(Kernel kernel) {
        for (int n = 1; n <= kernel.nodes().size(); n++) {
            try {
                kernel.restart(n);
            } catch (KernelException e) {
                // it is up
            }
        }
    }

    /**
     * The session's end: the trace holds no Java text and no kernel fault; with every process
     * killed and every node back, {@code mosrun hello.js} prints its line and exits 0.
     */
    private boolean finish(ExecutorService prompt, Kernel kernel, Shell shell, Screenful seen, String where, FuzzTally tally)
            throws Exception {
        String trace = String.join("\n", kernel.trace());
        JavaText.find(trace).ifPresent(java -> tally.fail(Failure.LEAK, where, "trace", java));
        int fault = trace.indexOf(" fault pid=");
        if (fault >= 0) {
            tally.fail(Failure.CRASH, where, "trace", trace.substring(fault, trace.indexOf('\n', fault) < 0 ? trace.length() : trace.indexOf('\n', fault)));
        }
        killAll(kernel);
        restartAll(kernel);
        for (int n = 1; n <= kernel.nodes().size(); n++) { // as the image made them: a node at speed 0.001 takes minutes over hello
            for (String s : List.of("block", "stay", "lstay", "quiet")) {
                kernel.setAdmin(n, s, false);
            }
            kernel.setSpeed(n, kernel.image().spec(n).speed());
        }
        String hello = "mosrun hello.js";
        if (!runLine(prompt, kernel, shell, seen, hello, where, tally, LAST_BOUND)) {
            return false;
        }
        if (!seen.text().contains("hello from JavaScript") || shell.jobStatus().orElse(-1) != 0) {
            tally.fail(Failure.CRASH, where, hello, "a normal program did not run to its end: " + seen.text());
        }
        return true;
    }

    /**
     * What a user sees while a line runs: the shell's output, and what processes print and the
     * kernel notices. It also stops a line at its virtual bound, as Ctrl-C would.
     */
    private static final class Screenful implements KernelListener {
        final StringWriter shell = new StringWriter();
        private final StringBuilder guests = new StringBuilder();
        private final Kernel kernel;
        private long deadline;
        private boolean stopped;

        Screenful(Kernel kernel) {
            this.kernel = kernel;
        }

        synchronized void clear(long deadline) {
            shell.getBuffer().setLength(0);
            guests.setLength(0);
            this.deadline = deadline;
            stopped = false;
        }

        synchronized String text() {
            return shell + "\n" + guests;
        }

        @Override
        public synchronized void output(Output o) {
            guests.append(o.text());
        }

        @Override
        public synchronized void notice(long time, String text) {
            guests.append(text).append('\n');
        }

        @Override
        public synchronized void period(long time) {
            if (time >= deadline && !stopped) {
                stopped = true;
                kernel.interrupt();
            }
        }
    }
}
