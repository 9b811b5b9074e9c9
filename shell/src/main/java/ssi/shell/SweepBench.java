package ssi.shell;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import ssi.kernel.Image;
import ssi.sweep.Members;
import ssi.sweep.Plan;
import ssi.sweep.Sweep;

/**
 * {@code bench --sweep}: a 40-run sweep of a small experiment on one member (this JVM), then on two
 * (this JVM and a {@code ./ssi worker} JVM on this host), with the same slots in all: wall time and
 * runs per minute side by side, and whether the two tables are the same bytes.
 */
final class SweepBench {
    private static final String SMALL = """
            title = "bench: four short CPU-bound processes"
            duration = "2s"
            script = \"""
            repeat 4 mosrun cpu.js 400000 &
            \"""
            """;

    private SweepBench() {}

    static void run(Image image, PrintWriter out) throws Exception {
        Path work = Files.createTempDirectory("ssi-bench-sweep");
        try {
            Path copy = copy(image.dir(), work.resolve("image"));
            Files.writeString(copy.resolve("experiments/bench-small.toml"), SMALL);
            Plan plan = new Plan("bench-small", List.of("mosix", "round-robin"), Plan.seeds("1..20"), new LinkedHashMap<>(), 0);
            int slots = Math.max(2, Runtime.getRuntime().availableProcessors());
            out.printf("sweep: 40 runs (2 policies x 20 seeds) of 4 CPU-bound processes for 2 s of virtual time, %d slots in all%n", slots);
            out.flush();
            // warm-up, not counted: this JVM compiles the kernel and the guest once, so both sweeps below start warm
            timed(copy, new Plan("bench-small", List.of("mosix"), List.of(1L, 2L), new LinkedHashMap<>(), 0), Members.Settings.embedded().withSlots(slots),
                    work.resolve("warm-up"));
            double one = timed(copy, plan, Members.Settings.embedded().withSlots(slots), work.resolve("one"));
            report(out, "1 member  (this JVM, " + slots + " slots)", one);
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Process worker = Children.start(new ProcessBuilder(ProgramBench.java(Main.class.getName(), List.of("worker", "--port",
                    String.valueOf(port), "--slots", String.valueOf(slots / 2), "--cluster-name", "ssi-bench"))).redirectErrorStream(true));
            try {
                awaitWorker(worker);
                Members.Settings joining = new Members.Settings("ssi-bench", null, List.of("127.0.0.1:" + port), 0, slots - slots / 2, null,
                        Sweep.version());
                double two = timed(copy, plan, joining, work.resolve("two"));
                report(out, "2 members (this JVM " + (slots - slots / 2) + " + ./ssi worker " + slots / 2 + " slots)", two);
            } finally {
                ProcessHandle.of(worker.pid()).ifPresent(ProcessHandle::destroy);
                worker.waitFor(60, TimeUnit.SECONDS);
            }
            boolean same = Files.mismatch(work.resolve("one/sweep.csv"), work.resolve("two/sweep.csv")) < 0
                    && Files.mismatch(work.resolve("one/sweep.json"), work.resolve("two/sweep.json")) < 0;
            out.println("  the two tables are " + (same ? "the same bytes" : "DIFFERENT (a bug: runs are deterministic)"));
        } finally {
            ssi.shell.Sweeps.deleteTree(work);
        }
    }

    private static double timed(Path image, Plan plan, Members.Settings s, Path out) throws Exception {
        long start = System.nanoTime();
        Sweep.Result r = Sweep.run(image, plan, s, Experiments::console, out, (d, f, n, t, e) -> {});
        if (r.runs().stream().anyMatch(x -> !x.ok())) {
            throw new IllegalStateException("bench --sweep: a run failed: " + r.runs().stream().filter(x -> !x.ok()).findFirst().orElseThrow().error());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void report(PrintWriter out, String label, double seconds) {
        out.printf(java.util.Locale.ROOT, "  %-48s %7.1f s wall  %6.1f runs/min%n", label, seconds, 40 * 60 / seconds);
        out.flush();
    }

    /** Waits for the worker's line saying it is a member. */
    private static void awaitWorker(Process worker) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.startsWith("ssi worker: ssi")) {
                Thread.ofVirtual().start(() -> {
                    try {
                        lines.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException ignored) {
                        // it ended
                    }
                });
                return;
            }
        }
        throw new IllegalStateException("bench --sweep: ./ssi worker ended before it joined (status " + worker.waitFor() + ")");
    }

    private static Path copy(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path f : all.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
