package ssi.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * What a fuzz run found: its cases, how many were refused cleanly, and its failures by kind, with
 * the first offending inputs (enough to reproduce them with the run's seed).
 */
final class FuzzTally {
    /** Failures worth a report: a Java exception or a broken invariant, a case past its time, Java text shown to a reader. */
    enum Failure { CRASH, HANG, LEAK }

    /** The offending inputs kept of each run: the first few tell what to fix. */
    private static final int KEPT = 12;

    private final String what;
    private long cases;
    private long cleanErrors;
    private final long[] failures = new long[Failure.values().length];
    private final List<String> first = new ArrayList<>();

    /** @param what what one case is, in the plural: "shell commands", "guest calls" */
    FuzzTally(String what) {
        this.what = what;
    }

    /** Counts a case; a clean error if it was refused in plain words (and nothing failed in it). */
    synchronized void record(boolean cleanError) {
        cases++;
        cleanErrors += cleanError ? 1 : 0;
    }

    /** Counts a failure: in a case ({@code input}), or in a check after a run of them. */
    synchronized void fail(Failure f, String where, String input, String detail) {
        failures[f.ordinal()]++;
        if (first.size() < KEPT) {
            first.add(f.name().toLowerCase() + " at " + where + ": " + printable(input) + "\n    " + printable(detail));
        }
    }

    synchronized long cases() {
        return cases;
    }

    synchronized long cleanErrors() {
        return cleanErrors;
    }

    synchronized long count(Failure f) {
        return failures[f.ordinal()];
    }

    synchronized boolean clean() {
        return java.util.Arrays.stream(failures).allMatch(n -> n == 0);
    }

    /** The first offending inputs, each with what went wrong. */
    synchronized List<String> findings() {
        return List.copyOf(first);
    }

    /** One line of counts, e.g. {@code shell commands: 2,000 cases, 1,234 clean errors, 0 crashes, 0 hangs, 0 Java leaks}. */
    synchronized String summary() {
        return String.format(java.util.Locale.ROOT, "%s: %,d cases, %,d clean errors, %,d crashes, %,d hangs, %,d Java leaks", what, cases,
                cleanErrors, count(Failure.CRASH), count(Failure.HANG), count(Failure.LEAK));
    }

    @Override
    public synchronized String toString() {
        return summary() + (first.isEmpty() ? "" : "\n  " + String.join("\n  ", first));
    }

    /** Text as it can be shown on one line: control characters escaped, long text cut in the middle. */
    static String printable(String text) {
        String cut = text.length() > 400 ? text.substring(0, 200) + "[... " + (text.length() - 400) + " chars ...]" + text.substring(text.length() - 200) : text;
        StringBuilder b = new StringBuilder();
        cut.codePoints().forEach(c -> b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", c) : Character.toString(c)));
        return b.toString();
    }
}
