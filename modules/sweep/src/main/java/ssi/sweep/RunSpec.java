package ssi.sweep;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of a sweep as it crosses the wire: the image by its content hash, the experiment's text,
 * the policy, the manifest's parameter values, the seed. Nothing else decides what the run records.
 */
public record RunSpec(String imageHash, String experiment, String script, String policy, Map<String, String> params, long seed,
                      long untilNanos) implements Serializable {
    /** The table's order: policy, then parameter values (numbers by value), then seed. */
    public static final Comparator<RunSpec> ORDER = Comparator.comparing(RunSpec::policy)
            .thenComparing(RunSpec::params, RunSpec::compareParams).thenComparingLong(RunSpec::seed);

    public RunSpec {
        params = new TreeMap<>(params); // sorted by key: one text for one setting
    }

    /** The setting as one word: {@code k=v;k=v} in key order ({@code -} without parameters). */
    public String setting() {
        if (params.isEmpty()) {
            return "-";
        }
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.isEmpty() ? "" : ";").append(k).append('=').append(v));
        return b.toString();
    }

    /** The run's directory name: {@code POLICY[-k=v...]-sSEED}, characters a file name may hold. */
    public String key() {
        String set = params.isEmpty() ? "" : "-" + setting().replace(';', '-');
        return (policy + set + "-s" + seed).replaceAll("[^A-Za-z0-9._=-]", "_");
    }

    @Override
    public String toString() {
        return policy + (params.isEmpty() ? "" : " " + setting()) + " seed " + seed;
    }

    private static int compareParams(Map<String, String> a, Map<String, String> b) {
        Iterator<Map.Entry<String, String>> i = a.entrySet().iterator();
        Iterator<Map.Entry<String, String>> j = b.entrySet().iterator();
        while (i.hasNext() && j.hasNext()) {
            var x = i.next();
            var y = j.next();
            int c = x.getKey().compareTo(y.getKey());
            if (c == 0) {
                c = compareValues(x.getValue(), y.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(i.hasNext(), j.hasNext());
    }

    private static int compareValues(String a, String b) {
        try {
            int c = new BigDecimal(a).compareTo(new BigDecimal(b));
            return c != 0 ? c : a.compareTo(b);
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
