package ssi.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeMap;

/**
 * What a sweep runs: every policy under every parameter setting with every seed, an experiment
 * each time. Parameters are keys of the image's manifest ({@code balancing.period_ms},
 * {@code network.bandwidth_mbit}), each with the values to try.
 */
public record Plan(String experiment, List<String> policies, List<Long> seeds, SequencedMap<String, List<String>> params, long untilNanos) {
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";
    private static final int MAX_RUNS = 100_000;

    public Plan {
        policies = List.copyOf(policies);
        seeds = List.copyOf(seeds);
        params = new LinkedHashMap<>(params);
    }

    /** Checks the plan: names that can be directories' names, no repeats, a size one host can hold the table of. */
    public Plan checked() throws SweepException {
        if (policies.isEmpty() || seeds.isEmpty()) {
            throw new SweepException("a sweep wants at least one policy (--policies) and one seed (--seeds)");
        }
        for (String p : policies) {
            if (!p.matches(NAME)) {
                throw new SweepException("--policies: '" + p + "' is no policy's name");
            }
        }
        if (policies.stream().distinct().count() < policies.size() || seeds.stream().distinct().count() < seeds.size()) {
            throw new SweepException("--policies and --seeds name each policy and seed once");
        }
        long runs = (long) policies.size() * seeds.size() * settings().size();
        if (runs > MAX_RUNS) {
            throw new SweepException("the sweep has " + runs + " runs: at most " + MAX_RUNS + " at once");
        }
        return this;
    }

    /**
     * Seeds as {@code --seeds} takes them: {@code 1..20}, {@code 3,5,8}, or both ({@code 1..4,10}).
     *
     * @throws SweepException naming the part that is no seed or range
     */
    public static List<Long> seeds(String text) throws SweepException {
        List<Long> seeds = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String p = part.strip();
            try {
                int dots = p.indexOf("..");
                if (dots < 0) {
                    seeds.add(Long.parseLong(p));
                    continue;
                }
                long from = Long.parseLong(p.substring(0, dots).strip());
                long to = Long.parseLong(p.substring(dots + 2).strip());
                if (to < from || to - from >= MAX_RUNS) {
                    throw new SweepException("--seeds: '" + p + "' wants FROM..TO with FROM <= TO, at most " + MAX_RUNS + " seeds");
                }
                for (long s = from; s <= to; s++) {
                    seeds.add(s);
                }
            } catch (NumberFormatException e) {
                throw new SweepException("--seeds: '" + p + "' is neither a seed nor FROM..TO (e.g. 1..20 or 1,2,5)");
            }
        }
        return seeds;
    }

    /** Adds {@code key=v1,v2} (a {@code --param}) to {@code params}; a key given twice is refused. */
    public static void param(String text, SequencedMap<String, List<String>> params) throws SweepException {
        int eq = text.indexOf('=');
        String key = eq < 0 ? "" : text.substring(0, eq).strip();
        if (!key.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            throw new SweepException("--param: '" + text + "' wants KEY=V1,V2 with KEY a manifest key such as balancing.period_ms");
        }
        List<String> values = new ArrayList<>();
        for (String v : text.substring(eq + 1).split(",", -1)) {
            if (v.isBlank()) {
                throw new SweepException("--param " + key + ": an empty value in '" + text + "'");
            }
            values.add(v.strip());
        }
        if (params.putIfAbsent(key, List.copyOf(values)) != null) {
            throw new SweepException("--param " + key + " is given twice: give it once with all its values");
        }
    }

    /** Every parameter setting: the cross product of the parameters' values (one empty setting without parameters). */
    public List<Map<String, String>> settings() {
        List<Map<String, String>> settings = new ArrayList<>();
        settings.add(new TreeMap<>());
        for (var p : params.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> s : settings) {
                for (String v : p.getValue()) {
                    Map<String, String> grown = new TreeMap<>(s);
                    grown.put(p.getKey(), v);
                    next.add(grown);
                }
            }
            settings = next;
        }
        return settings;
    }

    /** The runs of the plan on an image (its content hash) and experiment (its TOML text), in the table's order. */
    public List<RunSpec> runs(String imageHash, String script) {
        List<RunSpec> runs = new ArrayList<>();
        for (String policy : policies) {
            for (Map<String, String> setting : settings()) {
                for (long seed : seeds) {
                    runs.add(new RunSpec(imageHash, experiment, script, policy, setting, seed, untilNanos));
                }
            }
        }
        runs.sort(RunSpec.ORDER);
        return runs;
    }
}
