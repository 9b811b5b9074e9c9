package ssi.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import ssi.kernel.Durations;

/**
 * A scripted workload kept in {@code images/IMAGE/experiments/NAME.toml}: shell commands at points
 * of virtual time, run for {@code duration} (or until nothing is left running).
 *
 * <p>The script is shell commands, one per line, with two directives of its own: {@code at 30s}
 * (the following commands run at that virtual time) and {@code repeat 20 COMMAND}.
 *
 * @param paper what the seed paper reports for it, for the reader
 * @param tableNanos when the "balanced" table of processes per node is taken (the paper's Tables 2-4)
 */
public record Experiment(String name, String title, String paper, long durationNanos, long tableNanos, List<Step> steps) {
    /** A command and the virtual time it runs at. */
    public record Step(long at, String command) {}

    private static final Set<String> KEYS = Set.of("title", "paper", "duration", "table_at", "script");

    /** The directory of an image's experiments. */
    public static Path directory(Path imageDir) {
        return imageDir.resolve("experiments");
    }

    /** The names of an image's experiments, sorted. */
    public static List<String> names(Path imageDir) throws IOException {
        Path dir = directory(imageDir);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".toml"))
                    .map(n -> n.substring(0, n.length() - ".toml".length())).sorted().toList();
        }
    }

    /** Reads one of an image's experiments by name. */
    public static Experiment load(Path imageDir, String name) throws ExperimentException {
        Path file = directory(imageDir).resolve(name + ".toml");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || !Files.isRegularFile(file)) {
            throw new ExperimentException("no experiment '" + name + "' in " + directory(imageDir) + " (experiment list shows them)");
        }
        try {
            return parse(name, Files.readString(file));
        } catch (IOException e) {
            throw new ExperimentException(file + ": " + e.getMessage());
        }
    }

    /** Parses an experiment's TOML text; errors name the experiment and the key or script line. */
    public static Experiment parse(String name, String toml) throws ExperimentException {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(toml);
        } catch (IOException e) {
            throw new ExperimentException("experiment " + name + ": not valid TOML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        for (var it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new ExperimentException("experiment " + name + ": unknown key '" + key + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        String title = text(name, root, "title", true);
        long duration = duration(name, root, "duration", text(name, root, "duration", true));
        String tableAt = text(name, root, "table_at", false);
        long table = tableAt.isEmpty() ? duration : duration(name, root, "table_at", tableAt);
        if (duration <= 0 || table > duration) {
            throw new ExperimentException("experiment " + name + ": want 0 < table_at <= duration, got duration " + Durations.format(duration)
                    + ", table_at " + Durations.format(table));
        }
        List<Step> steps = script(name, text(name, root, "script", true), duration);
        return new Experiment(name, title, text(name, root, "paper", false), duration, table, List.copyOf(steps));
    }

    private static String text(String name, JsonNode root, String key, boolean required) throws ExperimentException {
        JsonNode v = root.get(key);
        if (v == null && !required) {
            return "";
        }
        if (v == null || !v.isTextual()) {
            throw new ExperimentException("experiment " + name + ": '" + key + "' " + (v == null ? "is missing" : "must be a string"));
        }
        return v.asText().strip();
    }

    private static long duration(String name, JsonNode root, String key, String text) throws ExperimentException {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ExperimentException("experiment " + name + ": '" + key + "': " + e.getMessage());
        }
    }

    private static List<Step> script(String name, String script, long duration) throws ExperimentException {
        List<Step> steps = new ArrayList<>();
        long at = 0;
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = "experiment " + name + ", script line " + (i + 1) + " (" + line + "): ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+", 3);
            if (words[0].equals("at")) {
                long t;
                try {
                    t = Durations.parse(line.substring(2));
                } catch (IllegalArgumentException e) {
                    throw new ExperimentException(where + e.getMessage());
                }
                if (t < at || t > duration) {
                    throw new ExperimentException(where + "times go forward and stay within the duration (" + Durations.format(duration) + ")");
                }
                at = t;
            } else if (words[0].equals("repeat")) {
                if (words.length < 3 || !words[1].matches("\\d{1,4}")) {
                    throw new ExperimentException(where + "want repeat N COMMAND, N from 1 to 9999");
                }
                for (int k = 0; k < Integer.parseInt(words[1]); k++) {
                    steps.add(new Step(at, words[2]));
                }
            } else {
                steps.add(new Step(at, line));
            }
        }
        return steps;
    }
}
