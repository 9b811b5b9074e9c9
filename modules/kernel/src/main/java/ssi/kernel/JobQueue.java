package ssi.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ssi.api.Job;

/**
 * MOSIX2's queue ({@code mosrun -q}, {@code mosq}), in front of placement: a queued job starts when
 * its home's cluster has room, at most {@code queued_per_cpu} running queued jobs per CPU of that
 * cluster's live nodes; the highest priority first (the lowest number), first come first served
 * within one. It is looked at whenever a job is queued and at every quantum's end, in job order,
 * so the same image, workload and seed start the same jobs at the same virtual times.
 */
final class JobQueue {
    static final Image.Bound PRIORITY = new Image.Bound(0, 65_535);
    static final int DEFAULT_PRIORITY = 50;

    private static final class Entry {
        final int id, home;
        final String path;
        final List<String> args;
        final RunOptions options;
        final long submitted;
        int priority;
        int pid;          // 0 until started
        String failed;    // why it could not start, or null

        Entry(int id, int home, String path, List<String> args, RunOptions options, int priority, long submitted) {
            this.id = id;
            this.home = home;
            this.path = path;
            this.args = List.copyOf(args);
            this.options = options;
            this.priority = priority;
            this.submitted = submitted;
        }
    }

    private final Kernel k;
    private final Map<Integer, Entry> jobs = new TreeMap<>();
    private int queued; // jobs waiting, so that an empty queue costs a quantum nothing

    JobQueue(Kernel k) {
        this.k = k;
    }

    /** {@code mosrun -q}: queues a program of home {@code home}; returns its job number. Refused for a program that does not exist. */
    int submit(int home, String path, List<String> args, RunOptions options, int priority) throws KernelException {
        k.image().requireNode(home);
        requirePriority(priority);
        k.launcher.requireProgram(path, options.cwd(), home);
        Entry e = new Entry(jobs.size() + 1, home, path, args, options, priority, k.quantum.now());
        jobs.put(e.id, e);
        queued++;
        k.trace.log(e.submitted, "queue job=" + e.id + " priority=" + priority + " " + path + (args.isEmpty() ? "" : " " + String.join(" ", args)));
        dispatch();
        return e.id;
    }

    private static void requirePriority(int priority) throws KernelException {
        if (!PRIORITY.holds(priority)) {
            throw new KernelException("a job's priority is a whole number " + PRIORITY.describe() + " (lower is higher), got " + priority);
        }
    }

    private Entry waiting(int id) throws KernelException {
        Entry e = jobs.get(id);
        if (e == null) {
            throw new KernelException("no job " + id);
        }
        if (e.pid != 0 || e.failed != null) {
            throw new KernelException("job " + id + " is not queued: it is " + state(e));
        }
        return e;
    }

    /** {@code mosq run JOB}: starts a queued job now, whether or not there is room. */
    int runNow(int id) throws KernelException {
        Entry e = waiting(id);
        start(e, "by hand");
        if (e.failed != null) {
            throw new KernelException("job " + id + " could not start: " + e.failed);
        }
        return e.pid;
    }

    /** {@code mosq delete JOB}: a queued job leaves the queue. */
    void delete(int id) throws KernelException {
        Entry e = waiting(id);
        jobs.remove(id);
        queued--;
        k.trace.log(k.quantum.now(), "dequeue job=" + id + " deleted");
    }

    /** {@code mosq priority JOB N}. */
    void setPriority(int id, int priority) throws KernelException {
        Entry e = waiting(id);
        requirePriority(priority);
        e.priority = priority;
        k.trace.log(k.quantum.now(), "queue job=" + id + " priority=" + priority);
        dispatch();
    }

    /** Starts the queued jobs the clusters have room for, the highest priority first, then the oldest. */
    void dispatch() {
        if (queued == 0) {
            return;
        }
        List<Entry> waiting = jobs.values().stream().filter(e -> e.pid == 0 && e.failed == null)
                .sorted(Comparator.comparingInt((Entry e) -> e.priority).thenComparingInt(e -> e.id)).toList();
        for (Entry e : waiting) {
            if (running(e.home) < room(e.home)) {
                start(e, "room");
            }
        }
    }

    private void start(Entry e, String why) {
        queued--;
        try {
            e.pid = k.launcher.spawn(e.home, e.path, e.args, e.options);
            k.trace.log(k.quantum.now(), "dequeue job=" + e.id + " pid=" + e.pid + " (" + why + ")");
        } catch (KernelException ex) {
            e.failed = ex.getMessage();
            k.trace.log(k.quantum.now(), "dequeue job=" + e.id + " failed: " + e.failed);
        }
    }

    /** Queued jobs running now among those of {@code home}'s cluster. */
    private int running(int home) {
        Clusters rules = k.clusters.rules;
        int n = 0;
        for (Entry e : jobs.values()) {
            if (e.pid != 0 && rules.of(e.home) == rules.of(home) && alive(e.pid)) {
                n++;
            }
        }
        return n;
    }

    /** How many queued jobs may run at once in {@code home}'s cluster: per CPU of its live nodes. */
    private int room(int home) {
        Clusters rules = k.clusters.rules;
        int cpus = 0;
        for (int n = 1; n <= k.nodes.count(); n++) {
            cpus += rules.of(n) == rules.of(home) && k.nodes.up(n) ? k.nodes.spec(n).cpus() : 0;
        }
        return cpus * k.image().queuedPerCpu();
    }

    private String state(Entry e) {
        if (e.failed != null) {
            return "failed: " + e.failed;
        }
        return e.pid == 0 ? "queued" : alive(e.pid) ? "running" : "done";
    }

    private boolean alive(int pid) {
        Proc p = k.processes.get(pid);
        return p != null && p.alive();
    }

    /** Every job, queued, running or ended, in job order. */
    List<Job> list() {
        List<Job> out = new ArrayList<>();
        for (Entry e : jobs.values()) {
            out.add(new Job(e.id, e.priority, e.submitted, state(e), e.pid, e.path + (e.args.isEmpty() ? "" : " " + String.join(" ", e.args))));
        }
        return out;
    }
}
