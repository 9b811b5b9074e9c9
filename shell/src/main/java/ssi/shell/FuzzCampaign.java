package ssi.shell;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ssi.guest.GuestRuntime;
import ssi.guest.Language;
import ssi.kernel.Image;

/**
 * {@code bench fuzz}: the long campaign of the fuzz suite's generators and checks, outside the
 * tests: many shell commands and guest calls on clusters of the image, and {@code kill -9}s of a
 * JVM that writes files. Prints the counts and the first offending inputs; fails if anything
 * crashed, hung or showed Java text, or a closed write was lost.
 */
final class FuzzCampaign {
    private FuzzCampaign() {}

    @Command(name = "fuzz", description = "The fuzz campaign: random shell commands and guest system calls (as the tests' fuzz suite, longer), then"
            + " kill -9s of a JVM writing files; prints cases, clean errors, crashes, hangs and Java leaks, and fails if any.")
    static final class BenchFuzz implements Callable<Integer> {
        private final Shell shell;

        @Option(names = "--cases", paramLabel = "N", description = "shell commands, and as many guest calls (default 100000)")
        int cases = 100_000;

        @Option(names = "--seed", paramLabel = "S", description = "the generators' seed (default 1)")
        long seed = 1;

        @Option(names = "--crashes", paramLabel = "K", description = "kill -9s of a JVM writing files (default 50; 0: none)")
        int crashes = 50;

        @Option(names = "--hang-s", paramLabel = "SECONDS", description = "wall time a case may take before it counts as a hang (default 120)")
        int hangSeconds = 120;

        @Option(names = "--parts", paramLabel = "PART", split = ",", description = "which parts to run: shell, guest, crashes (default all;"
                + " each part's cases depend only on the seed, so parts run in JVMs of their own add up to the whole campaign)")
        EnumSet<Part> parts = EnumSet.allOf(Part.class);

        BenchFuzz(Shell shell) {
            this.shell = shell;
        }

        @Override
        public Integer call() throws Exception {
            if (cases < 0 || crashes < 0 || hangSeconds < 1) {
                throw new IllegalArgumentException("want --cases and --crashes of 0 or more and --hang-s of 1 or more, got " + cases + ", "
                        + crashes + ", " + hangSeconds);
            }
            return run(shell.kernel().image(), cases, seed, parts.contains(Part.crashes) ? crashes : 0, hangSeconds * 1000L, parts, shell.out()) ? 0 : 1;
        }
    }

    /** Runs the campaign on clusters of {@code image} (each booted afresh, its files in a temporary directory); true if it found nothing. */
    static boolean run(Image image, int cases, long seed, int crashes, long hangMillis, PrintWriter out) throws Exception {
        return run(image, cases, seed, crashes, hangMillis, EnumSet.allOf(Part.class), out);
    }

    /** The parts of a campaign. */
    enum Part { shell, guest, crashes }

    /** Runs {@code parts} of the campaign on clusters of {@code image}; true if they found nothing. */
    static boolean run(Image image, int cases, long seed, int crashes, long hangMillis, Set<Part> parts, PrintWriter out) throws Exception {
        long start = System.nanoTime();
        int shellCases = parts.contains(Part.shell) ? cases : 0;
        int guestCases = parts.contains(Part.guest) ? cases : 0;
        out.printf("fuzz: image %s, seed %d, %,d shell commands, %,d guest calls, %d kills of a writing JVM%n", image.name(), seed, shellCases,
                guestCases, crashes);
        out.flush();
        Path scratch = Files.createTempDirectory("ssi-fuzz-");
        boolean clean = true;
        try (GuestRuntime runtime = new GuestRuntime()) {
            FuzzTally shellTally = new FuzzTally("shell commands");
            ShellFuzz shells = new ShellFuzz(image, runtime, scratch, hangMillis);
            int sessions = Math.ceilDiv(shellCases, ShellFuzz.SESSION);
            for (int s = 0; s < sessions; s++) {
                shells.session(seed + s, Math.min(ShellFuzz.SESSION, shellCases - s * ShellFuzz.SESSION), shellTally);
                progress(out, shellTally, s + 1, sessions, start);
            }
            if (shellCases > 0) {
                clean &= report(out, shellTally, start);
            }
            long guestStart = System.nanoTime();
            FuzzTally guestTally = new FuzzTally("guest calls");
            GuestFuzz guests = new GuestFuzz(image, runtime, hangMillis);
            int programs = Math.ceilDiv(guestCases, GuestFuzz.CALLS);
            for (int p = 0; p < programs; p++) { // JavaScript and Python in turn
                guests.run(p % 2 == 0 ? Language.JS : Language.PYTHON, seed + p, Math.min(GuestFuzz.CALLS, guestCases - p * GuestFuzz.CALLS), guestTally);
                progress(out, guestTally, p + 1, programs, start);
            }
            if (guestCases > 0) {
                clean &= report(out, guestTally, guestStart);
            }
            if (crashes > 0) {
                long crashStart = System.nanoTime();
                CrashConsistency.Result kills = CrashConsistency.run(image, seed, crashes, out);
                out.printf("%s (%.0f s)%n", kills.summary(crashes), (System.nanoTime() - crashStart) / 1e9);
                kills.problems().forEach(p -> out.println("  " + p));
                clean &= kills.clean();
            }
        } finally {
            try (var walk = Files.walk(scratch)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        out.printf("fuzz: %s in %.0f s of wall time%n", clean ? "nothing found" : "FAILURES above", (System.nanoTime() - start) / 1e9);
        out.flush();
        return clean;
    }

    /** A line now and then while a part runs: how far it is, and what it found so far. */
    private static void progress(PrintWriter out, FuzzTally tally, int done, int of, long start) {
        if (done == of || done * 10 / of != (done - 1) * 10 / of) {
            out.printf("  %3d%% %s (%.0f s)%n", 100 * done / of, tally.summary(), (System.nanoTime() - start) / 1e9);
            out.flush();
        }
    }

    /** A part's counts, how long it took, and its first offending inputs; true if it found nothing. */
    private static boolean report(PrintWriter out, FuzzTally tally, long since) {
        out.printf("%s (%.0f s)%s%n", tally.summary(), (System.nanoTime() - since) / 1e9,
                tally.findings().isEmpty() ? "" : "\n  " + String.join("\n  ", tally.findings()));
        out.flush();
        return tally.clean();
    }
}
