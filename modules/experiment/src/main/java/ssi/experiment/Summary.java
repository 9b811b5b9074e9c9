package ssi.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures a run is judged by, computed from its trace.
 *
 * @param duration how long it ran, in virtual seconds
 * @param tableAt when its "balanced" table was asked for, in seconds
 * @param makespan when the last process ended, in seconds; -1 if some still ran at the end
 * @param imbalanceMean the most loaded node's load over the optimum's, averaged over the periods anything ran
 * @param imbalanceTable the same when the "balanced" table is taken
 * @param bytesMoved bytes the migrations sent
 * @param homeLoad the mean load of node 1, where the experiment starts its processes, over the periods
 * @param forwarded system calls the deputies served
 * @param start processes per node once the first commands ran (the paper's "Startup" row)
 * @param table processes per node at the experiment's {@code table_at} (its "Balanced" row)
 * @param failedCommands script commands that failed (their messages are in output.txt)
 */
public record Summary(String experiment, String title, String image, String policy, long seed, double duration, double tableAt,
                      int processes, int ended, double makespan, double imbalanceMean, double imbalanceTable, int migrations,
                      int rolledBack, long bytesMoved, double homeLoad, long forwarded,
                      Map<String, Integer> start, Map<String, Integer> table, int failedCommands) {

    /** Reads the summary.json a run wrote. */
    public static Summary read(Path dir) throws IOException {
        Path file = dir.resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + file + ": not an experiment's run directory");
        }
        return new ObjectMapper().readValue(file.toFile(), Summary.class);
    }

    static Summary of(Experiment e, String image, String policy, long seed, Trace trace, int failedCommands) {
        Map<Double, List<Trace.NodeSample>> byTime = new TreeMap<>();
        for (Trace.NodeSample s : trace.nodes()) {
            byTime.computeIfAbsent(s.time(), t -> new ArrayList<>()).add(s);
        }
        List<List<Trace.NodeSample>> samples = List.copyOf(byTime.values());
        double sum = 0;
        int counted = 0;
        double home = 0;
        int periods = 0;
        for (List<Trace.NodeSample> at : samples) {
            double r = imbalance(at);
            if (r > 0) {
                sum += r;
                counted++;
            }
            if (at.getFirst().time() > 0) {
                home += at.stream().filter(s -> s.node() == 1).mapToDouble(Trace.NodeSample::load).sum();
                periods++;
            }
        }
        List<Trace.NodeSample> last = samples.isEmpty() ? List.of() : samples.getLast();
        List<Trace.NodeSample> balanced = List.of();
        for (List<Trace.NodeSample> at : samples) {
            if (at.getFirst().time() <= e.tableNanos() / 1e9) {
                balanced = at;
            }
        }
        int ended = (int) trace.processes().stream().filter(p -> p.status() >= 0).count();
        double makespan = ended == trace.processes().size()
                ? trace.processes().stream().mapToDouble(Trace.ProcessRow::ended).max().orElse(0) : -1;
        return new Summary(e.name(), e.title(), image, policy, seed, last.isEmpty() ? 0 : last.getFirst().time(), e.tableNanos() / 1e9,
                trace.processes().size(), ended, makespan, round(counted == 0 ? 0 : sum / counted), round(imbalance(balanced)),
                (int) trace.migrations().stream().filter(m -> m.outcome().equals("done")).count(),
                (int) trace.migrations().stream().filter(m -> !m.outcome().equals("done")).count(),
                trace.migrations().stream().mapToLong(Trace.MigrationRow::bytes).sum(), round(periods == 0 ? 0 : home / periods),
                last.stream().mapToLong(Trace.NodeSample::served).sum(), table(samples.isEmpty() ? List.of() : samples.getFirst()),
                table(balanced), failedCommands);
    }

    /**
     * The most loaded node's load over the least such maximum any placement of the same runnable
     * processes could reach (0 when nothing runs).
     */
    static double imbalance(List<Trace.NodeSample> nodes) {
        long runnable = nodes.stream().mapToLong(Trace.NodeSample::runnable).sum();
        if (runnable == 0) {
            return 0;
        }
        double optimum = ssi.api.Balance.bestMaxLoad(nodes.stream().mapToDouble(Summary::capacity).toArray(), runnable);
        double max = nodes.stream().mapToDouble(s -> s.runnable() / capacity(s)).max().orElse(0);
        return max / optimum;
    }

    private static double capacity(Trace.NodeSample s) {
        return s.cpus() * s.speed();
    }

    private static Map<String, Integer> table(List<Trace.NodeSample> at) {
        Map<String, Integer> t = new LinkedHashMap<>();
        at.forEach(s -> t.put(s.name(), s.processes()));
        return t;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
