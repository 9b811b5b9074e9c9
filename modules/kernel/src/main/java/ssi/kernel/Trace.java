package ssi.kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ssi.api.Migration;
import ssi.api.ProcessInfo;

/**
 * The trace, one line per event in virtual-time order (the latest {@value #LIMIT}), and the
 * listeners that hear of events as they happen.
 */
final class Trace {
    /** How many lines are kept in memory: a long run must not fill the heap with its history. */
    static final int LIMIT = 200_000;

    private static final Comparator<Output> OUTPUT_ORDER = (a, b) -> a.time() != b.time() ? Long.compare(a.time(), b.time())
            : Integer.compare(a.pid(), b.pid());

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private long dropped;
    /** Copied on write: a listener may remove itself while the others are told. */
    private final List<KernelListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    void addListener(KernelListener l) {
        listeners.add(l);
    }

    void removeListener(KernelListener l) {
        listeners.remove(l);
    }

    void log(long t, String event) {
        lines.add(stamp(t) + " " + event);
        if (lines.size() > LIMIT) {
            lines.removeFirst();
            dropped++;
        }
    }

    /** The lines kept, after one saying how many earlier ones were dropped, if any. */
    List<String> lines() {
        List<String> out = new ArrayList<>(lines.size() + 1);
        if (dropped > 0) {
            out.add("... " + dropped + " earlier events dropped");
        }
        out.addAll(lines);
        return out;
    }

    /** Something the administrator should know: traced, and told to the listeners. */
    void notice(long t, String text) {
        log(t, text);
        for (KernelListener l : listeners) {
            l.notice(t, text);
        }
    }

    /** Output of a process: traced, and told to the listeners. */
    void emit(Output o) {
        log(o.time(), (o.stderr() ? "err" : "out") + " pid=" + o.pid() + " " + o.text().stripTrailing());
        for (KernelListener l : listeners) {
            l.output(o);
        }
    }

    /** The terminal output that a round's slices wrote, in virtual-time order, then pid. */
    void emitOutputs(List<Task> batch) {
        List<Output> all = new ArrayList<>();
        for (Task t : batch) {
            if (t instanceof Proc p && !p.outputs.isEmpty()) {
                all.addAll(p.outputs); // already in the order each process wrote them
                p.outputs.clear();
            }
        }
        all.sort(OUTPUT_ORDER);
        all.forEach(this::emit);
    }

    void migrated(Migration m) {
        for (KernelListener l : listeners) {
            l.migrated(m);
        }
    }

    void exited(ProcessInfo p, int status, long t) {
        for (KernelListener l : listeners) {
            l.exited(p, status, t);
        }
    }

    void period(long t) {
        for (KernelListener l : listeners) {
            l.period(t);
        }
    }

    /** Virtual time as the trace shows it, seconds and nanoseconds ({@code 12.000000250}); a format string costs more than the event. */
    static String stamp(long t) {
        String nanos = Long.toString(t % 1_000_000_000);
        return t / 1_000_000_000 + "." + "000000000".substring(nanos.length()) + nanos;
    }
}
