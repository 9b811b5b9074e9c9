package ssi.experiment;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What an experiment recorded, in virtual time: each node every balancing period, every migration
 * with its statistics, each process as last seen. Kept as CSV (for spreadsheets and plots) and
 * JSON lines (for scripts), one file per kind, columns in the records' order. Times are seconds.
 */
public record Trace(List<NodeSample> nodes, List<MigrationRow> migrations, List<ProcessRow> processes) {
    /**
     * A node at the end of a balancing period (and once at time 0, after the first commands).
     *
     * @param load runnable processes and busy deputies per standard-processor CPU, now
     * @param loadIndex the node's smoothed load index, as MOSIX exports it
     * @param processes processes running there
     * @param deputies deputies kept there for its processes away
     * @param served system calls its deputies have served since boot
     */
    public record NodeSample(double time, int node, String name, double speed, int cpus, double load, double loadIndex,
                             int processes, int deputies, long served) {
        /** Runnable processes behind the load figure. */
        public long runnable() {
            return Math.round(load * cpus * speed);
        }
    }

    /**
     * A cluster of a MOSIX2 multi-cluster at the end of a balancing period (recorded only for an
     * image of several clusters, into {@code clusters.csv}).
     *
     * @param load the mean load index of its nodes
     * @param guests processes of other clusters running on its nodes
     * @param away its own processes running on other clusters' nodes
     */
    public record ClusterSample(double time, String cluster, double load, int processes, int guests, int away) {}

    /** The clusters' samples a run of several clusters wrote into {@code dir}; none for a one-cluster run. */
    public static List<ClusterSample> clusters(Path dir) throws IOException {
        return Files.isRegularFile(dir.resolve(CLUSTERS + ".csv")) ? read(dir, CLUSTERS, ClusterSample.class) : List.of();
    }

    /** Writes the clusters' samples as .csv and .jsonl in {@code dir}, if there are any. */
    static void writeClusters(Path dir, List<ClusterSample> samples) throws IOException {
        if (!samples.isEmpty()) {
            write(dir, CLUSTERS, ClusterSample.class, samples);
        }
    }

    private static final String CLUSTERS = "clusters";

    /** A migration that ended (done or rolled back), with its phases as CRIU reports them. */
    public record MigrationRow(double time, double ended, int pid, String command, int from, int to, String reason,
                               double frozenMs, double negotiationMs, double transferMs, long pages, long bytes, String outcome) {}

    /**
     * A process as last seen.
     *
     * @param state its state letter (Z when it ended)
     * @param status its exit status, or -1 while it runs
     * @param ended when it ended, or -1 while it runs
     */
    public record ProcessRow(int pid, int ppid, String command, int home, int node, String state, int status, double ended,
                             double cpu, long work, int nmigs, long forwarded) {}

    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes {@code nodes}, {@code migrations} and {@code processes} as .csv and .jsonl in {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(dir, "nodes", NodeSample.class, nodes);
        write(dir, "migrations", MigrationRow.class, migrations);
        write(dir, "processes", ProcessRow.class, processes);
    }

    /** Reads a trace back from the CSV files {@link #write} made. */
    public static Trace read(Path dir) throws IOException {
        return new Trace(read(dir, "nodes", NodeSample.class), read(dir, "migrations", MigrationRow.class),
                read(dir, "processes", ProcessRow.class));
    }

    private static <T extends Record> void write(Path dir, String name, Class<T> type, List<T> rows) throws IOException {
        csv(dir.resolve(name + ".csv"), type, rows);
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(name + ".jsonl"))) {
            for (T row : rows) {
                out.write(JSON.writeValueAsString(row));
                out.write('\n');
            }
        }
    }

    /** Writes records as CSV with a header. */
    static <T extends Record> void csv(Path file, Class<T> type, List<T> rows) throws IOException {
        CSV.writer(schema(type)).writeValue(file.toFile(), rows);
    }

    private static <T extends Record> List<T> read(Path dir, String name, Class<T> type) throws IOException {
        Path file = dir.resolve(name + ".csv");
        if (!Files.isRegularFile(file)) {
            throw new IOException("no " + file + ": not an experiment's trace directory");
        }
        try (MappingIterator<T> it = CSV.readerFor(type).with(schema(type)).readValues(file.toFile())) {
            return it.readAll();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
    }

    /** A header row and one column per record component, in declaration order. */
    private static CsvSchema schema(Class<? extends Record> type) {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true);
        for (RecordComponent c : type.getRecordComponents()) {
            b.addColumn(c.getName());
        }
        return b.build();
    }
}
