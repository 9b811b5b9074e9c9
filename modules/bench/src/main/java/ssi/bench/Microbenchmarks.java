package ssi.bench;

import java.io.PrintWriter;
import java.util.Collection;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import ssi.guest.GuestRuntime;
import ssi.kernel.Image;

/**
 * Runs {@link KernelBenchmarks} under JMH and prints one line per benchmark. In this JVM (no fork):
 * the module path that found the kernel and its plugins is not a class path a fork could be given,
 * and the figures are meant to sit beside the scenario runs of the same {@code bench}.
 */
public final class Microbenchmarks {
    private Microbenchmarks() {}

    /** Runs every benchmark: 3 warm-up and 5 measured iterations of {@code seconds} each; generated clusters take {@code image}'s programs and settings. */
    public static void run(Image image, int seconds, PrintWriter out) throws RunnerException {
        run(image, TimeValue.seconds(seconds), 3, 5, out);
    }

    /** Runs every benchmark with {@code warmups} and {@code measurements} iterations of {@code iteration} each. */
    static void run(Image image, TimeValue iteration, int warmups, int measurements, PrintWriter out) throws RunnerException {
        KernelBenchmarks.base = image;
        try (GuestRuntime runtime = new GuestRuntime()) {
            KernelBenchmarks.runtime = runtime;
            run(options(iteration, warmups, measurements), out);
        } finally {
            KernelBenchmarks.runtime = null;
        }
    }

    private static Options options(TimeValue iteration, int warmups, int measurements) {
        return new OptionsBuilder()
                .include(KernelBenchmarks.class.getName().replace(".", "\\.") + "\\.")
                .forks(0)
                .warmupIterations(warmups).warmupTime(iteration)
                .measurementIterations(measurements).measurementTime(iteration)
                .verbosity(VerboseMode.SILENT)
                .shouldDoGC(true) // each iteration starts clean of what the ones before left
                .shouldFailOnError(true)
                .build();
    }

    private static void run(Options options, PrintWriter out) throws RunnerException {
        Collection<RunResult> results = new Runner(options).run();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().substring(KernelBenchmarks.class.getName().length() + 1);
            Result<?> primary = r.getPrimaryResult();
            out.println(switch (name) {
                case "gossipPerNodePeriod" -> line("gossip", primary, "per node per period (1,000 nodes, windows of 10)");
                case "mosixDecision" -> line("policy", primary, "per mosix decision (a node knowing 14, running 10)");
                case "syntheticProcessVirtualSecond" -> line("synthetic", primary,
                        "per process per virtual second (1,000 nodes, 10,000 processes, mosix)");
                case "migration" -> line("migration", primary, "per migration of a 64 KB synthetic process (its virtual transfer included)");
                case "forwardedCalls" -> {
                    Result<?> calls = r.getSecondaryResults().get("calls"); // calls per second
                    double perCall = 1e9 / calls.getScore();
                    yield String.format("jmh forwarded call: %.0f%s ns of host time per call a deputy serves (100 synthetic processes away)",
                            perCall, error(perCall * calls.getScoreError() / calls.getScore()));
                }
                default -> line(name, primary, "");
            });
            out.flush();
        }
    }

    private static String line(String what, Result<?> r, String unit) {
        return String.format("jmh %s: %.0f%s ns of host time %s", what, r.getScore(), error(r.getScoreError()), unit);
    }

    /** JMH's 99.9% confidence half-width, when there were iterations enough to have one. */
    private static String error(double halfWidth) {
        return Double.isNaN(halfWidth) ? "" : String.format(" ± %.0f", halfWidth);
    }
}
