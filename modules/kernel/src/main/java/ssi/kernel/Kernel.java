package ssi.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ssi.api.NodeInfo;
import ssi.api.NodeSpec;
import ssi.api.ProcessInfo;
import ssi.api.ProcessState;
import ssi.guest.GuestProgram;
import ssi.guest.GuestRuntime;
import ssi.guest.Language;
import ssi.guest.Syscall;
import ssi.guest.SyscallException;
import ssi.guest.SystemCalls;
import ssi.guest.Yield;
import ssi.scheduler.CpuShare;

/**
 * The one authority of the emulated cluster. Virtual time advances in quanta; in each quantum
 * every node shares its CPUs among its runnable processes, whose guest slices run in parallel on
 * host threads. Everything a process does to others (spawn, wait, exit, output) reaches the
 * kernel as a system call and is applied in a fixed order (virtual time, then pid), so that the
 * same image, workload and seed give the same trace on any host and at any pace.
 */
public final class Kernel implements AutoCloseable {
    private final Image image;
    private final long seed;
    private final GuestRuntime runtime;
    private final boolean ownsRuntime;
    private final CpuShare cpu;
    private final ExecutorService workers;
    private final TreeMap<Integer, Proc> procs = new TreeMap<>();
    private final Map<Integer, Integer> reaped = new HashMap<>();
    private final List<String> trace = new ArrayList<>();
    private final List<KernelListener> listeners = new ArrayList<>();
    private final int[] joined; // processes sharing each node's CPUs in the current quantum
    private int nextPid = 1;
    private long quantumEnd;
    private long now;
    private volatile Clock clock;

    private Kernel(Image image, long seed, GuestRuntime runtime, boolean ownsRuntime) {
        this.image = image;
        this.seed = seed;
        this.runtime = runtime;
        this.ownsRuntime = ownsRuntime;
        this.cpu = new CpuShare(image.workRate());
        this.joined = new int[image.nodes().size() + 1];
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.workers = Executors.newFixedThreadPool(threads, r -> Thread.ofPlatform().daemon().name("ssi-slice").unstarted(r));
        log(0, "boot image=" + image.name() + " nodes=" + image.nodes().size() + " seed=" + seed);
    }

    /** Boots an image with its own guest runtime. */
    public static Kernel boot(Image image, long seed) {
        GuestRuntime runtime = new GuestRuntime();
        runtime.warmUpInBackground();
        return new Kernel(image, seed, runtime, true);
    }

    /** Boots an image on a shared guest runtime (which the kernel does not close). */
    public static Kernel boot(Image image, long seed, GuestRuntime runtime) {
        return new Kernel(image, seed, runtime, false);
    }

    public Image image() {
        return image;
    }

    public long seed() {
        return seed;
    }

    /** The current virtual time in nanoseconds since boot. */
    public synchronized long now() {
        return now;
    }

    public synchronized void addListener(KernelListener l) {
        listeners.add(l);
    }

    /** The trace so far: one line per event (boot, spawn, output, exit, kill), in virtual-time order. */
    public synchronized List<String> trace() {
        return List.copyOf(trace);
    }

    // ---- requests from the front end (applied between quanta) ----

    /** Starts a program on a node (its home node), as mosrun does; returns its pid. */
    public synchronized int spawn(int node, String path, List<String> args) throws KernelException {
        if (image.node(node).isEmpty()) {
            throw new KernelException("no node " + node + " (nodes are 1-" + image.nodes().size() + ")");
        }
        Proc p = create(0, node, path, args, now);
        return p.pid;
    }

    /** Sends a signal; SIGKILL and SIGTERM end the process at once, even in an endless loop. */
    public synchronized void kill(int pid, Signal signal) throws KernelException {
        Proc p = procs.get(pid);
        if (p == null || p.state == ProcessState.ZOMBIE) {
            throw new KernelException("kill: no process " + pid);
        }
        log(now, "kill pid=" + pid + " signal=" + signal);
        exit(p, 128 + signal.number(), now, null);
    }

    /** Runs the cluster for {@code nanos} of virtual time (whole quanta). */
    public synchronized void advance(long nanos) {
        long target = now + nanos;
        while (now < target) {
            quantum();
        }
    }

    /** Runs until the process has exited or {@code limitNanos} have passed; returns its exit status if it ended. */
    public synchronized Optional<Integer> runUntilExit(int pid, long limitNanos) {
        long limit = now + limitNanos;
        while (exitStatus(pid).isEmpty() && now < limit) {
            quantum();
        }
        return exitStatus(pid);
    }

    /** The exit status of a process that has ended. */
    public synchronized Optional<Integer> exitStatus(int pid) {
        Proc p = procs.get(pid);
        if (p != null) {
            return p.state == ProcessState.ZOMBIE ? Optional.of(p.exitStatus) : Optional.empty();
        }
        return Optional.ofNullable(reaped.get(pid));
    }

    public synchronized List<ProcessInfo> ps() {
        return procs.values().stream().map(Proc::info).toList();
    }

    public synchronized Optional<ProcessInfo> process(int pid) {
        return Optional.ofNullable(procs.get(pid)).map(Proc::info);
    }

    /** Each node with its load: runnable processes per CPU of the standard processor. */
    public synchronized List<NodeInfo> nodes() {
        List<NodeInfo> out = new ArrayList<>();
        for (NodeSpec n : image.nodes()) {
            int here = 0;
            int runnable = 0;
            for (Proc p : procs.values()) {
                if (p.where == n.id() && p.state != ProcessState.ZOMBIE) {
                    here++;
                    if (p.state == ProcessState.RUNNING) {
                        runnable++;
                    }
                }
            }
            out.add(new NodeInfo(n, runnable / (n.cpus() * n.speed()), here));
        }
        return out;
    }

    /** Starts or stops the background clock; in realtime pace it keeps virtual time with the wall clock. */
    public void pace(Pace pace) { // not synchronized: the clock thread needs the lock to finish its quantum
        if (clock != null) {
            clock.stop();
            clock = null;
        }
        if (pace == Pace.REALTIME) {
            clock = new Clock(this);
        }
    }

    /** One quantum, for the realtime clock. */
    synchronized void tick() {
        quantum();
    }

    @Override
    public void close() {
        pace(Pace.MAX);
        synchronized (this) {
            for (Proc p : procs.values()) {
                if (p.guest != null) {
                    p.guest.terminate();
                }
            }
            procs.clear();
        }
        workers.shutdownNow();
        if (ownsRuntime) {
            runtime.close();
        }
    }

    // ---- the quantum ----

    private void quantum() {
        long t0 = now;
        long t1 = t0 + image.quantumNanos();
        quantumEnd = t1;
        java.util.Arrays.fill(joined, 0);
        List<Proc> runnable = new ArrayList<>();
        for (Proc p : procs.values()) {
            if (p.state != ProcessState.ZOMBIE && p.readyAt < t1) {
                joined[p.where]++;
                runnable.add(p);
            }
        }
        List<Proc> batch = new ArrayList<>();
        for (Proc p : runnable) {
            schedule(p, Math.max(t0, p.readyAt), t1, batch);
        }
        while (!batch.isEmpty()) {
            Map<Proc, Yield> yields = runSlices(batch);
            emitOutputs(batch);
            batch.sort(Comparator.comparingLong((Proc p) -> p.timeAt(yields.get(p).work())).thenComparingInt(p -> p.pid));
            List<Proc> next = new ArrayList<>();
            for (Proc p : batch) {
                handle(p, yields.get(p), t1, next);
            }
            next.sort(Comparator.comparingInt(p -> p.pid));
            batch = next;
        }
        now = t1;
    }

    /** Gives a process a slice from {@code start} to the end of the quantum, if that buys any work. */
    private void schedule(Proc p, long start, long t1, List<Proc> batch) {
        p.state = ProcessState.RUNNING;
        p.readyAt = start;
        NodeSpec node = image.nodes().get(p.where - 1);
        long budget = cpu.budget(node.speed(), CpuShare.share(node.cpus(), joined[p.where]), t1 - start);
        if (budget < 1) {
            p.readyAt = t1; // too little time left in this quantum
            return;
        }
        p.sliceStart = start;
        p.sliceEnd = t1;
        p.sliceBudget = budget;
        batch.add(p);
    }

    /** Runs the slices of a batch in parallel; each ends on its own budget or system call, so the order does not matter. */
    private Map<Proc, Yield> runSlices(List<Proc> batch) {
        Map<Proc, Future<Yield>> futures = new HashMap<>();
        for (Proc p : batch) {
            Object answer = p.answer;
            p.answer = null;
            futures.put(p, workers.submit(() -> p.guest.resume(p.sliceBudget, answer)));
        }
        Map<Proc, Yield> yields = new HashMap<>();
        for (Proc p : batch) {
            try {
                yields.put(p, futures.get(p).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("slice of process " + p.pid + " failed", e.getCause());
            }
        }
        return yields;
    }

    private void handle(Proc p, Yield y, long t1, List<Proc> next) {
        long t = p.timeAt(y.work());
        p.cpuSeconds += cpu.cpuSeconds(y.work(), image.nodes().get(p.where - 1).speed());
        switch (y) {
            case Yield.BudgetSpent b -> p.readyAt = t1;
            case Yield.Exited e -> {
                if (!e.error().isEmpty()) {
                    emit(new Output(t, p.pid, true, e.error()));
                }
                exit(p, e.status(), t, next);
            }
            case Yield.Trapped trap -> {
                switch (trap.call()) {
                    case Syscall.Spawn s -> {
                        try {
                            Proc child = create(p.pid, p.where, s.path(), s.args(), t);
                            joined[child.where]++;
                            schedule(child, t, t1, next);
                            resumeAt(p, child.pid, t, t1, next);
                        } catch (KernelException ex) {
                            resumeAt(p, new SyscallException(ex.getMessage()), t, t1, next);
                        }
                    }
                    case Syscall.Wait w -> waitFor(p, w.pid(), t, t1, next);
                    case Syscall.Sleep s -> {
                        p.state = ProcessState.SLEEPING;
                        long wake = t + Math.round(s.seconds() * 1e9);
                        p.readyAt = wake;
                        if (wake < t1) {
                            schedule(p, wake, t1, next);
                        }
                    }
                    case Syscall.Exit e -> exit(p, e.status(), t, next);
                }
            }
        }
    }

    private void resumeAt(Proc p, Object answer, long t, long t1, List<Proc> next) {
        p.answer = answer;
        schedule(p, t, t1, next);
    }

    private void waitFor(Proc p, int pid, long t, long t1, List<Proc> next) {
        Proc child = procs.get(pid);
        if (child == null || child.ppid != p.pid) {
            resumeAt(p, new SyscallException("wait: process " + pid + " is not a child of " + p.pid), t, t1, next);
        } else if (child.state == ProcessState.ZOMBIE) {
            reap(child);
            resumeAt(p, child.exitStatus, t, t1, next);
        } else {
            p.state = ProcessState.SLEEPING;
            p.waitingFor = pid;
            p.readyAt = Long.MAX_VALUE;
        }
    }

    private Proc create(int ppid, int node, String path, List<String> args, long t) throws KernelException {
        GuestProgram program = load(path, args);
        Proc p = new Proc(nextPid++, ppid, node, program);
        p.readyAt = t;
        procs.put(p.pid, p);
        p.guest = runtime.start(program, new Calls(p));
        log(t, "spawn pid=" + p.pid + " ppid=" + ppid + " node=" + node + " " + p.command());
        return p;
    }

    private GuestProgram load(String path, List<String> args) throws KernelException {
        String abs = path.startsWith("/") ? path : "/bin/" + path;
        Path root = image.root().toAbsolutePath().normalize();
        Path file = root.resolve(abs.substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw new KernelException("no such program: " + abs);
        }
        Language language = Language.of(abs).orElseThrow(
                () -> new KernelException("not a guest program (want .js or .py): " + abs));
        try {
            return new GuestProgram(abs, Files.readString(file), language, args, seed);
        } catch (IOException e) {
            throw new KernelException("cannot read " + abs + ": " + e.getMessage());
        }
    }

    /** Ends a process at time {@code t}: a zombie until its parent waits, or reaped at once if nobody will. */
    private void exit(Proc p, int status, long t, List<Proc> next) {
        p.guest.terminate();
        p.state = ProcessState.ZOMBIE;
        p.exitStatus = status;
        p.exitTime = t;
        p.readyAt = Long.MAX_VALUE;
        log(t, "exit pid=" + p.pid + " status=" + status);
        for (Proc orphan : procs.values().stream().filter(c -> c.ppid == p.pid).toList()) {
            orphan.ppid = 0; // orphans are reaped by the kernel, as init would
            if (orphan.state == ProcessState.ZOMBIE) {
                reap(orphan);
            }
        }
        Proc parent = procs.get(p.ppid);
        if (parent == null) {
            reap(p);
        } else if (parent.state == ProcessState.SLEEPING && parent.waitingFor == p.pid) {
            reap(p);
            parent.waitingFor = -1;
            parent.answer = status;
            if (next == null) {
                parent.state = ProcessState.RUNNING;
                parent.readyAt = t;
            } else {
                joined[parent.where]++;
                schedule(parent, t, quantumEnd, next);
            }
        }
    }

    private void reap(Proc p) {
        procs.remove(p.pid);
        reaped.put(p.pid, p.exitStatus);
        for (KernelListener l : listeners) {
            l.exited(p.pid, p.command(), p.exitStatus, p.exitTime);
        }
    }

    private void emitOutputs(List<Proc> batch) {
        List<Output> all = new ArrayList<>();
        for (Proc p : batch) {
            all.addAll(p.outputs); // already in the order each process wrote them
            p.outputs.clear();
        }
        all.sort(Comparator.comparingLong(Output::time).thenComparingInt(Output::pid));
        all.forEach(this::emit);
    }

    private void emit(Output o) {
        log(o.time(), (o.stderr() ? "err" : "out") + " pid=" + o.pid() + " " + o.text().stripTrailing());
        for (KernelListener l : listeners) {
            l.output(o);
        }
    }

    private void log(long t, String event) {
        trace.add(String.format("%d.%09d %s", t / 1_000_000_000, t % 1_000_000_000, event));
    }

    /** The local system calls of one process, answered on its guest thread. */
    private static final class Calls implements SystemCalls {
        private final Proc p;

        Calls(Proc p) {
            this.p = p;
        }

        @Override
        public int getpid() {
            return p.pid;
        }

        @Override
        public int getppid() {
            return p.ppid;
        }

        @Override
        public double time(long workInSlice) {
            return p.timeAt(workInSlice) / 1e9;
        }

        @Override
        public void output(boolean stderr, byte[] bytes, long workInSlice) {
            p.outputs.add(new Output(p.timeAt(workInSlice), p.pid, stderr, new String(bytes, StandardCharsets.UTF_8)));
        }
    }
}
