package ssi.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The same experiment under several policies, each run into its own directory, and one table of their figures. */
public final class Comparison {
    private Comparison() {}

    /** Runs {@code e} under each policy into {@code out/POLICY} and writes {@code out/compare.md} and {@code out/compare.csv}. */
    public static List<Runner.Run> run(Runner runner, Experiment e, long seed, List<String> policies, long untilNanos, Path out,
                                       Runner.Progress progress) throws ExperimentException {
        List<Runner.Run> runs = new ArrayList<>();
        for (String policy : policies) {
            runs.add(runner.run(e, seed, policy, untilNanos, out.resolve(policy), progress));
        }
        List<Summary> rows = runs.stream().map(Runner.Run::summary).toList();
        try {
            Files.writeString(out.resolve("compare.md"), markdown(rows));
            Trace.csv(out.resolve("compare.csv"), Row.class, rows.stream().map(r -> new Row(r.policy(), r.makespan(), r.imbalanceMean(),
                    r.imbalanceTable(), r.migrations(), r.bytesMoved(), r.homeLoad(), r.forwarded())).toList());
        } catch (IOException x) {
            throw new ExperimentException("cannot write the comparison to " + out + ": " + x.getMessage());
        }
        return runs;
    }

    /** The comparison as a Markdown table, one row per policy. */
    public static String markdown(List<Summary> rows) {
        StringBuilder b = new StringBuilder("| policy | makespan | imbalance (mean) | imbalance (table) | migrations | bytes moved | home-node load | forwarded calls |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Summary s : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %d | %d | %.3f | %d |%n", s.policy(),
                    s.makespan() < 0 ? "(running at " + seconds(s.duration()) + ")" : seconds(s.makespan()),
                    s.imbalanceMean(), s.imbalanceTable(), s.migrations(), s.bytesMoved(), s.homeLoad(), s.forwarded()));
        }
        return b.toString();
    }

    /** One row of compare.csv. */
    private record Row(String policy, double makespan, double imbalanceMean, double imbalanceTable, int migrations, long bytesMoved,
                       double homeLoad, long forwarded) {}

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }
}
