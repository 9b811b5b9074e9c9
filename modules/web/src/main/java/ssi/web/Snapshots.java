package ssi.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import ssi.api.Migration;
import ssi.api.NodeInfo;
import ssi.api.Signal;
import ssi.kernel.Durations;
import ssi.kernel.Kernel;
import ssi.kernel.KernelListener;

/**
 * What the page shows, read from the kernel: the kernel's listener keeps each balancing period's
 * load indices (the chart, in virtual time); a daemon timer reads the state a few times a wall
 * second and publishes it as JSON when it changed, and each page's own thread sends the newest.
 * A slow or gone page skips snapshots; it never holds up the kernel.
 */
final class Snapshots implements KernelListener, AutoCloseable {
    /** Load samples kept for a page that opens late. */
    static final int HISTORY = 600;
    /** Migrations a snapshot carries: the log's tail. */
    static final int LOG = 100;

    record NodeRow(int id, String name, double speed, int cpus, long memory, long free, double load, double loadIndex,
                   int processes, int deputies, boolean up) {}

    record ProcRow(int pid, String command, int home, int where, String state, double cpu, int nmigs, boolean locked,
                   String cantmove) {}

    record MigrationRow(int pid, int from, int to, String reason, long requested, String at, String frozen, long pages,
                        long bytes, String outcome) {}

    /** The load index of each node at the end of a balancing period. */
    record Sample(long time, double[] loads) {}

    record State(long seq, long time, String clock, String pace, String policy, String image, List<NodeRow> nodes,
                 List<ProcRow> processes, List<MigrationRow> migrations, long migrationCount, List<Sample> samples) {}

    /** What a page needs once: the programs it may start, the policies, the signals, and the load so far. */
    record Hello(List<String> programs, List<String> policies, List<String> signals, List<Sample> history) {}

    /** A snapshot as sent: its number and its JSON. */
    record Published(long seq, String json) {}

    private final Kernel kernel;
    private final int shellNode;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("ssi-web-snapshots").unstarted(r));
    private final ArrayDeque<Sample> history = new ArrayDeque<>();
    private final List<Sample> fresh = new ArrayList<>(); // samples since the last snapshot
    private volatile boolean closed;
    private Published latest;
    private String lastShown; // the last published state, less its number and samples

    Snapshots(Kernel kernel, int shellNode, long everyMillis) {
        this.kernel = kernel;
        this.shellNode = shellNode;
        kernel.addListener(this);
        timer.scheduleWithFixedDelay(this::refresh, 0, everyMillis, TimeUnit.MILLISECONDS);
    }

    /** The kernel's listener, on its thread and under its lock: keeps each balancing period's load indices, nothing slower. */
    @Override
    public void period(long time) {
        if (closed) {
            return;
        }
        Sample s = new Sample(time, kernel.nodes().stream().mapToDouble(NodeInfo::loadIndex).toArray());
        synchronized (history) {
            history.addLast(s);
            fresh.add(s);
            if (history.size() > HISTORY) {
                history.removeFirst();
            }
        }
    }

    /** The state now, as JSON (a page's first view, or a test's). */
    String now() {
        return write(state(-1, List.of()));
    }

    /** What a page needs once, as JSON. */
    String hello() {
        List<String> programs;
        try {
            programs = kernel.files().view(shellNode).list("/bin").stream().filter(n -> n.endsWith(".js") || n.endsWith(".py")).toList();
        } catch (IOException e) {
            programs = List.of(); // an image without /bin: nothing to offer
        }
        List<Sample> kept;
        synchronized (history) {
            kept = List.copyOf(history);
        }
        return write(new Hello(programs, kernel.policies().names(), java.util.Arrays.stream(Signal.values()).map(Enum::name).toList(), kept));
    }

    /** True once the view has closed: the pages' threads end. */
    boolean closed() {
        return closed;
    }

    /** Waits until a snapshot newer than {@code seen} is published, or the time is up (null). */
    synchronized Published await(long seen, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (!closed && (latest == null || latest.seq() <= seen)) {
            long left = until - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return closed ? null : latest;
    }

    /**
     * Publishes a snapshot if anything shown changed: the state is read and compared each tick, so a
     * change no listener call announces (a node crashed from the shell while the clock stands) shows too.
     */
    private void refresh() {
        try {
            List<Sample> since;
            synchronized (history) {
                since = List.copyOf(fresh);
                fresh.clear();
            }
            State now = state(0, List.of());
            String shown = write(now);
            if (shown.equals(lastShown) && since.isEmpty()) {
                return;
            }
            lastShown = shown;
            long seq = latestSeq() + 1;
            String text = write(new State(seq, now.time(), now.clock(), now.pace(), now.policy(), now.image(), now.nodes(), now.processes(),
                    now.migrations(), now.migrationCount(), since));
            synchronized (this) {
                latest = new Published(seq, text);
                notifyAll();
            }
        } catch (RuntimeException e) {
            lastShown = null; // try again at the next tick; the timer must not die
        }
    }

    /** The number of the newest snapshot published (0 before the first): a page that has the state now waits for a later one. */
    synchronized long latestSeq() {
        return latest == null ? 0 : latest.seq();
    }

    /** One consistent view: the kernel's public methods lock the kernel, and so does this. */
    private State state(long seq, List<Sample> samples) {
        synchronized (kernel) {
            List<NodeRow> nodes = kernel.nodes().stream().map(n -> new NodeRow(n.spec().id(), n.spec().name(), n.spec().speed(), n.spec().cpus(),
                    n.spec().memory(), n.freeMemory(), n.load(), n.loadIndex(), n.processes(), n.deputies(), kernel.up(n.spec().id()))).toList();
            List<ProcRow> procs = kernel.ps().stream().map(p -> new ProcRow(p.pid(), p.command(), p.home(), p.where(), p.state().name().toLowerCase(java.util.Locale.ROOT),
                    p.cpuSeconds(), p.nmigs(), p.locked(), p.cantmove())).toList();
            List<Migration> all = kernel.migrations();
            List<MigrationRow> log = all.subList(Math.max(0, all.size() - LOG), all.size()).stream().map(m -> new MigrationRow(m.pid(), m.from(), m.to(),
                    m.reason().label(), m.requested(), Durations.format(m.requested()), Durations.millis(m.frozen()), m.pages(), m.bytes(), m.outcome())).toList();
            long t = kernel.now();
            return new State(seq, t, Durations.format(t), kernel.pace().name().toLowerCase(java.util.Locale.ROOT), kernel.policy(),
                    kernel.image().name(), nodes, procs, log, kernel.migrationCount(), samples);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the web view's state: " + e.getMessage(), e);
        }
    }

    /** Stops the timer and wakes the pages' threads; the listener stays with the kernel, inert. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        kernel.removeListener(this);
        synchronized (this) {
            notifyAll();
        }
    }
}
