package ssi.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import ssi.guest.GuestRuntime;
import ssi.kernel.Image;
import ssi.api.Migration;
import ssi.kernel.Kernel;
import ssi.kernel.KernelListener;
import ssi.kernel.Output;
import ssi.kernel.RunOptions;
import ssi.kernel.ImageGenerator;
import ssi.synthetic.Workload;
import ssi.synthetic.Workload.Distribution;

/**
 * The guest CPU benchmark, measured in one run: the same program as an ssi process, in a bare
 * GraalVM context of the same JVM, and under node and python3 when they are installed. Each
 * figure is the median wall time of several runs after warm-up runs.
 */
final class Bench {
    private static final int WARMUP = 3;
    private static final int RUNS = 5;

    private Bench() {}

    static void run(Image image, PrintWriter out) throws Exception {
        try (GuestRuntime runtime = new GuestRuntime(); Kernel kernel = Kernel.boot(image, image.seed(), runtime)) {
            kernel.usePolicy("none", java.util.Map.of()); // measure the mechanisms, not the policy's choices
            startup(kernel, out);
            for (String prog : List.of("bench.js", "bench.py")) {
                measure(image, kernel, prog, out);
            }
            mechanisms(kernel, out);
            crowd(kernel, out);
        }
        synthetic(image, out);
        ssi.bench.Microbenchmarks.run(image, 1, out);
        gossip(out);
    }

    /** Host time from mosrun to a process's first line, for each language: a context's start and the program's first statements. */
    private static void startup(Kernel kernel, PrintWriter out) throws Exception {
        for (String prog : List.of("hello.js", "hello.py")) {
            FirstOutput first = new FirstOutput();
            kernel.addListener(first);
            double cold = first.millis(kernel, prog);
            double warm = median(() -> first.millis(kernel, prog), () -> first.last);
            out.printf("start: mosrun %s prints its first line after %.1f ms of host time (the first run: %.1f ms)%n", prog, warm, cold);
            out.flush();
        }
    }

    /** Hears a process's first output, and keeps the host time it took from the spawn. */
    private static final class FirstOutput implements KernelListener {
        private int pid;
        private long spawned;
        private double last;

        @Override
        public void output(Output o) {
            if (o.pid() == pid && last < 0) {
                last = (System.nanoTime() - spawned) / 1e6;
            }
        }

        double millis(Kernel kernel, String prog) throws Exception {
            last = -1;
            spawned = System.nanoTime();
            pid = kernel.spawn(1, prog, List.of());
            finish(kernel, pid);
            return last;
        }
    }

    /**
     * Many guests at once, as a class would run them: 1,000 JS and 100 Python processes, spread over
     * the nodes, each waking every 100 ms for 5 virtual seconds. Prints the heap each takes (the
     * JVM's heap after a collection, with and without them) and whether all made progress.
     */
    private static void crowd(Kernel kernel, PrintWriter out) throws Exception {
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        int nodes = kernel.image().nodes().size();
        long wall = System.nanoTime();
        long[] heap = new long[3];
        heap[0] = heapAfterGc(memory);
        java.util.List<Integer> pids = new java.util.ArrayList<>();
        double until = kernel.now() / 1e9 + 5;
        for (int i = 0; i < 1000; i++) {
            pids.add(kernel.spawn(1 + i % nodes, "idle.js", List.of(String.valueOf(until))));
        }
        kernel.advance(200_000_000L);
        heap[1] = heapAfterGc(memory);
        for (int i = 0; i < 100; i++) {
            pids.add(kernel.spawn(1 + i % nodes, "idle.py", List.of(String.valueOf(until))));
        }
        kernel.advance(200_000_000L);
        heap[2] = heapAfterGc(memory);
        for (int pid : pids) {
            finish(kernel, pid);
        }
        double js = (heap[1] - heap[0]) / 1000.0, py = (heap[2] - heap[1]) / 100.0;
        out.printf("many guests: 1,000 JS + 100 Python processes ran 5 virtual s each to their end in %.1f s; heap %.0f KB per JS process,"
                + " %.0f KB per Python process: %.0f JS or %.0f Python processes per GB%n", (System.nanoTime() - wall) / 1e9,
                js / 1024, py / 1024, (1 << 30) / js, (1 << 30) / py);
        out.flush();
    }

    private static long heapAfterGc(java.lang.management.MemoryMXBean memory) {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** A synthetic study's cluster size, and whether its processes call home. */
    private record Study(int n, boolean calls) {}

    /** Virtual seconds a synthetic study runs before it is measured: its first migrations come in a burst, and then settle. */
    private static final long SETTLE_SECONDS = 30;
    /** Virtual seconds then measured. */
    private static final long MEASURED_SECONDS = 30;

    /**
     * Synthetic studies: generated clusters of 100, 1,000 and 10,000 nodes (speeds 1-3, quantum
     * 100 ms), 10 synthetic processes per node (work exp:600 s, 5 calls home per CPU second), under
     * mosix, then the 10,000 nodes again with processes that only compute: the first 30 virtual
     * seconds (the burst of migrations that evens out the cluster), virtual seconds per wall second
     * over the next 30, and the virtual hour those make. The kernels share one guest runtime that
     * starts no language (a kernel of its own would warm its languages up in the measurements).
     */
    static void synthetic(Image image, PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("ssi-bench");
        try (GuestRuntime runtime = new GuestRuntime()) {
            for (Study study : List.of(new Study(100, true), new Study(1000, true), new Study(10_000, true), new Study(10_000, false))) {
                int n = study.n();
                boolean calls = study.calls();
                Path at = dir.resolve("bench" + n);
                Image generated = Files.exists(at) ? Image.load(at) : ImageGenerator.write(new ImageGenerator.Spec("bench" + n, n,
                        Distribution.parse("uniform:1:3"), Distribution.parse("1"),
                        Distribution.parse("uniform:512:4096"), 1, "mosix", 100, image), at);
                try (Kernel kernel = Kernel.boot(generated, 1, runtime)) {
                    long start = System.nanoTime();
                    Workload.Model model = new Workload.Model(Distribution.parse("exp:600"),
                            Distribution.parse("uniform:1:16"), Distribution.parse(calls ? "exp:5" : "0"), 256,
                            Distribution.parse("0"));
                    int[] homes = java.util.stream.IntStream.rangeClosed(1, n).toArray();
                    for (Workload.Start s : Workload.draw(model, 10 * n, homes, Math.round(image.workRate()), 1)) {
                        kernel.spawnSynthetic(s.node(), s.demand());
                    }
                    double spawned = (System.nanoTime() - start) / 1e9;
                    kernel.advance(SETTLE_SECONDS * 1_000_000_000L);
                    double settled = (System.nanoTime() - start) / 1e9 - spawned;
                    long burst = kernel.migrationCount();
                    long t0 = System.nanoTime();
                    kernel.advance(MEASURED_SECONDS * 1_000_000_000L);
                    double wall = (System.nanoTime() - t0) / 1e9;
                    double hour = spawned + settled + (3600 - SETTLE_SECONDS) * wall / MEASURED_SECONDS;
                    out.printf("synthetic: %d nodes, %d processes%s: %.2f virtual s per wall s once settled (t = %d-%d s in %.1f s, %d migrations);"
                                    + " started in %.1f s, the first %d virtual s in %.1f s (%d migrations); a virtual hour would take %.0f s%n",
                            n, 10 * n, calls ? "" : " that only compute", MEASURED_SECONDS / wall, SETTLE_SECONDS,
                            SETTLE_SECONDS + MEASURED_SECONDS, wall, kernel.migrationCount() - burst, spawned, SETTLE_SECONDS, settled,
                            burst, hour);
                    out.flush();
                }
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void measure(Image image, Kernel kernel, String prog, PrintWriter out) throws Exception {
        Path file = image.root().resolve("bin").resolve(prog);
        String lang = prog.endsWith(".js") ? "js" : "python";
        String source = Files.readString(file);
        double bare = median(() -> {
            try (Context c = Context.newBuilder(lang).engine(BareEngine.get()).out(OutputStream.nullOutputStream()).build()) {
                c.eval(lang, source);
            }
        });
        double ssi = median(() -> {
            int pid = kernel.spawn(5, "/bin/" + prog, List.of());
            finish(kernel, pid);
        });
        out.printf("%s: ssi process %.1f ms, bare GraalVM context %.1f ms: ratio %.2f (goal <= 1.10)%n", prog, ssi, bare, ssi / bare);
        String native_ = lang.equals("js") ? "node" : "python3";
        Double host = external(native_, file);
        if (host == null) {
            out.printf("%s: %s not installed, skipped%n", prog, native_);
        } else {
            out.printf("%s: %s %.1f ms: ssi/%s ratio %.2f (goal <= %s)%n", prog, native_, host, native_, ssi / host,
                    lang.equals("js") ? "1.3" : "0.7");
        }
        out.flush();
    }

    /**
     * Host cost of the migration mechanism and of the deputy, in steady state: the host time between
     * the 1,000th and the last event of a guest that migrates back and forth, and of one that
     * writes its terminal at home and then away from it (every write forwarded).
     */
    private static void mechanisms(Kernel kernel, PrintWriter out) throws Exception {
        int home = 1;
        String away = String.valueOf(kernel.image().nodes().size() > 1 ? 2 : 1);
        RunOptions there = new RunOptions(Integer.parseInt(away), false, RunOptions.Mode.STRICT);
        Stopwatch events = new Stopwatch();
        kernel.addListener(events);
        double migration = events.perEvent(kernel, () -> kernel.spawn(home, "pingpong.js", List.of("5000", away)));
        out.printf("migration: %.1f us of host time each (pingpong.js; goal <= 1000 us)%n", migration / 1e3);
        double local = events.perEvent(kernel, () -> kernel.spawn(home, "io.js", List.of("20000")));
        double forwarded = events.perEvent(kernel, () -> kernel.spawn(home, "io.js", List.of("20000"), there));
        out.printf("system call: %.1f us of host time per terminal write at home, %.1f us forwarded to the deputy (io.js; goal <= 10 us)%n",
                local / 1e3, forwarded / 1e3);
        out.flush();
    }

    /** How many periods a load change takes to reach 99% of the nodes, for windows of about log2 N. */
    private static void gossip(PrintWriter out) {
        for (int n : new int[] {16, 128, 1024}) {
            int window = 32 - Integer.numberOfLeadingZeros(n - 1);
            out.printf("gossip: N=%d, window %d: a load change reaches 99%% of the nodes in %d periods%n", n, window,
                    ssi.scheduler.Gossip.periodsToReach99(n, window, 1));
            out.flush();
        }
    }

    /** Host nanoseconds between a process's events (outputs, migrations), after the first 1,000. */
    private static final class Stopwatch implements KernelListener {
        private static final int SKIP = 1000;
        private int pid;
        private int seen;
        private long first;
        private long last;

        @Override
        public void output(Output o) {
            tick(o.pid());
        }

        @Override
        public void migrated(Migration m) {
            tick(m.pid());
        }

        private void tick(int who) {
            if (who == pid && ++seen >= SKIP) {
                last = System.nanoTime();
                if (seen == SKIP) {
                    first = last;
                }
            }
        }

        interface Start {
            int spawn() throws Exception;
        }

        /** The median over runs of the host time per event. */
        double perEvent(Kernel kernel, Start start) throws Exception {
            return median(() -> {
                seen = 0;
                pid = start.spawn();
                finish(kernel, pid);
            }, () -> (double) (last - first) / (seen - SKIP));
        }
    }

    private static void finish(Kernel kernel, int pid) {
        int status = kernel.runUntilExit(pid, 3_600_000_000_000L).orElseThrow();
        if (status != 0) {
            throw new IllegalStateException("benchmark process " + pid + " exited with status " + status);
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private static double median(Body body) throws Exception {
        long[] t0 = new long[1];
        return median(() -> {
            t0[0] = System.nanoTime();
            body.run();
        }, () -> (System.nanoTime() - t0[0]) / 1e6);
    }

    /** Runs {@code body} after warm-up runs, and returns the median of what {@code figure} says after each run. */
    private static double median(Body body, java.util.function.DoubleSupplier figure) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            body.run();
        }
        double[] figures = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            body.run();
            figures[i] = figure.getAsDouble();
        }
        Arrays.sort(figures);
        return figures[RUNS / 2];
    }

    private static Double external(String command, Path file) throws Exception {
        try {
            return median(() -> {
                Process p = Children.start(new ProcessBuilder(command, file.toString()).redirectErrorStream(true));
                p.getInputStream().transferTo(OutputStream.nullOutputStream());
                if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IOException(command + " failed");
                }
            });
        } catch (IOException e) {
            return null;
        }
    }

    /** A plain engine: nobody looks up the work meter on it, so Truffle never instruments it. */
    private static final class BareEngine {
        private static Engine engine;

        static synchronized Engine get() {
            if (engine == null) {
                engine = Engine.newBuilder("js", "python").build();
            }
            return engine;
        }
    }
}
