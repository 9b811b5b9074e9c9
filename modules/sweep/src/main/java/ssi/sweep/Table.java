package ssi.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import ssi.experiment.Summary;

/**
 * A sweep's table: a row per run in (policy, parameters, seed) order, and per policy and parameter
 * setting the mean and standard deviation of each figure over the seeds. Nothing in it says which
 * machine ran a run or when, so the same sweep gives the same bytes on any cluster.
 */
public record Table(String experiment, String image, String imageHash, List<Row> runs, List<Group> summary) {
    /** One run's figures (those of {@code experiment compare}); the figures are empty when it failed. */
    public record Row(String policy, String params, long seed, String status, Double makespan, Double imbalanceMean,
                      Double imbalanceTable, Integer migrations, Integer rolledBack, Long bytesMoved, Double homeLoad, Long forwarded,
                      Integer processes, Integer ended, Integer failedCommands, String error) {}

    /** A figure over a group's runs that recorded it: mean and sample standard deviation. */
    public record Spread(int n, double mean, double sd) {}

    /** The figures of one policy under one parameter setting, over its seeds. */
    public record Group(String policy, String params, int runs, int failed, Spread makespan, Spread imbalanceMean,
                        Spread imbalanceTable, Spread migrations, Spread bytesMoved, Spread homeLoad, Spread forwarded) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The table of a sweep's results (in the table's order). */
    static Table of(String experiment, String image, String imageHash, List<RunResult> results) throws IOException {
        List<Row> rows = new ArrayList<>();
        Map<String, List<Summary>> groups = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (RunResult r : results) {
            RunSpec s = r.spec();
            String group = s.policy() + "\n" + s.setting();
            groups.computeIfAbsent(group, g -> new ArrayList<>());
            counts.computeIfAbsent(group, g -> new int[2])[0]++;
            if (!r.ok()) {
                counts.get(group)[1]++;
                rows.add(new Row(s.policy(), s.setting(), s.seed(), "failed", null, null, null, null, null, null, null, null, null, null, null,
                        r.error().lines().findFirst().orElse("")));
                continue;
            }
            Summary m = JSON.readValue(r.files().get("summary.json"), Summary.class);
            groups.get(group).add(m);
            rows.add(new Row(s.policy(), s.setting(), s.seed(), "ok", m.makespan() < 0 ? null : m.makespan(), m.imbalanceMean(),
                    m.imbalanceTable(), m.migrations(), m.rolledBack(), m.bytesMoved(), m.homeLoad(), m.forwarded(), m.processes(),
                    m.ended(), m.failedCommands(), ""));
        }
        List<Group> summary = new ArrayList<>();
        groups.forEach((key, ms) -> {
            String[] k = key.split("\n", 2);
            int[] c = counts.get(key);
            summary.add(new Group(k[0], k[1], c[0], c[1], spread(ms.stream().filter(m -> m.makespan() >= 0).toList(), Summary::makespan),
                    spread(ms, Summary::imbalanceMean), spread(ms, Summary::imbalanceTable), spread(ms, Summary::migrations),
                    spread(ms, Summary::bytesMoved), spread(ms, Summary::homeLoad), spread(ms, Summary::forwarded)));
        });
        return new Table(experiment, image, imageHash, List.copyOf(rows), List.copyOf(summary));
    }

    private static Spread spread(List<Summary> ms, ToDoubleFunction<Summary> figure) {
        double[] xs = ms.stream().mapToDouble(figure).toArray();
        double mean = 0;
        for (double x : xs) {
            mean += x / xs.length;
        }
        double sq = 0;
        for (double x : xs) {
            sq += (x - mean) * (x - mean);
        }
        return new Spread(xs.length, round(mean), round(xs.length > 1 ? Math.sqrt(sq / (xs.length - 1)) : 0));
    }

    private static double round(double x) {
        return Math.round(x * 1e4) / 1e4;
    }

    /** Writes sweep.csv (the runs), summary.csv (the groups), sweep.json (both) and sweep.md into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        CsvMapper csv = new CsvMapper();
        csv.writer(schema(Row.class)).writeValue(dir.resolve("sweep.csv").toFile(), runs);
        List<Map<String, Object>> flat = new ArrayList<>();
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true);
        for (Group g : summary) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("policy", g.policy());
            row.put("params", g.params());
            row.put("runs", g.runs());
            row.put("failed", g.failed());
            figures(g).forEach((name, s) -> {
                row.put(name + "_mean", s.n() == 0 ? "" : s.mean());
                row.put(name + "_sd", s.n() == 0 ? "" : s.sd());
            });
            flat.add(row);
        }
        if (!flat.isEmpty()) {
            flat.getFirst().keySet().forEach(b::addColumn);
        }
        csv.writer(b.build()).writeValue(dir.resolve("summary.csv").toFile(), flat);
        JSON.writeValue(dir.resolve("sweep.json").toFile(), this);
        Files.writeString(dir.resolve("sweep.md"), markdown());
    }

    /** The summary as Markdown: a row per policy and setting, each figure as mean ± sd. */
    public String markdown() {
        StringBuilder b = new StringBuilder("| policy | params | runs | failed | makespan | imbalance (mean) | imbalance (table) | migrations | bytes moved | home-node load | forwarded calls |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Group g : summary) {
            b.append("| ").append(g.policy()).append(" | ").append(g.params()).append(" | ").append(g.runs()).append(" | ").append(g.failed());
            figures(g).values().forEach(s -> b.append(" | ").append(s.n() == 0 ? "-" : String.format(Locale.ROOT, "%.3f ± %.3f", s.mean(), s.sd())));
            b.append(" |\n");
        }
        return b.toString();
    }

    private static Map<String, Spread> figures(Group g) {
        Map<String, Spread> f = new LinkedHashMap<>();
        f.put("makespan", g.makespan());
        f.put("imbalance_mean", g.imbalanceMean());
        f.put("imbalance_table", g.imbalanceTable());
        f.put("migrations", g.migrations());
        f.put("bytes_moved", g.bytesMoved());
        f.put("home_load", g.homeLoad());
        f.put("forwarded", g.forwarded());
        return f;
    }

    private static CsvSchema schema(Class<? extends Record> type) {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true);
        for (RecordComponent c : type.getRecordComponents()) {
            b.addColumn(c.getName());
        }
        return b.build();
    }
}
