package ssi.synthetic;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where synthetic processes come from: drawn from distributions with a seed, or read from a trace.
 * Figures are in standard-processor seconds, MB and calls per second; {@code workRate} (work units
 * per second of the standard processor) turns them into a {@link Demand}.
 */
public final class Workload {
    private Workload() {}

    /** One process to start: at which node (its home), with what demand. */
    public record Start(int node, Demand demand) {}

    /**
     * A distribution of one figure: {@code 5} (always 5), {@code exp:30} (exponential, mean 30) or
     * {@code uniform:1:64}.
     */
    public record Distribution(String kind, double a, double b) {
        public static Distribution parse(String text) {
            String[] p = text.strip().split(":");
            try {
                return switch (p[0]) {
                    case "exp" -> p.length == 2 && Double.parseDouble(p[1]) > 0 ? new Distribution("exp", Double.parseDouble(p[1]), 0) : bad(text);
                    case "uniform" -> p.length == 3 && Double.parseDouble(p[1]) <= Double.parseDouble(p[2]) && Double.parseDouble(p[1]) >= 0
                            ? new Distribution("uniform", Double.parseDouble(p[1]), Double.parseDouble(p[2])) : bad(text);
                    default -> p.length == 1 && Double.parseDouble(p[0]) >= 0 ? new Distribution("fixed", Double.parseDouble(p[0]), 0) : bad(text);
                };
            } catch (NumberFormatException e) {
                return bad(text);
            }
        }

        private static Distribution bad(String text) {
            throw new IllegalArgumentException("bad distribution '" + text + "': want a number, exp:MEAN or uniform:LOW:HIGH (all >= 0)");
        }

        /** As {@link #parse} reads it. */
        @Override
        public String toString() {
            return switch (kind) {
                case "exp" -> "exp:" + a;
                case "uniform" -> "uniform:" + a + ":" + b;
                default -> String.valueOf(a);
            };
        }

        /** One value, drawn with {@code random}. */
        public double draw(SplittableRandom random) {
            return switch (kind) {
                case "exp" -> -a * Math.log(1 - random.nextDouble());
                case "uniform" -> a + (b - a) * random.nextDouble();
                default -> a;
            };
        }
    }

    /**
     * The demand model's figures for each process.
     *
     * @param seconds CPU seconds of work on the standard processor
     * @param memoryMb memory it allocates and writes at its start
     * @param callsPerSecond calls home per second of CPU (its I/O and IPC, served by its deputy)
     * @param callBytes bytes each call carries
     * @param dirtyMbPerSecond MB of its memory it writes per second of CPU
     */
    public record Model(Distribution seconds, Distribution memoryMb, Distribution callsPerSecond, int callBytes,
                        Distribution dirtyMbPerSecond) {}

    /** {@code count} processes drawn from {@code model}, each at a node drawn uniformly from {@code nodes} (or all at {@code nodes[0]}). */
    public static List<Start> draw(Model model, int count, int[] nodes, long workRate, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Start> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int node = nodes[nodes.length == 1 ? 0 : random.nextInt(nodes.length)];
            out.add(new Start(node, demand(model.seconds().draw(random), model.memoryMb().draw(random),
                    model.callsPerSecond().draw(random), model.callBytes(), model.dirtyMbPerSecond().draw(random), workRate)));
        }
        return out;
    }

    /** A row of a demand trace (CSV with a header: node,seconds,memory_mb,calls_per_second,call_bytes,dirty_mb_per_second). */
    private record Row(int node, double seconds, double memory_mb, double calls_per_second, int call_bytes, double dirty_mb_per_second) {}

    /** The columns of a demand trace. */
    private static final List<String> COLUMNS = List.of("node", "seconds", "memory_mb", "calls_per_second", "call_bytes", "dirty_mb_per_second");

    /** Reads a demand trace; errors name the file and the row, and never quote a file that is not a trace. */
    public static List<Start> read(Path file, long workRate) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Start> out = new ArrayList<>();
        try (MappingIterator<Row> rows = new CsvMapper().readerFor(Row.class).with(schema).readValues(file.toFile())) {
            boolean more = rows.hasNextValue(); // reads the header first
            if (!(rows.getParserSchema() instanceof CsvSchema header) || !java.util.Set.copyOf(COLUMNS).equals(java.util.Set.copyOf(header.getColumnNames()))) {
                throw notATrace(file, " (line 1)");
            }
            int line = 1;
            while (more) {
                line++;
                Row r = rows.nextValue();
                try {
                    out.add(new Start(r.node(), demand(r.seconds(), r.memory_mb(), r.calls_per_second(), r.call_bytes(), r.dirty_mb_per_second(), workRate)));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ", row " + line + ": " + e.getMessage());
                }
                more = rows.hasNextValue();
            }
        } catch (com.fasterxml.jackson.core.JacksonException | RuntimeException e) { // what the parser says quotes the file
            throw notATrace(file, e instanceof com.fasterxml.jackson.core.JacksonException j && j.getLocation() != null
                    && j.getLocation().getLineNr() > 0 ? " (line " + j.getLocation().getLineNr() + ")" : "");
        }
        return out;
    }

    private static IOException notATrace(Path file, String where) {
        return new IOException(file + ": not a demand trace" + where + ": want a CSV file with the header " + String.join(",", COLUMNS)
                + " and a row of numbers per process");
    }

    private static Demand demand(double seconds, double memoryMb, double callsPerSecond, int callBytes, double dirtyMbPerSecond, long workRate) {
        if (!(seconds > 0) || !(memoryMb >= 0) || !(callsPerSecond >= 0) || callBytes < 0 || !(dirtyMbPerSecond >= 0)) {
            throw new IllegalArgumentException("want seconds > 0 and no negative figure, got seconds=" + seconds + " memory_mb=" + memoryMb
                    + " calls_per_second=" + callsPerSecond + " call_bytes=" + callBytes + " dirty_mb_per_second=" + dirtyMbPerSecond);
        }
        long work = Math.max(1, Math.round(seconds * workRate));
        long memory = Math.round(memoryMb * (1 << 20));
        long callEvery = callsPerSecond > 0 ? Math.max(1, Math.round(workRate / callsPerSecond)) : 0;
        long dirtyBytes = 64 * 1024; // memory is written in 64 KB pieces, as often as the rate asks
        long dirtyEvery = dirtyMbPerSecond > 0 && memory > 0 ? Math.max(1, Math.round(workRate * dirtyBytes / (dirtyMbPerSecond * (1 << 20)))) : 0;
        return new Demand(work, memory, callEvery, callBytes, dirtyEvery, dirtyBytes);
    }
}
