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
import ssi.kernel.Kernel;

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
            for (String prog : List.of("bench.js", "bench.py")) {
                measure(image, kernel, prog, out);
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
            kernel.runUntilExit(pid, 3_600_000_000_000L).orElseThrow();
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

    private interface Body {
        void run() throws Exception;
    }

    private static double median(Body body) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            body.run();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            body.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[RUNS / 2];
    }

    private static Double external(String command, Path file) throws Exception {
        try {
            return median(() -> {
                Process p = new ProcessBuilder(command, file.toString()).redirectErrorStream(true).start();
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
