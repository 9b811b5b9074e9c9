package ssi.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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
import ssi.api.Link;
import ssi.api.Migration;
import ssi.api.MigrationReason;
import ssi.api.NodeInfo;
import ssi.api.NodeSpec;
import ssi.api.PolicyException;
import ssi.api.ProcessInfo;
import ssi.api.ProcessState;
import ssi.api.Signal;
import ssi.api.VirtualTime;
import ssi.guest.Answer;
import ssi.guest.Errno;
import ssi.guest.GuestProgram;
import ssi.guest.Received;
import ssi.guest.GuestRuntime;
import ssi.guest.Language;
import ssi.guest.Syscall;
import ssi.guest.SyscallException;
import ssi.guest.SystemCalls;
import ssi.guest.Yield;
import ssi.migration.AddressSpace;
import ssi.migration.CantMove;
import ssi.migration.Checkpoints;
import ssi.migration.Deputy;
import ssi.migration.Migrations;
import ssi.migration.TransferCost;
import ssi.ipc.Ipc;
import ssi.ipc.Wait;
import ssi.mfs.FileCall;
import ssi.mfs.FileGate;
import ssi.mfs.GuestFileSystem;
import ssi.mfs.Namespace;
import ssi.scheduler.Balancer;
import ssi.scheduler.CpuShare;
import ssi.scheduler.NodeCpus;

/**
 * The one authority of the emulated cluster. Virtual time advances in quanta; in each quantum
 * every node shares its CPUs among its runnable processes and busy deputies; guest slices run in
 * parallel on host threads. Everything a process does to others (spawn, wait, exit, output,
 * memory, migration) reaches the kernel as a system call and is applied in a fixed order (virtual
 * time, then pid), so that the same image, workload and seed give the same trace on any host and
 * at any pace.
 */
public final class Kernel implements AutoCloseable {
    /** What MOSIX tells a program that needs shared memory under plain {@code mosrun}. */
    public static final String SHARED_MEMORY_REFUSED =
            "MOSRUN: Shared memory (MAP_SHARED) not supported under MOSIX. (try 'mosrun -e' or 'mosrun -E')";
    /** The end of virtual time: 2^62 ns, about 146 years (see {@link VirtualTime#END}). */
    public static final long END_OF_TIME = VirtualTime.END;
    private Image image; // grows when a node joins
    private final long seed;
    private final GuestRuntime runtime;
    private final boolean ownsRuntime;
    private final CpuShare cpu;
    private final ExecutorService workers;
    private final TreeMap<Integer, Proc> procs = new TreeMap<>();
    private final Map<Integer, Integer> reaped = new HashMap<>();
    private final Map<String, Integer> owned = new HashMap<>(); // guest processes by owner, until reaped: the process limit counts them
    private final Ipc<Proc> ipc;
    private final java.util.BitSet down = new java.util.BitSet(); // nodes that crashed
    private final Admin admin;
    private final Checkpoints<RunOptions.Mode> checkpoints;
    private final Migrations<Proc> migrations;
    private NodeSpec[] specs; // the nodes as they are now: an administrator may change a node's speed, nodes may join
    private final List<Delivery> deliveries = new ArrayList<>(); // signals arriving in later quanta
    /** How many trace lines the kernel keeps in memory: a long run must not fill the heap with its history. */
    static final int TRACE_LIMIT = 200_000;
    private final java.util.ArrayDeque<String> trace = new java.util.ArrayDeque<>();
    private long traceDropped;
    private final List<KernelListener> listeners = new ArrayList<>();
    private final Policies policies;
    private final Balancer<Proc> balancer;
    private final Namespace files;
    private final boolean ownsState; // a temporary state directory, removed at close
    private final NodeCpus cpus; // each node's CPUs in the current quantum
    private long[] served;       // forwarded calls the deputies at each node have served since boot
    private long[] used;         // memory each node's live processes take, and reserve for processes migrating to it
    private final List<Residents> running = new ArrayList<>(); // each node's live processes, by pid
    private final ByPid sliced = new ByPid(); // processes that run by slices (all but cruising ones)
    private Cruises cruises;     // each node's cruising processes
    boolean cruising = true;     // whether quiet synthetic processes cruise (a test turns it off to compare)
    private long quanta;         // quanta whose CPU samples were taken
    private long givenUntil;     // the time up to which cruising processes have been given their work
    long syntheticSlices;        // slices of synthetic processes run so far (cruising saves most)
    private int nextPid = 1;
    private long now;
    private boolean periodBusy;  // a process or a signal existed at some quantum of the current balancing period
    private long idlePeriods;    // balancing periods in a row in which none did
    private final java.util.concurrent.atomic.AtomicLong interrupts = new java.util.concurrent.atomic.AtomicLong(); // Ctrl-Cs so far
    private volatile Clock clock;
    // The quantum's current round (see quantum()): a call carried out now may lead to tasks in the next one.
    private long roundEnd;        // the end of the quantum being run
    private List<Task> roundNext; // the tasks of the next round; null outside the rounds (between quanta, at a quantum's start and end)

    private Kernel(Image image, long seed, GuestRuntime runtime, boolean ownsRuntime, Policies policies, Path state,
                   boolean ownsState) throws KernelException {
        this.policies = policies;
        this.ownsState = ownsState;
        try {
            this.files = new Namespace(image.root(), state, image.nodes().stream().map(NodeSpec::disk).toList());
        } catch (IOException e) {
            throw new KernelException("cannot use the state directory " + state + ": " + e.getMessage());
        }
        this.image = image;
        this.specs = new NodeSpec[image.nodes().size() + 1];
        image.nodes().forEach(n -> specs[n.id()] = n);
        this.admin = new Admin(image);
        this.checkpoints = new Checkpoints<>(files.state().resolve("checkpoints"), RunOptions.Mode.class, RunOptions.USER);
        files.mountProc(new ssi.procfs.ProcFs(new ProcState(this)));
        this.seed = seed;
        this.runtime = runtime;
        this.ownsRuntime = ownsRuntime;
        this.cpu = new CpuShare(image.workRate());
        this.ipc = new Ipc<>(new IpcHost(), image.ipcCallNanos(), image.link());
        this.migrations = new Migrations<>(new MigrationHost(),
                new TransferCost(image.migrationFixedNanos(), image.pageBytes(), image.link()));
        Image.Balancing b = image.balancing();
        try {
            this.balancer = new Balancer<>(image.nodes(), new Balancer.Rules(b.policy(), b.settings(), b.periodNanos(), image.quantumNanos(),
                    b.window(), b.minResidenceNanos(), image.link()), seed, policies.plugins(), new BalancerView());
        } catch (PolicyException e) {
            throw new KernelException(e.getMessage());
        }
        this.cpus = new NodeCpus(image.nodes().size(), image.quantumNanos());
        this.served = new long[image.nodes().size() + 1];
        this.used = new long[image.nodes().size() + 1];
        this.cruises = new Cruises(image.nodes().size());
        for (int n = 0; n <= image.nodes().size(); n++) {
            running.add(new Residents());
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.workers = Executors.newFixedThreadPool(threads, r -> Thread.ofPlatform().daemon().name("ssi-slice").unstarted(r));
        log(0, "boot image=" + image.name() + " nodes=" + image.nodes().size() + " seed=" + seed);
    }

    /** Boots an image with its own guest runtime and the policy plugins on the module path; its files live in a temporary directory, removed at close. */
    public static Kernel boot(Image image, long seed) throws KernelException {
        GuestRuntime runtime = new GuestRuntime();
        try {
            Kernel kernel = new Kernel(image, seed, runtime, true, Policies.discover(), temporaryState(), true);
            runtime.warmUpInBackground(); // once booted: a refused image closes a runtime nothing started in
            return kernel;
        } catch (KernelException e) {
            runtime.close();
            throw e;
        }
    }

    /** Boots an image on a shared guest runtime (which the kernel does not close). */
    public static Kernel boot(Image image, long seed, GuestRuntime runtime) throws KernelException {
        return boot(image, seed, runtime, Policies.discover());
    }

    /** Boots an image on a shared guest runtime with these policy plugins, its files in a new temporary directory. */
    public static Kernel boot(Image image, long seed, GuestRuntime runtime, Policies policies) throws KernelException {
        return new Kernel(image, seed, runtime, false, policies, temporaryState(), true);
    }

    /**
     * Boots an image with its own guest runtime, the plugins on the module path, and its files under
     * {@code state}. Its languages start with its first process of each ({@link #warmUpGuests} to
     * start them early, when a person will type the first command).
     */
    public static Kernel boot(Image image, long seed, Path state) throws KernelException {
        GuestRuntime runtime = new GuestRuntime();
        try {
            return new Kernel(image, seed, runtime, true, Policies.discover(), state, false);
        } catch (KernelException e) {
            runtime.close();
            throw e;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static Path temporaryState() throws KernelException {
        try {
            return Files.createTempDirectory("ssi-state-");
        } catch (IOException e) {
            throw new KernelException("cannot create a state directory: " + e.getMessage());
        }
    }

    /**
     * Starts the guest languages in the background (about 3 s of a core for Python's first context),
     * so that a person's first mosrun does not wait for them. A script's first process would only
     * compete with it for the host's cores: it starts its language itself.
     */
    public void warmUpGuests() {
        runtime.warmUpInBackground();
    }

    /** The cluster's files: the namespace guests and the shell see. */
    public Namespace files() {
        return files;
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

    /**
     * The trace: one line per event (boot, spawn, output, exit, kill, migration, policy), in
     * virtual-time order; the latest {@value #TRACE_LIMIT} events, after a line saying how many
     * earlier ones were dropped, if any.
     */
    public synchronized List<String> trace() {
        List<String> lines = new ArrayList<>(trace.size() + 1);
        if (traceDropped > 0) {
            lines.add("... " + traceDropped + " earlier events dropped");
        }
        lines.addAll(trace);
        return lines;
    }

    // ---- requests from the front end (applied between quanta) ----

    /** Starts a program at a node, its home, as plain mosrun does there; returns its pid. */
    public synchronized int spawn(int node, String path, List<String> args) throws KernelException {
        return spawn(node, path, args, RunOptions.DEFAULT);
    }

    /** Starts a program whose home is {@code home}, as mosrun with {@code options} does there; returns its pid. */
    public synchronized int spawn(int home, String path, List<String> args, RunOptions options) throws KernelException {
        image.requireNode(home);
        requireRoom(Map.of(options.owner(), 1));
        GuestProgram program = load(path, args, options.cwd(), home);
        Proc p = create(0, home, startNode(home, program, options), program, options.mode(), options.locked(), options.hint(), Map.of(), now,
                options.owner());
        if (options.checkpointNanos() > 0) {
            p.checkpointNanos = options.checkpointNanos();
            p.nextCheckpoint = now + options.checkpointNanos();
        }
        return p.pid;
    }

    /**
     * Starts a synthetic process at {@code home}: its demand instead of guest code, run by the same
     * scheduler, deputy, migration and policies as a guest; returns its pid.
     */
    public synchronized int spawnSynthetic(int home, ssi.synthetic.Demand demand) throws KernelException {
        return spawnBody(home, demand.command(), calls -> new ssi.synthetic.SyntheticProcess(demand, calls));
    }

    /** Starts a process at {@code home} whose body runs on the kernel's thread: a synthetic process (or a test's). */
    synchronized int spawnBody(int home, String command, java.util.function.Function<SystemCalls, ssi.guest.ProcessBody> body)
            throws KernelException {
        image.requireNode(home);
        requireUp(home);
        AddressSpace memory = new AddressSpace(image.pageBytes(), image.processBytes());
        requireMemory(home, memory, "a synthetic process");
        Proc p = new Proc(nextPid++, 0, home, home, null, command, RunOptions.Mode.STRICT, "", memory, now, RunOptions.USER);
        p.readyAt = now;
        procs.put(p.pid, p);
        sliced.put(p);
        settle(p);
        p.guest = body.apply(new Calls(p));
        log(now, "spawn pid=" + p.pid + " ppid=0 node=" + home + " " + p.command());
        balancer.place(p, now);
        return p.pid;
    }

    /** Where a program started with {@code options} from {@code home} runs first; refused if that node cannot take it. */
    private int startNode(int home, GuestProgram program, RunOptions options) throws KernelException {
        int start = switch (options.start()) {
            case RunOptions.HOME -> home;
            case RunOptions.BEST -> bestNode(baseBytes(program));
            default -> image.requireNode(options.start());
        };
        if (options.mode() == RunOptions.Mode.NATIVE && start != home) {
            throw new KernelException("a native process (mosrun -E) runs at its home node, not node " + start);
        }
        requireUp(home);
        requireUp(start);
        if (start != home && admin.is(start, "block")) {
            throw new KernelException("node " + start + " blocks guests");
        }
        return start;
    }

    /** Writes a process's checkpoint: how to start it again, what it had used, and the state its program gave. */
    private void checkpoint(Proc p, long t) {
        try {
            checkpoints.write(new Checkpoints.Saved<>(p.pid, p.program.path(), p.program.args(), p.home, p.mode, p.locked, p.hint,
                    p.checkpointNanos, t, p.cpuSeconds, p.work, p.nmigs, p.appState, p.owner));
            log(t, "checkpoint pid=" + p.pid);
        } catch (IOException e) {
            notice(t, "checkpoint of process " + p.pid + " failed: " + e.getMessage());
        }
    }

    /**
     * {@code mosrun -R}: starts a process again from its last checkpoint, at its home. A running
     * guest's heap cannot be saved (GraalVM contexts cannot be snapshotted), so what is restored is
     * its program, arguments, home, options and counters, and the state its program gave to
     * {@code ssi.checkpoint}, which it reads back with {@code ssi.restored()} to go on from there.
     * Returns the new pid.
     */
    public synchronized int recover(int pid) throws KernelException {
        Proc old = procs.get(pid);
        if (old != null && old.alive()) {
            throw new KernelException("process " + pid + " is still running");
        }
        Checkpoints.Saved<RunOptions.Mode> c;
        try {
            c = checkpoints.read(pid).orElseThrow(() -> new KernelException("no checkpoint of process " + pid + " (start it with mosrun -C)"));
        } catch (IOException e) {
            throw new KernelException("the checkpoint of process " + pid + " is unreadable: " + e.getMessage());
        }
        requireUp(image.requireNode(c.home()));
        requireRoom(Map.of(c.owner(), 1));
        Proc p = create(0, c.home(), c.home(), load(c.program(), c.args(), "/", c.home()), c.mode(), c.locked(), c.hint(), Map.of(), now,
                c.owner());
        p.restored = c.state();
        p.appState = c.state();
        p.cpuSeconds = c.cpuSeconds();
        p.work = c.work();
        p.nmigs = c.nmigs();
        p.checkpointNanos = c.intervalNanos();
        p.nextCheckpoint = now + c.intervalNanos();
        log(now, "recover pid=" + p.pid + " from=" + pid + " checkpoint t=" + c.time());
        return p.pid;
    }

    /**
     * Starts a pipeline, as a shell does: each command's stdout is a pipe to the next one's stdin.
     * Each command is a program's path and its arguments, started with its options; returns their pids.
     */
    public synchronized List<Integer> pipeline(int home, List<List<String>> commands, List<RunOptions> options) throws KernelException {
        image.requireNode(home);
        if (commands.size() != options.size()) {
            throw new IllegalArgumentException("one RunOptions per command");
        }
        if (commands.size() < 2 || commands.stream().anyMatch(List::isEmpty)) {
            throw new KernelException("a pipeline needs two commands or more, each a program and its arguments");
        }
        Map<String, Integer> starting = new HashMap<>();
        options.forEach(o -> starting.merge(o.owner(), 1, Integer::sum));
        requireRoom(starting);
        List<GuestProgram> programs = new ArrayList<>();
        for (List<String> c : commands) {
            programs.add(load(c.getFirst(), c.subList(1, c.size()), options.get(programs.size()).cwd(), home));
        }
        List<Map<Integer, Integer>> ends = ipc.pipeline(home, nextPid, programs.size());
        List<Integer> pids = new ArrayList<>();
        for (int i = 0; i < programs.size(); i++) {
            RunOptions o = options.get(i);
            Proc p = create(0, home, startNode(home, programs.get(i), o), programs.get(i), o.mode(), o.locked(), o.hint(), ends.get(i), now,
                    o.owner());
            ipc.adopt(p);
            pids.add(p.pid);
        }
        return pids;
    }

    /**
     * Node {@code node} fails, as a MOSIX node that crashes: the processes running there die, and
     * so do those whose home it was (their deputies are gone), wherever they run. Its files stay as
     * they were last committed: what was written but not closed is lost, never torn; until it is
     * back, its files are out of reach.
     */
    public synchronized void crash(int node) throws KernelException {
        image.requireNode(node);
        requireUp(node);
        down.set(node);
        log(now, "crash node=" + node);
        for (Proc p : List.copyOf(procs.values())) {
            if (p.alive() && (p.where == node || p.home == node)) {
                exit(p, 128 + Signal.SIGKILL.number(), now);
            }
        }
        files.crash(node);
    }

    private void requireUp(int node) throws KernelException {
        if (down.get(node)) {
            throw new KernelException("node " + node + " is down");
        }
    }

    /** Sends a signal from the shell: it acts at once, between quanta (SIGKILL ends even an endless loop). */
    public synchronized void kill(int pid, Signal signal) throws KernelException {
        Proc p = procs.get(pid);
        if (p == null || !p.alive()) {
            throw new KernelException("no process " + pid);
        }
        log(now, "kill pid=" + pid + " signal=" + signal);
        uncruise(p); // the signal needs it as it is
        ipc.signalNow(p, signal, now);
    }

    /**
     * Migrates a process (as {@code migrate PID NODE|home} does): it is frozen now and moves in the
     * quanta that follow. Refused, with the reason, if it cannot move.
     *
     * @param target a node id, a node name, {@code home}, or {@code balance} (the node where it would get the most CPU)
     */
    public synchronized void migrate(int pid, String target) throws KernelException {
        Proc p = procs.get(pid);
        if (p == null || !p.alive()) {
            throw new KernelException("no process " + pid);
        }
        int to = target.strip().equals("balance") ? bestNode(p.memory.bytes(), p) : image.nodeId(target, p.home);
        if (to == p.where) {
            throw new KernelException("process " + pid + " already runs on " + spec(to).name()
                    + (target.strip().equals("balance") ? ", the best node for it" : ""));
        }
        String refused = migrations.start(p, to, MigrationReason.MANUAL, now, false, null);
        if (refused != null) {
            throw new KernelException(refused);
        }
    }

    /** The policy plugins this cluster can use. */
    public Policies policies() {
        return policies;
    }

    /** Switches the cluster's policy (each node gets its own instance); the current one stays if this fails. */
    public synchronized void usePolicy(String name, Map<String, String> settings) throws KernelException {
        try {
            balancer.use(name, settings);
        } catch (PolicyException e) {
            throw new KernelException(e.getMessage());
        }
        log(now, "policy " + balancer.describe());
    }

    /** Unloads a plugin loaded at run time; refused while it is the policy in use. */
    public synchronized void unloadPolicy(String name) throws KernelException {
        if (balancer.policyName().equals(name)) {
            throw new KernelException("'" + name + "' is in use: switch to another policy first");
        }
        policies.unload(name);
    }

    /** The policy in use, with its settings. */
    public synchronized String policy() {
        return balancer.describe();
    }

    /**
     * Runs the cluster for {@code nanos} of virtual time (whole quanta), or until {@link #interrupt}.
     * Time advances by events: once an idle cluster has stopped gossiping and rests, whole balancing
     * periods pass at once, so an idle cluster passes any span at once (see {@link #rest}).
     *
     * @throws IllegalArgumentException if the span is negative or would take the clock past its end
     */
    public synchronized void advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a span of virtual time cannot be negative, got " + nanos + " ns");
        }
        long q = image.quantumNanos();
        if (Math.ceilDiv(nanos, q) > (END_OF_TIME - now) / q) {
            throw new IllegalArgumentException("the virtual clock ends at t=" + stamp(END_OF_TIME) + " (2^62 ns, about 146 years): from t="
                    + stamp(now) + ", " + nanos + " ns (in whole quanta of " + Durations.millis(q) + ") go past it");
        }
        long target = now + nanos;
        long asked = interrupts.get();
        while (now < target && interrupts.get() == asked) {
            if (!rest(target)) {
                quantum();
            }
        }
    }

    /**
     * Runs until the process has exited, {@code limitNanos} have passed (up to the clock's end) or
     * {@link #interrupt}; returns its exit status if it ended.
     */
    public synchronized Optional<Integer> runUntilExit(int pid, long limitNanos) {
        long limit = limitNanos > END_OF_TIME - now ? END_OF_TIME : now + limitNanos;
        long asked = interrupts.get();
        while (exitStatus(pid).isEmpty() && now < limit && interrupts.get() == asked) {
            quantum();
        }
        return exitStatus(pid);
    }

    /**
     * Asks the {@link #advance} or {@link #runUntilExit} running now to return at its next quantum
     * boundary (Ctrl-C). Thread-safe and lock-free, for another thread to call while the loop
     * holds the kernel; one that starts later is not affected.
     */
    public void interrupt() {
        interrupts.incrementAndGet();
    }

    /** How many times {@link #interrupt} was called: a waiter that saw it change was interrupted. */
    public long interrupts() {
        return interrupts.get();
    }

    /**
     * Passes whole balancing periods at once while the cluster rests: it has been idle (no process,
     * no signal on its way) for {@link Balancer#restAfter} periods, and still is, with no gossip on
     * its way and no deputy work owed. Quanta would change nothing then but the load indexes,
     * which fall as over idle periods, and such periods end without gossip or policy (see
     * {@link Balancer#rest}), so the jump leaves the cluster as quantum by quantum would, at the
     * last period end up to where they would stop before {@code target}: the trace is the same
     * however time is advanced. Returns false if the cluster does not rest or no period ends before the target.
     */
    private boolean rest(long target) {
        if (periodBusy || idlePeriods < balancer.restAfter() || !procs.isEmpty() || !deliveries.isEmpty() || !balancer.quiet()
                || cpus.owing()) {
            return false;
        }
        long q = image.quantumNanos(), period = image.balancing().periodNanos();
        long end = now + Math.ceilDiv(target - now, q) * q; // where quantum by quantum would stop
        long periods, landing;
        if (q > period) { // every quantum ends a period
            periods = (end - now) / q;
            landing = end;
        } else { // each multiple of the period ends one, in the quantum that holds it
            periods = Math.floorDiv(end, period) - Math.floorDiv(now, period);
            landing = now + Math.ceilDiv(Math.floorDiv(end, period) * period - now, q) * q;
        }
        if (periods == 0) {
            return false;
        }
        quanta += (landing - now) / q;
        idlePeriods += periods;
        balancer.rest(periods);
        now = landing;
        givenUntil = landing;
        return true;
    }

    /** The exit status of a process that has ended. */
    public synchronized Optional<Integer> exitStatus(int pid) {
        Proc p = procs.get(pid);
        if (p != null) {
            return p.alive() ? Optional.empty() : Optional.of(p.exitStatus);
        }
        return Optional.ofNullable(reaped.get(pid));
    }

    public synchronized List<ProcessInfo> ps() {
        catchUpAll();
        return procs.values().stream().map(Proc::info).toList();
    }

    public synchronized Optional<ProcessInfo> process(int pid) {
        Optional.ofNullable(procs.get(pid)).ifPresent(this::catchUp);
        return Optional.ofNullable(procs.get(pid)).map(Proc::info);
    }

    /** The migrations that have ended (done or rolled back), in the order they ended: the latest {@value Migrations#KEPT}. */
    public synchronized List<Migration> migrations() {
        return migrations.ended();
    }

    /** How many migrations have ended since boot, including those no longer kept. */
    public synchronized long migrationCount() {
        return migrations.count();
    }

    /**
     * Each node with its load now (runnable processes, busy deputies and processes migrating to it,
     * for which it reserved a CPU, per CPU of the standard processor) and its load index.
     */
    public synchronized List<NodeInfo> nodes() {
        int[] here = new int[image.nodes().size() + 1];
        int[] deputies = new int[image.nodes().size() + 1];
        for (Proc p : procs.values()) {
            if (p.alive()) {
                here[p.where]++;
                deputies[p.home] += p.where != p.home ? 1 : 0;
            }
        }
        int[] runnable = runQueues();
        List<NodeInfo> out = new ArrayList<>();
        for (NodeSpec n : image.nodes()) {
            n = spec(n.id());
            out.add(new NodeInfo(n, runnable[n.id()] / (n.cpus() * n.speed()), balancer.loadIndex(n.id()), here[n.id()],
                    deputies[n.id()], served[n.id()], freeMemory(n.id()), files.diskUsed(n.id())));
        }
        return out;
    }

    /**
     * What wants each node's CPUs now, by node id, in one pass over the processes: runnable ones,
     * busy deputies, and ones migrating to it.
     */
    private int[] runQueues() {
        int[] runnable = runQueues(sliced);
        for (int n = 1; n < cruises.nodes(); n++) {
            runnable[n] += cruises.size(n); // cruising ones run
        }
        assert java.util.Arrays.equals(runnable, runQueues(procs.values())) : "cruising processes are counted as running";
        return runnable;
    }

    private int[] runQueues(Collection<Proc> among) {
        int[] runnable = new int[image.nodes().size() + 1];
        for (Proc p : among) {
            if (!p.alive()) {
                continue;
            }
            runnable[p.where] += p.state == ProcessState.RUNNING && p.move == null ? 1 : 0;
            runnable[p.home] += p.where != p.home && p.deputy.busy() ? 1 : 0;
            if (p.move != null && p.move.reserved()) {
                runnable[p.move.to()]++; // the destination reserved a CPU for it
            }
        }
        return runnable;
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

    /** The pace the clock keeps now. */
    public Pace pace() {
        return clock == null ? Pace.MAX : Pace.REALTIME;
    }

    /** One quantum, for the realtime clock; false at the clock's end, where time stops. */
    synchronized boolean tick() {
        if (now > END_OF_TIME - image.quantumNanos()) {
            return false;
        }
        quantum();
        return true;
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
        balancer.close();
        if (ownsState) {
            deleteQuietly(files.state());
        }
        if (ownsRuntime) {
            runtime.close();
        }
    }


    // ---- the quantum ----

    private void quantum() {
        long t0 = now;
        long t1 = t0 + image.quantumNanos();
        periodBusy |= !procs.isEmpty() || !deliveries.isEmpty();
        cpus.startQuantum(image.nodes()); // the kernel's work of the last quantum is taken from this one
        roundEnd = t1;
        for (Proc p : List.copyOf(sliced)) {
            if (p.move != null) {
                try {
                    migrations.advance(p, roundEnd);
                } catch (RuntimeException e) {
                    fault(p, e, t0);
                }
            }
        }
        List<Task> due = new ArrayList<>();
        for (Proc p : sliced) {
            if (p.alive() && !p.stopped && p.move == null && p.readyAt < t1) {
                join(p, t0);
                due.add(p);
            }
            if (p.alive() && p.deputy.busy() && p.deputyTask.readyAt < t1) {
                due.add(p.deputyTask);
            }
        }
        for (Delivery d : List.copyOf(deliveries)) {
            if (d.readyAt < t1) {
                deliveries.remove(d);
                due.add(d);
            }
        }
        cruise(t0, t1, due);
        List<Task> batch = new ArrayList<>(due.size());
        for (Task t : due) {
            schedule(t, Math.max(t0, t.readyAt), t1, batch);
        }
        // Rounds: run the batch's slices (in parallel: each ends on its own), then carry out what they
        // led to in virtual-time order. An event later than the earliest start of the next round waits:
        // that round could still make something happen before it (SimGrid's rule), so every effect of
        // one process on another (a file written, a child spawned) happens in virtual-time order.
        EventQueue<Task> waiting = new EventQueue<>(); // by event time, then in pid order
        while (!batch.isEmpty() || !waiting.isEmpty()) {
            runSlices(batch);
            emitOutputs(batch);
            for (Task t : batch) {
                t.eventAt = eventTime(t);
                waiting.add(t, t.eventAt, t.pidRank());
            }
            List<Task> next = new ArrayList<>();
            roundNext = next;
            long horizon = Long.MAX_VALUE;
            int scanned = 0; // next's elements already in the horizon
            Task lastScanned = null; // the last of them, to tell when one left
            // In event order; once one event is past the horizon, so are all after it: they wait for the next round.
            while (!waiting.isEmpty() && waiting.firstTime() <= horizon) {
                Task t = waiting.poll();
                assert t.eventAt == eventTime(t) : "a waiting task's event time stayed put";
                try {
                    switch (t) {
                        case Proc p -> {
                            Yield y = p.yielded;
                            p.yielded = null;
                            handle(p, y);
                        }
                        case DeputyTask d -> serve(d);
                        case Delivery d -> ipc.deliver(d.target, d.readyAt);
                    }
                } catch (RuntimeException e) { // a bug of the kernel's, met while serving one process: it ends that process only
                    fault(owner(t), e, t.eventAt);
                }
                if (scanned > next.size() || scanned > 0 && next.get(scanned - 1) != lastScanned) {
                    scanned = 0; // something left next (a process exited): take its minimum afresh
                    horizon = Long.MAX_VALUE;
                }
                for (; scanned < next.size(); scanned++) { // what it led to may happen as soon as that
                    horizon = Math.min(horizon, next.get(scanned).readyAt);
                }
                lastScanned = scanned > 0 ? next.get(scanned - 1) : null;
                assert horizon == next.stream().mapToLong(n -> n.readyAt).min().orElse(Long.MAX_VALUE) : "the horizon kept up";
            }
            Task.sortByPid(next);
            batch = next;
        }
        roundNext = null;
        now = t1;
        for (Proc p : List.copyOf(sliced)) { // a cruising process is synthetic: it keeps no checkpoints
            if (p.alive() && p.checkpointNanos > 0 && p.nextCheckpoint <= t1) {
                checkpoint(p, t1);
                while (p.nextCheckpoint <= t1) {
                    p.nextCheckpoint += p.checkpointNanos;
                }
            }
        }
        if (t1 % image.heapGuard().checkNanos() < image.quantumNanos()) {
            guardHeaps(t1);
        }
        quanta++;
        if (balancer.endQuantum(t1, !periodBusy && idlePeriods >= balancer.restAfter())) {
            for (KernelListener l : listeners) {
                l.period(t1);
            }
        }
        if (balancer.periodEnds(t1)) {
            idlePeriods = periodBusy ? 0 : idlePeriods + 1;
            periodBusy = false;
        }
    }

    /**
     * Asks each guest for its host heap (measured as its next slice starts) and kills one whose last
     * measurement was over the image's limit with an out-of-memory error, so that one guest cannot
     * endanger the JVM. Host-dependent by nature: only a guest past its limit feels it.
     */
    private void guardHeaps(long t) {
        long limit = image.heapGuard().limitBytes();
        java.lang.management.MemoryUsage heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        if (heap.getMax() > 0 && heap.getUsed() * 100 < heap.getMax() * image.heapGuard().pressurePercent()) {
            return; // room enough: no walk of every guest's objects
        }
        measureHeaps();
        for (Proc p : List.copyOf(procs.values())) {
            if (p.alive() && p.heap > limit) {
                emit(new Output(t, p.pid, true, ssi.guest.GuestProcess.outOfMemory(p.pid, limit) + " (its host heap; the image's guest_heap_mb); killed\n"));
                log(t, "oom pid=" + p.pid + " heap>" + limit);
                exit(p, 137, t);
            }
        }
    }

    /**
     * Asks every guest to measure the host heap its context holds (each does as its next slice
     * starts: {@code ps} shows the figures from then on); each keeps its last measurement meanwhile.
     */
    public synchronized void measureHeaps() {
        for (Proc p : procs.values()) {
            if (p.alive() && p.guest.threaded()) {
                p.heap = p.guest.heapBytes(image.heapGuard().limitBytes() + 1);
            }
        }
    }

    /**
     * Gives each node's cruising processes this quantum's budget, the one a slice of theirs from
     * {@code t0} would get; those whose next event falls within it run by slices again, from
     * {@code t0}: they join {@code due}, already counted among those sharing the node's CPUs.
     */
    private void cruise(long t0, long t1, List<Task> due) {
        givenUntil = t1;
        boolean joinedDue = false;
        for (int n = 1; n < cruises.nodes(); n++) {
            int size = cruises.size(n);
            if (size == 0) {
                continue;
            }
            cpus.join(n, size);
            long budget = budget(n, share(n), t1 - t0);
            if (budget < 1) {
                continue; // no slice would get any work this quantum
            }
            List<Proc> leaving = cruises.leaving(n, budget);
            for (int i = 0; i < leaving.size(); i++) { // by index: an iterator for each node every quantum would be garbage
                Proc p = leaving.get(i);
                slice(p);
                p.joined = t0;
                p.readyAt = t0;
                due.add(p);
                joinedDue = true;
            }
            cruises.give(n, budget);
        }
        if (joinedDue) {
            Task.sortByPid(due);
        }
    }

    /** Takes a process out of its node's cruise (if it cruises): it runs by slices again, from where the cruise left it. */
    void uncruise(Proc p) {
        if (!p.cruising) {
            return;
        }
        cruises.remove(p);
        slice(p);
        p.readyAt = givenUntil; // it was given its work up to then
        if (givenUntil > now) {
            p.joined = now; // counted among those sharing its node's CPUs in this quantum
        }
    }

    private void slice(Proc p) {
        catchUp(p);
        p.cruising = false;
        sliced.put(p);
    }

    /** Brings a cruising process's figures (work, CPU time, CPU samples) up to date. */
    private void catchUp(Proc p) {
        if (!p.cruising) {
            return;
        }
        long units = cruises.settle(p);
        if (units > 0) {
            p.guest.skip(units);
            p.work += units;
            p.cpuSeconds += cpu.cpuSeconds(units, spec(p.where).speed());
        }
        sample(p);
    }

    /** Counts a cruising process's CPU samples (it runs in every quantum) up to the last quantum's. */
    private void sample(Proc p) {
        p.usage.quanta(quanta + 1 - p.usageFrom, true);
        p.usageFrom = quanta + 1;
    }

    private void catchUpAll() {
        for (int n = 0; n < cruises.nodes(); n++) {
            cruises.forEachMember(n, this::catchUp);
        }
    }

    /** Counts a process among those sharing its node's CPUs in the quantum from {@code t0}, once. */
    private void join(Proc p, long t0) {
        if (p.joined != t0) {
            p.joined = t0;
            cpus.join(p.where, 1);
        }
    }

    /** When a task's event happens: a process's yield, a deputy's end of service. */
    private static long eventTime(Task t) {
        return t instanceof Proc p ? p.timeAt(p.yielded.work()) : t.readyAt;
    }

    /**
     * Puts a task in the batch if it has something to do before the end of the quantum: a process
     * gets a slice from {@code start} (if that buys any work), a deputy finishes its call.
     */
    private void schedule(Task task, long start, long t1, List<Task> batch) {
        task.readyAt = start;
        if (start >= t1 || frozen(task)) {
            return; // a frozen process runs from then, or from the end of its migration if later
        }
        if (task instanceof Proc p) {
            if (p.stopped) {
                return; // SIGSTOP: it runs again from SIGCONT
            }
            p.state = ProcessState.RUNNING;
            double share = share(p.where);
            long until = Math.min(t1, p.ipc.signalDue()); // a signal on its way: the slice ends when it arrives
            long budget = budget(p.where, share, until - start);
            if (budget < 1 && until < t1 && share > 0) {
                budget = 1;
            } else if (budget < 1) {
                p.readyAt = t1; // too little time left in this quantum
                return;
            }
            p.sliceStart = start;
            p.sliceBudget = budget;
            p.nanosPerUnit = cpu.nanosPerUnit(spec(p.where).speed(), share);
        }
        batch.add(task);
    }

    /** The fraction of a CPU each process sharing {@code node}'s CPUs gets in this quantum. */
    private double share(int node) {
        return cpus.share(node);
    }

    /** The work a process holding {@code share} of a CPU of {@code node} does in {@code nanos}. */
    private long budget(int node, double share, long nanos) {
        return share <= 0 ? 0 : cpu.budget(spec(node).speed(), share, nanos);
    }

    /** Continues a process that was counted in this quantum at {@code t}, with the answer to its call. */
    private void resume(Proc p, Object answer, long t) {
        p.answer = answer;
        if (roundNext == null) {
            p.readyAt = t;
        } else {
            schedule(p, t, roundEnd, roundNext);
        }
    }

    /** Makes a task that was not counted in this quantum runnable from {@code t}. */
    private void wake(Task task, long t) {
        if (roundNext != null && t < roundEnd && !frozen(task)) {
            if (task instanceof Proc p) {
                join(p, roundEnd - image.quantumNanos());
            }
            schedule(task, t, roundEnd, roundNext);
        } else {
            task.readyAt = t;
        }
    }

    private void wake(Proc p, Object answer, long t) {
        p.answer = answer;
        p.state = ProcessState.SLEEPING; // until its slice starts
        wake((Task) p, t);
    }

    private static boolean frozen(Task task) {
        return task instanceof Proc p && p.move != null;
    }

    /**
     * Runs the guest slices of a batch in parallel; each ends on its own budget or system call, so the
     * order does not matter. Each process's yield is left in its {@code yielded}.
     */
    private void runSlices(List<Task> batch) {
        List<Proc> guests = new ArrayList<>();
        boolean synthetic = false;
        for (Task t : batch) {
            if (t instanceof Proc p && p.guest.threaded()) {
                guests.add(p);
            } else if (t instanceof Proc p) {
                runSlice(p, takeAnswer(p)); // a synthetic slice: a few steps on this thread
                syntheticSlices++;
                synthetic = true;
            }
        }
        if (guests.size() == 1 && !synthetic) { // nothing to overlap: run it from this thread, saving two thread hand-offs
            Proc p = guests.getFirst();
            runSlice(p, takeAnswer(p));
            return;
        }
        Map<Proc, Future<Yield>> futures = new HashMap<>();
        for (Proc p : guests) {
            Object answer = takeAnswer(p);
            futures.put(p, workers.submit(() -> p.guest.resume(p.sliceBudget, answer)));
        }
        for (Map.Entry<Proc, Future<Yield>> f : futures.entrySet()) {
            try {
                f.getKey().yielded = f.getValue().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                failed(f.getKey(), e.getCause());
            }
        }
    }

    /** Runs one slice of a process on this thread; a failure ends only that process (see {@link #handle}). */
    private void runSlice(Proc p, Object answer) {
        try {
            p.yielded = p.guest.resume(p.sliceBudget, answer);
        } catch (RuntimeException e) {
            failed(p, e);
        }
    }

    /** A slice that failed in the kernel's code: the process ends with an internal error when its slice's event comes. */
    private static void failed(Proc p, Throwable e) {
        p.failed = e;
        p.yielded = new Yield.BudgetSpent(0, false); // its event: the slice's start
    }

    /** The answer a process resumes with; signals it caught come with the answer to its system call. */
    private static Object takeAnswer(Proc p) {
        Object answer = p.answer;
        p.answer = null;
        p.answerViaDeputy = false;
        answer = p.ipc.resume(answer, p.inCall);
        p.inCall = false;
        return answer;
    }

    private void handle(Proc p, Yield y) {
        if (!p.alive()) {
            return; // killed by a signal that arrived during its slice
        }
        if (p.failed != null) {
            fault(p, p.failed, p.sliceStart);
            return;
        }
        long t = p.timeAt(y.work());
        p.cpuSeconds += cpu.cpuSeconds(y.work(), spec(p.where).speed());
        p.work += y.work();
        switch (y) {
            case Yield.BudgetSpent b -> {
                p.readyAt = roundEnd;
                long quiet = p.guest.quietUnits();
                if (cruising && quiet > 0 && !p.stopped && p.move == null && p.ipc.calm()
                        && p.answer == null && p.checkpointNanos == 0) {
                    sliced.remove(p.pid); // from the next quantum on it cruises
                    cruises.join(p, quiet);
                    p.usageFrom = quanta + 1; // this quantum's sample included
                }
            }
            case Yield.Exited e -> {
                if (!e.error().isEmpty()) {
                    emit(new Output(t, p.pid, true, e.error()));
                }
                exit(p, e.status(), t);
            }
            case Yield.Trapped trap -> {
                p.inCall = true;
                boolean siteDependent = siteDependent(p, trap.call());
                // A call its deputy serves when it is away (file calls are counted by their bytes, per node: DFSA may make them local)
                p.ioCalls += siteDependent && !(trap.call() instanceof Syscall.File) ? 1 : 0;
                if (p.where != p.home && siteDependent) {
                    forward(p, trap.call(), t);
                } else {
                    Object answer = execute(p, trap.call(), t);
                    if (answer instanceof Answer.Later later) {
                        p.state = ProcessState.SLEEPING; // waiting for the node that serves the call
                        resume(p, later.answer(), later.at());
                    } else if (answer instanceof Answer.Work w) { // it runs meanwhile, in the kernel: its CPU share bounds how often
                        p.cpuSeconds += cpu.cpuSeconds(w.units(), spec(p.where).speed());
                        resume(p, w.answer(), t + Math.round(w.units() * p.nanosPerUnit));
                    } else if (answer != Answer.BLOCKED) {
                        resume(p, answer, t);
                    }
                }
            }
        }
    }

    /**
     * Whether a call must run at the process's home node. Memory, sleep, time, exit and migration
     * requests run where the process is; terminal I/O, process control and IPC are site-dependent.
     * (Attaching shared memory brings the process home instead: see {@link Syscall.ShmAt}.) A file
     * operation runs where the process is if the file is there (DFSA), else at home.
     */
    private boolean siteDependent(Proc p, Syscall call) {
        return switch (call) {
            case Syscall.File f -> f.call().node() != 0 && f.call().node() != p.where;
            case Syscall.Pipe x -> true;
            case Syscall.PipeRead x -> true;
            case Syscall.PipeWrite x -> true;
            case Syscall.PipeClose x -> true;
            case Syscall.Send s -> !ipc.direct(p, s.pid());
            case Syscall.Recv r -> !p.ipc.direct();
            case Syscall.Kill k -> true;
            case Syscall.ShmDt x -> false;
            case Syscall.ShmRead x -> false;
            case Syscall.ShmWrite x -> false;
            case Syscall.Spawn s -> true;
            case Syscall.Wait w -> true;
            case Syscall.Write w -> true;
            case Syscall.ShmGet s -> true;
            case Syscall.Sleep s -> false;
            case Syscall.Exit e -> false;
            case Syscall.Alloc a -> false;
            case Syscall.Free f -> false;
            case Syscall.Migrate m -> false;
            case Syscall.ShmAt s -> false;
            case Syscall.Demand d -> true;
        };
    }

    /** Carries out a call at time {@code t}; returns its answer, a {@link Answer.Later} one, or {@link Answer#BLOCKED}. */
    private Object execute(Proc p, Syscall call, long t) {
        return switch (call) {
            case Syscall.File f -> fileIo(p, f.call(), t);
            case Syscall.Demand d -> new Answer.Later(0, t + image.ipcCallNanos()); // served like a small IPC call
            case Syscall.Pipe _, Syscall.PipeRead _, Syscall.PipeWrite _, Syscall.PipeClose _, Syscall.Send _, Syscall.Recv _,
                 Syscall.Kill _, Syscall.ShmRead _, Syscall.ShmWrite _ -> ipc.call(p, call, t);
            case Syscall.ShmDt d -> {
                Object answer = ipc.detach(p, d.id());
                if (answer == null && p.confined == CantMove.MONKEY && !ipc.attached(p)) {
                    p.confined = null; // no shared memory left: free to move again
                }
                yield answer;
            }
            case Syscall.Spawn s -> {
                try {
                    requireRoom(Map.of(p.owner, 1)); // first: a fork bomb's refusals cost the host next to nothing
                    GuestProgram program = load(s.path(), s.args(), s.cwd(), p.home);
                    requireMemory(p.where, new AddressSpace(image.pageBytes(), baseBytes(program)), program.path()); // before its pipe ends are opened
                    Map<Integer, Integer> ends = ipc.passOn(p, s, nextPid);
                    Proc child = create(p.pid, p.home, p.where, program, p.mode, p.locked, p.hint, ends, t, p.owner);
                    ipc.adopt(child);
                    wake(child, t);
                    yield child.pid;
                } catch (KernelException ex) { // a refusal costs the kernel's work on a call: a fork bomb's spinning is bound by its CPU
                    yield new Answer.Work(new SyscallException(spawnError(ex.getMessage()), "spawn: " + ex.getMessage()), image.deputyWork());
                } catch (SyscallException ex) {
                    yield new Answer.Work(ex, image.deputyWork());
                }
            }
            case Syscall.Wait w -> waitFor(p, w.pid());
            case Syscall.Sleep s -> {
                if (!(s.seconds() >= 0)) {
                    yield invalid("sleep", "seconds must be a number >= 0, got " + s.seconds());
                }
                p.state = ProcessState.SLEEPING;
                resume(p, null, VirtualTime.after(t, s.seconds()));
                p.ipc.waitIn(Wait.SLEEP); // a caught signal ends it early
                yield Answer.BLOCKED;
            }
            case Syscall.Exit e -> {
                exit(p, e.status(), t);
                yield Answer.BLOCKED;
            }
            case Syscall.Write w -> {
                Optional<Integer> pipe = w.stderr() ? Optional.empty() : ipc.stdout(p);
                if (pipe.isPresent()) {
                    yield ipc.write(p, pipe.get(), w.bytes(), t);
                }
                emit(new Output(t, p.pid, w.stderr(), new String(w.bytes(), StandardCharsets.UTF_8)));
                yield null;
            }
            case Syscall.Alloc a -> {
                if (a.bytes() < 1) {
                    yield invalid("alloc", "size must be at least 1 byte, got " + a.bytes());
                }
                long free = freeMemory(p.where);
                if (a.bytes() > free || p.memory.pagesFor(a.bytes()) * p.memory.pageBytes() > free) { // bytes first: pages of a huge size overflow
                    yield new SyscallException(Errno.ENOMEM, "alloc: out of memory: " + spec(p.where).name() + " has " + free + " bytes free, asked " + a.bytes());
                }
                long before = p.memory.bytes();
                try {
                    int handle = p.memory.alloc(a.bytes());
                    used[p.where] += p.memory.bytes() - before;
                    yield handle;
                } catch (IllegalArgumentException ex) {
                    yield new SyscallException(ex.getMessage());
                }
            }
            case Syscall.Free f -> {
                try {
                    long before = p.memory.bytes();
                    p.memory.free(f.handle());
                    used[p.where] += p.memory.bytes() - before;
                    yield null;
                } catch (IllegalArgumentException ex) {
                    yield new SyscallException(ex.getMessage());
                }
            }
            case Syscall.Migrate m -> {
                int to;
                try {
                    to = image.nodeId(m.target(), p.home);
                } catch (KernelException ex) {
                    yield new SyscallException(Errno.EINVAL, "migrate: " + ex.getMessage());
                }
                if (to == p.where) {
                    yield to;
                }
                String refused = migrations.start(p, to, MigrationReason.MANUAL, t, true, null);
                if (refused != null) {
                    yield new SyscallException(Errno.EPERM, "migrate: " + refused);
                }
                migrations.advance(p, roundEnd);
                yield Answer.BLOCKED;
            }
            case Syscall.ShmGet s -> {
                if (s.bytes() < 0) {
                    yield invalid("shmget", "size must be at least 0 bytes, got " + s.bytes());
                }
                if (p.mode == RunOptions.Mode.STRICT) {
                    yield refuseSharedMemory(p, t);
                }
                yield ipc.shmget(s.key(), s.bytes());
            }
            case Syscall.ShmAt s -> {
                if (p.mode == RunOptions.Mode.STRICT) {
                    yield refuseSharedMemory(p, t);
                }
                if (!ipc.segment(s.id())) {
                    yield new SyscallException("shmat: no shared-memory segment " + s.id());
                }
                if (p.where != p.home) { // SysV shared memory never migrates: go home first, then attach
                    migrations.start(p, p.home, MigrationReason.CONSTRAINT, t, false, s);
                    migrations.advance(p, roundEnd);
                    yield Answer.BLOCKED;
                }
                if (p.confined == null) {
                    p.confined = CantMove.MONKEY;
                    log(t, "confined pid=" + p.pid + " reason=" + CantMove.MONKEY.label());
                }
                ipc.attach(p, s.id());
                yield null;
            }
        };
    }

    /**
     * Carries out a file operation at {@code t}, from where the process runs if the file is there,
     * else from its home (directly, or by its deputy). The node holding the file spends the
     * operation's time (a fixed part and its bytes at the disk's rate); a file on another node is
     * reached through MFS, adding a request, that node's CPU work and a reply, each message
     * charged by its bytes. The answer comes back when all that is done.
     */
    private Object fileIo(Proc p, FileCall call, long t) {
        int holder = call.node();
        int site = holder == 0 || holder == p.where ? p.where : p.home;
        if (down.get(holder)) {
            return new java.nio.file.FileSystemException(call.path(), null, "node " + holder + " is down");
        }
        if (holder != 0 && holder != site && (admin.is(site, "nomfs") || admin.is(holder, "nomfs"))) {
            int off = admin.is(holder, "nomfs") ? holder : site;
            return new AccessDeniedException(call.path(), null, "MFS is disabled on node " + off + " (nomfs)");
        }
        Object result;
        try {
            result = call.run();
        } catch (IOException e) {
            result = e;
        } catch (RuntimeException e) { // a channel used the wrong way (read from a write-only file, ...)
            result = new IOException(call.path() + ": " + (e.getMessage() != null ? e.getMessage() : "not allowed on this file"));
        }
        long sent = call.sent(), received = call.received(result);
        long done = t + image.fileCallNanos() + Math.round((sent + received) * 1e9 / image.diskBandwidth());
        if (holder != 0) {
            p.usage.fileBytes(holder, Link.CONTROL_BYTES + sent + received);
        }
        if (holder == 0 || holder == site) {
            return new Answer.Later(result, done);
        }
        long serve = cpu.nanos(image.deputyWork(), spec(holder).speed());
        cpus.charge(holder, serve);
        Link link = image.link();
        return new Answer.Later(result, done + link.messageNanos(Link.CONTROL_BYTES + sent) + serve
                + link.messageNanos(Link.CONTROL_BYTES + received));
    }

    /** The refusal of an argument the kernel cannot take (EINVAL): the guest gets it as an error it can catch. */
    private static SyscallException invalid(String call, String why) {
        return new SyscallException(Errno.EINVAL, call + ": invalid argument: " + why);
    }

    private Object refuseSharedMemory(Proc p, long t) {
        emit(new Output(t, p.pid, true, SHARED_MEMORY_REFUSED + "\n"));
        exit(p, 1, t);
        return Answer.BLOCKED;
    }

    // ---- containment ----

    /** The process a task serves. */
    private static Proc owner(Task t) {
        return switch (t) {
            case Proc p -> p;
            case DeputyTask d -> d.owner;
            case Delivery d -> d.target;
        };
    }

    /**
     * The kernel failed (a bug) while serving process {@code p} at {@code t}: that process ends, as
     * if it had aborted (status 134), with {@code internal error} on its stderr, and the failure goes
     * to a report in the state directory ({@code reports/pid-N-T.txt}, with the Java stack trace);
     * every other process and the cluster go on.
     */
    private void fault(Proc p, Throwable e, long t) {
        if (!p.alive()) {
            return; // it ended on the way: nothing left to contain
        }
        p.failed = null;
        String report = "reports/pid-" + p.pid + "-" + stamp(t) + ".txt";
        java.io.StringWriter text = new java.io.StringWriter();
        text.write("ssi kernel fault while serving process " + p.pid + " (" + p.command() + ") at t=" + stamp(t)
                + ", on node " + p.where + ", home " + p.home + "\n\n");
        e.printStackTrace(new java.io.PrintWriter(text));
        try {
            Path file = files.state().resolve(report);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text.toString());
        } catch (IOException io) {
            report = "none (" + io.getMessage() + ")";
        }
        log(t, "fault pid=" + p.pid + " report=" + report);
        emit(new Output(t, p.pid, true, "internal error: the kernel failed while serving process " + p.pid
                + " (its report: " + report + " in the state directory)\n"));
        exit(p, 134, t);
    }

    /**
     * Checks the kernel's invariants, as tests do after a failure: every live process is counted
     * on exactly one node, the one it runs on, which is up, as is its home (where its deputy is);
     * each node's memory accounting equals the memory of its processes and of those migrating to
     * it, and fits the node; every live process either cruises on its node or runs by slices, not
     * both, and an ended one does neither; the process limit counts each user's guest processes.
     * Throws {@link IllegalStateException} naming the first broken one.
     */
    public synchronized void checkInvariants() {
        long[] memory = new long[specs.length];
        int[] residents = new int[specs.length];
        int[] cruising = new int[specs.length];
        for (Proc p : procs.values()) {
            if (!p.alive()) {
                require(!sliced.has(p) && !p.cruising, "ended process " + p.pid + " still runs (by slices or cruising)");
                continue;
            }
            require(image.node(p.where).isPresent() && !down.get(p.where), "process " + p.pid + " runs on node " + p.where + ", which is not up");
            require(image.node(p.home).isPresent() && !down.get(p.home), "process " + p.pid + "'s home (its deputy), node " + p.home + ", is not up");
            require(running.get(p.where).contains(p), "process " + p.pid + " is not counted at node " + p.where + ", where it runs");
            require(p.cruising != sliced.has(p), "process " + p.pid + (p.cruising ? " both cruises and runs by slices" : " neither cruises nor runs by slices"));
            residents[p.where]++;
            cruising[p.where] += p.cruising ? 1 : 0;
            memory[p.where] += p.memory.bytes();
            if (p.move != null && p.move.reserved()) {
                memory[p.move.to()] += p.memory.bytes();
            }
        }
        Map<String, Integer> owners = new HashMap<>();
        procs.values().stream().filter(p -> p.program != null).forEach(p -> owners.merge(p.owner, 1, Integer::sum));
        require(owned.equals(owners), "the process limit counts " + owned + " processes by owner, there are " + owners);
        for (int n = 1; n < specs.length; n++) {
            require(running.get(n).size() == residents[n], "node " + n + " counts " + running.get(n).size() + " processes, " + residents[n] + " run there");
            require(cruises.size(n) == cruising[n], "node " + n + "'s cruise holds " + cruises.size(n) + " processes, " + cruising[n] + " cruise there");
            require(used[n] == memory[n], "node " + n + " accounts " + used[n] + " bytes of memory, its processes take " + memory[n]);
            require(used[n] <= spec(n).memory(), "node " + n + " holds " + used[n] + " bytes of memory, more than its " + spec(n).memory());
        }
    }

    private static void require(boolean holds, String broken) {
        if (!holds) {
            throw new IllegalStateException("kernel invariant broken: " + broken);
        }
    }

    // ---- the deputy ----

    /**
     * Sends a site-dependent call to the process's deputy at home; the process waits for the answer.
     * The deputy serves it as kernel work, on a whole CPU of home as soon as it arrives; the CPU
     * time it takes is taken from home's processes in the next quantum.
     */
    private void forward(Proc p, Syscall call, long t) {
        p.state = ProcessState.SLEEPING;
        p.readyAt = Long.MAX_VALUE;
        served[p.home]++;
        long service = cpu.nanos(image.deputyWork(), spec(p.home).speed());
        long done = p.deputy.forward(call, t, image.link(), service);
        cpus.charge(p.home, service);
        wake(p.deputyTask, done);
    }

    /** The deputy has done the work of its call: the call runs at home, and its answer goes back. */
    private void serve(DeputyTask d) {
        Proc p = d.owner;
        if (!p.alive() || !d.busy()) {
            return;
        }
        long t = d.readyAt;
        d.readyAt = Long.MAX_VALUE;
        Syscall call = p.deputy.take();
        p.answerViaDeputy = true; // if the call blocks, or is answered at once from within, the answer travels from home
        Object answer = execute(p, call, t);
        if (answer == Answer.BLOCKED) {
            return; // whoever unblocks it answers, the answer travelling from home
        }
        p.answerViaDeputy = false;
        if (answer instanceof Answer.Later later) {
            answer = later.answer();
            t = later.at();
        } else if (answer instanceof Answer.Work w) {
            answer = w.answer(); // the deputy's work on the call (deputy_work, charged to home) was that work
        }
        wake(p, answer, Deputy.replyAt(call, answer, t, image.link()));
    }

    /**
     * Answers a process blocked in a call at {@code at}: from its home if its deputy made the call
     * (the answer travels to it), else where it is. A later answer (a sooner message, a signal)
     * replaces this one until it runs.
     */
    void answerBlocked(Proc q, Object answer, long at) {
        if (roundNext != null) {
            roundNext.remove(q);
        }
        if (q.answerViaDeputy) {
            at = Deputy.replyAt(answer, at, image.link());
        }
        q.state = ProcessState.SLEEPING;
        wake(q, answer, at);
    }

    /** Signals reach {@code q} at {@code at}: an event now if it falls in this quantum, else in a later one. */
    void deliverAt(Proc q, long at) {
        uncruise(q); // the signals need it as it is
        Delivery d = new Delivery(q, at);
        if (roundNext != null && at < roundEnd) {
            roundNext.add(d);
            if (roundNext.remove(q)) { // its slice must now end when the signal arrives
                schedule(q, q.readyAt, roundEnd, roundNext);
            }
        } else {
            deliveries.add(d);
        }
    }

    /** SIGSTOP and SIGCONT: a stopped process gets no CPU; continued, it goes on from where it was. */
    void stop(Proc q, boolean stop, long t) {
        if (stop) {
            q.stopped = true;
            if (roundNext != null) {
                roundNext.remove(q);
            }
        } else if (q.stopped) {
            q.stopped = false;
            if (q.readyAt != Long.MAX_VALUE) {
                wake(q, Math.max(t, q.readyAt));
            }
        }
    }

    Collection<Proc> processes() {
        return procs.values();
    }

    Proc proc(int pid) {
        return procs.get(pid);
    }

    // ---- load information and policies ----

    /** The kernel as the migration mechanism sees it. */
    private final class MigrationHost implements Migrations.Host<Proc> {
        @Override
        public String closed(Proc p, int to) {
            if (down.get(to)) {
                return "node " + to + " is down";
            }
            return admin.is(to, "block") && to != p.home ? "node " + to + " blocks guests" : null;
        }

        @Override
        public void freeze(Proc p, boolean blocked) {
            uncruise(p);
            if (blocked) {
                p.readyAt = Long.MAX_VALUE; // blocked in its call until the move ends
            }
        }

        @Override
        public long freeMemory(int node) {
            return Kernel.this.freeMemory(node);
        }

        @Override
        public String name(int node) {
            return spec(node).name();
        }

        @Override
        public void reserve(int node, long bytes) {
            used[node] += bytes;
        }

        @Override
        public void arrive(Proc p, int to, long t) {
            unsettle(p);
            p.cameFrom = p.where;
            p.where = to;
            settle(p);
            p.arrived = t;
            p.nmigs++;
        }

        @Override
        public void ended(Migration m) {
            for (KernelListener l : listeners) {
                l.migrated(m);
            }
        }

        @Override
        public Object carryOut(Proc p, Syscall call, long t) {
            return execute(p, call, t);
        }

        @Override
        public void answer(Proc p, Object answer, long t) {
            wake(p, answer, t);
        }

        @Override
        public void thaw(Proc p, long t) {
            if (p.readyAt < Long.MAX_VALUE) { // it goes on as it was: running, or asleep until later
                wake(p, p.answer, Math.max(t, p.readyAt));
            }
        }

        @Override
        public void log(long t, String event) {
            Kernel.this.log(t, event);
        }
    }

    /** The kernel as the balancer sees it. */
    private final class BalancerView implements Balancer.Cluster<Proc> {
        @Override
        public NodeSpec spec(int node) {
            return Kernel.this.spec(node);
        }

        @Override
        public double decay(int node, boolean slow) {
            return admin.decay(node, slow);
        }

        @Override
        public boolean admin(int node, String name) {
            return admin.is(node, name);
        }

        @Override
        public Collection<Proc> sliced() {
            return sliced;
        }

        @Override
        public void sample(Proc p) {
            if (p.cruising) {
                Kernel.this.sample(p);
            }
        }

        @Override
        public Proc process(int pid) {
            return procs.get(pid);
        }

        @Override
        public int[] runQueues() {
            return Kernel.this.runQueues();
        }

        @Override
        public long freeMemory(int node) {
            return Kernel.this.freeMemory(node);
        }

        @Override
        public Collection<Proc> processesAt(int node) {
            assert running.get(node).equals(procs.values().stream().filter(p -> p.alive() && p.where == node).toList())
                    : "node " + node + "'s processes are indexed as they come and go";
            return running.get(node);
        }

        @Override
        public long[] freeMemories() {
            long[] free = new long[specs.length];
            for (int n = 1; n < specs.length; n++) {
                free[n] = freeMemory(n);
            }
            return free;
        }

        @Override
        public String move(Proc p, int to, long t) {
            return migrations.start(p, to, MigrationReason.POLICY, t, false, null);
        }

        @Override
        public long migrationNanos(long dirtyBytes) {
            return migrations.frozenNanos(dirtyBytes);
        }

        @Override
        public long forwardNanos(int home) {
            double deputy = image.deputyWork() / (image.workRate() * spec(home).speed()) * 1e9;
            return 2 * image.link().messageNanos(Link.CONTROL_BYTES) + Math.round(deputy);
        }

        @Override
        public void log(long t, String event) {
            Kernel.this.log(t, event);
        }

        @Override
        public void notice(long t, String text) {
            Kernel.this.notice(t, text);
        }
    }

    private void notice(long t, String text) {
        log(t, text);
        for (KernelListener l : listeners) {
            l.notice(t, text);
        }
    }

    // ---- processes ----

    private Object waitFor(Proc p, int pid) {
        Proc child = procs.get(pid);
        if (child == null || child.ppid != p.pid) {
            return new SyscallException(Errno.ECHILD, "wait: process " + pid + " is not a child of " + p.pid);
        }
        if (!child.alive()) {
            reap(child);
            return child.exited();
        }
        p.state = ProcessState.SLEEPING;
        p.waitingFor = pid;
        p.ipc.waitIn(Wait.CHILD);
        p.readyAt = Long.MAX_VALUE;
        return Answer.BLOCKED;
    }

    private Proc create(int ppid, int home, int where, GuestProgram program, RunOptions.Mode mode, boolean locked,
                        String hint, Map<Integer, Integer> ends, long t, String owner) throws KernelException {
        AddressSpace memory = new AddressSpace(image.pageBytes(), baseBytes(program));
        requireMemory(where, memory, program.path());
        Proc p = new Proc(nextPid++, ppid, home, where, program, Proc.command(program), mode, hint, memory, t, owner);
        owned.merge(owner, 1, Integer::sum);
        if (procs.get(ppid) != null) {
            procs.get(ppid).parent = true;
        }
        p.locked = locked;
        p.readyAt = t;
        p.ipc.start(ends); // before it starts: its ssi binding reads them
        p.guest = runtime.start(program, new Calls(p)); // before it is counted anywhere: a start that fails leaves nothing behind
        procs.put(p.pid, p);
        sliced.put(p);
        settle(p);
        log(t, "spawn pid=" + p.pid + " ppid=" + ppid + " node=" + where + (where == home ? "" : " home=" + home) + " " + p.command());
        if (where == home) {
            balancer.place(p, t);
        }
        return p;
    }

    /**
     * Refuses new guest processes beyond the per-user process limit ({@code /proc/mosix/admin/max-processes},
     * as {@code ulimit -u}): a user's processes count from their start until they are reaped (a
     * zombie still holds its pid); root has no limit. {@code starting}: how many each user starts.
     */
    private void requireRoom(Map<String, Integer> starting) throws KernelException {
        for (Map.Entry<String, Integer> s : starting.entrySet()) {
            if (!s.getKey().equals(RunOptions.ROOT) && owned.getOrDefault(s.getKey(), 0) + s.getValue() > admin.maxProcesses()) {
                throw new KernelException("resource temporarily unavailable (process limit " + admin.maxProcesses() + " reached)");
            }
        }
    }

    /** The per-user process limit: how many guest processes one user may have at once. */
    public synchronized int maxProcesses() {
        return admin.maxProcesses();
    }

    /** Sets the per-user process limit; processes beyond a lowered one go on, and no more start. */
    public synchronized void setMaxProcesses(int n) throws KernelException {
        if (!Image.PROCESSES.holds(n)) {
            throw new KernelException("the process limit is a whole number of processes per user " + Image.PROCESSES.describe() + ", got " + n);
        }
        admin.setMaxProcesses(n);
        log(now, "admin max-processes=" + n);
    }

    /** Refuses a new process whose memory does not fit the node. */
    private void requireMemory(int node, AddressSpace memory, String what) throws KernelException {
        long free = freeMemory(node);
        if (memory.bytes() > free) {
            throw new KernelException("out of memory: " + spec(node).name() + " has " + free + " bytes free, " + what + " needs " + memory.bytes());
        }
    }

    /** Counts a live process at the node it runs on: in that node's memory and its index of processes. */
    private void settle(Proc p) {
        used[p.where] += p.memory.bytes();
        running.get(p.where).put(p);
    }

    /** The reverse of {@link #settle}: it leaves the node (by migrating, or by ending). */
    private void unsettle(Proc p) {
        used[p.where] -= p.memory.bytes();
        running.get(p.where).drop(p);
    }

    /** A new process's memory: its runtime and its program's text. */
    private long baseBytes(GuestProgram program) {
        return image.processBytes() + program.source().getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Reads a program as {@code exec} would for a process of home {@code home} standing in
     * {@code cwd}: a path with a slash is taken from {@code cwd} when it names a file there, and a
     * bare name (or a path not found there) from {@code /bin}, as a shell's PATH does. The program is
     * read through the namespace, so it may live anywhere a process can read: {@code /bin},
     * {@code /home}, {@code /mfs/N}.
     */
    private GuestProgram load(String path, List<String> args, String cwd, int home) throws KernelException {
        ssi.mfs.FileView view = files.view(home);
        String abs;
        try {
            abs = path.startsWith("/") ? Namespace.normalise(path, "/") : Namespace.normalise("/bin/" + path, "/");
            if (!path.startsWith("/") && path.contains("/")) {
                String here = Namespace.normalise(path, cwd);
                if (isFile(view, here)) {
                    abs = here;
                }
            }
        } catch (IOException e) {
            throw new KernelException("no such program: " + e.getMessage());
        }
        Language language = Language.of(abs).orElseThrow(
                () -> new KernelException("not a guest program (want .js, .mjs, .cjs or .py): " + path));
        if (!isFile(view, abs)) {
            throw new KernelException("no such program: " + abs);
        }
        try {
            String source = new String(view.read(abs), StandardCharsets.UTF_8);
            return new GuestProgram(abs, source, language, args, seed, cwd);
        } catch (IOException e) {
            throw new KernelException("cannot read " + abs + ": " + e.getMessage());
        }
    }

    /** Why a spawn was refused, as exec and fork say it. */
    private static Errno spawnError(String why) {
        return why.startsWith("no such program") ? Errno.ENOENT : why.startsWith("not a guest program") ? Errno.ENOEXEC
                : why.startsWith("out of memory") ? Errno.ENOMEM : why.startsWith("resource temporarily unavailable") ? Errno.EAGAIN
                : Errno.EINVAL;
    }

    private static boolean isFile(ssi.mfs.FileView view, String path) {
        try {
            return Boolean.TRUE.equals(view.attributes(path, "isRegularFile").get("isRegularFile"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Ends a process at time {@code t}: a zombie until its parent waits, or reaped at once if nobody will. */
    private void exit(Proc p, int status, long t) {
        uncruise(p);
        p.guest.terminate();
        unsettle(p);
        migrations.drop(p); // a migration in flight is dropped with its reservation
        p.state = ProcessState.ZOMBIE;
        sliced.remove(p.pid); // a zombie runs no more slices, though it stays in the table until its parent waits
        p.exitStatus = status;
        p.exitTime = t;
        p.readyAt = Long.MAX_VALUE;
        p.deputyTask.idle();
        if (roundNext != null) {
            roundNext.remove(p);
        }
        log(t, "exit pid=" + p.pid + " status=" + status);
        ipc.exited(p, t);
        for (Proc orphan : p.parent ? procs.values().stream().filter(c -> c.ppid == p.pid).toList() : List.<Proc>of()) {
            orphan.ppid = 0; // orphans are reaped by the kernel, as init would
            if (!orphan.alive()) {
                reap(orphan);
            }
        }
        Proc parent = procs.get(p.ppid);
        if (parent == null) {
            reap(p);
        } else if (parent.state == ProcessState.SLEEPING && parent.waitingFor == p.pid) {
            reap(p);
            parent.waitingFor = -1;
            parent.ipc.waitIn(null);
            answerBlocked(parent, p.exited(), t);
        }
        if (parent != null && parent.alive() && parent.ipc.catches(Signal.SIGCHLD.number())) {
            ipc.signal(parent, Signal.SIGCHLD, t);
        }
    }

    private void reap(Proc p) {
        if (p.program != null) {
            owned.merge(p.owner, -1, (a, b) -> a + b == 0 ? null : a + b);
        }
        procs.remove(p.pid);
        sliced.remove(p.pid);
        reaped.put(p.pid, p.exitStatus);
        for (KernelListener l : listeners) {
            l.exited(p.info(), p.exitStatus, p.exitTime);
        }
    }

    // ---- nodes ----

    /** Memory of a node not used by its processes nor reserved for ones migrating to it. */
    private long freeMemory(int node) {
        assert used[node] == procs.values().stream().filter(p -> p.alive() && (p.where == node || p.move != null && p.move.reserved() && p.move.to() == node))
                .mapToLong(p -> p.memory.bytes()).sum() : "node " + node + "'s memory is accounted as it changes";
        return spec(node).memory() - used[node];
    }

    /**
     * Where {@code mosrun -b} starts a process: the node that would give it the most CPU (speed
     * times its share), among those with memory for it; the lowest id on a tie.
     */
    private int bestNode(long bytes) throws KernelException {
        return bestNode(bytes, null);
    }

    /** The node where a process ({@code self}, or a new one) would get the most CPU, among those up, open to it and with memory for it. */
    private int bestNode(long bytes, Proc self) throws KernelException {
        int best = 0;
        double bestRate = -1;
        for (NodeSpec n : image.nodes()) {
            boolean here = self != null && self.where == n.id();
            boolean open = !admin.is(n.id(), "block") || here || self != null && n.id() == self.home;
            if (!here && freeMemory(n.id()) < bytes || down.get(n.id()) || !open) {
                continue;
            }
            int runnable = (int) procs.values().stream()
                    .filter(p -> p != self && p.where == n.id() && p.state == ProcessState.RUNNING).count();
            double rate = spec(n.id()).speed() * CpuShare.share(n.cpus(), runnable + 1);
            if (rate > bestRate) {
                best = n.id();
                bestRate = rate;
            }
        }
        if (best == 0) {
            throw new KernelException("no node has " + bytes + " bytes free for the process");
        }
        return best;
    }

    // ---- the trace ----

    private static final Comparator<Output> OUTPUT_ORDER = (a, b) -> a.time() != b.time() ? Long.compare(a.time(), b.time())
            : Integer.compare(a.pid(), b.pid());

    private void emitOutputs(List<Task> batch) {
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

    private void emit(Output o) {
        log(o.time(), (o.stderr() ? "err" : "out") + " pid=" + o.pid() + " " + o.text().stripTrailing());
        for (KernelListener l : listeners) {
            l.output(o);
        }
    }

    void log(long t, String event) {
        trace.add(stamp(t) + " " + event);
        if (trace.size() > TRACE_LIMIT) {
            trace.removeFirst();
            traceDropped++;
        }
    }


    /** Virtual time as the trace shows it, seconds and nanoseconds ({@code 12.000000250}); a format string costs more than the event. */
    private static String stamp(long t) {
        String nanos = Long.toString(t % 1_000_000_000);
        return t / 1_000_000_000 + "." + "000000000".substring(nanos.length()) + nanos;
    }

    /** The admin switches of a node, by their openMosix names, as text (as {@code /proc/mosix/admin} shows them). */
    public synchronized Map<String, String> admin(int node) throws KernelException {
        image.requireNode(node);
        return admin.files(node, spec(node).speed());
    }

    /**
     * Sets an admin switch of a node ({@code block}, {@code stay}, {@code lstay}, {@code quiet},
     * {@code nomfs}), or runs {@code expel} (its guests go home) or {@code bring} (its processes
     * elsewhere come home) when {@code on}.
     */
    public synchronized void setAdmin(int node, String name, boolean on) {
        if (image.node(node).isEmpty()) {
            throw new IllegalArgumentException("no node " + node);
        }
        switch (name) {
            case "expel", "bring" -> {
                if (on) {
                    homeComing(node, name.equals("expel"));
                }
            }
            default -> {
                if (!Admin.SWITCHES.containsKey(name)) {
                    throw new IllegalArgumentException("no admin switch '" + name + "' (known: block, stay, lstay, quiet, nomfs, expel, bring)");
                }
                admin.set(node, name, on);
                log(now, "admin node=" + node + " " + name + "=" + (on ? 1 : 0));
            }
        }
    }

    /**
     * Node {@code node} leaves the cluster in order, as MOSIX shuts a node down: its guests are
     * expelled to their homes and its processes elsewhere brought home, losing none; from then on it
     * refuses guests, sends no load information and migrates nothing away (block, quiet, stay) until
     * it is restarted. Its own processes go on running there.
     */
    public synchronized void shutdown(int node) throws KernelException {
        image.requireNode(node);
        requireUp(node);
        for (String s : List.of("block", "quiet", "stay")) {
            admin.set(node, s, true);
        }
        log(now, "shutdown node=" + node);
        homeComing(node, true);
        homeComing(node, false);
    }

    /**
     * A node joins the running cluster (openMosix's auto-discovery): it gets the next id, an empty
     * disk ({@code /mfs/N}), its own instance of the policy in use, and is found by the others'
     * gossip, after which balancing uses it. Returns its id.
     */
    public synchronized int addNode(String name, double speed, int cpus, long memory, long disk) throws KernelException {
        if (!Image.nodeName(name) || image.nodes().stream().anyMatch(n -> n.name().equals(name))) {
            throw new KernelException("a new node needs a name of its own (a letter, then up to 31 letters, digits, _ or -), got '" + name + "'");
        }
        if (!Image.SPEED.holds(speed) || !Image.CPUS.holds(cpus) || !Image.MEMORY_MB.holds(memory / (double) (1 << 20))
                || !Image.DISK_MB.holds(disk / (double) (1 << 20))) {
            throw new KernelException("a new node needs a speed " + Image.SPEED.describe() + ", CPUs " + Image.CPUS.describe() + ", MB of memory "
                    + Image.MEMORY_MB.describe() + " and of disk " + Image.DISK_MB.describe() + ", got speed=" + speed + " cpus=" + cpus
                    + " mem=" + (memory >> 20) + " disk=" + (disk >> 20));
        }
        Image grown = image.withNode(name, speed, cpus, memory, disk);
        NodeSpec n = grown.spec(grown.nodes().size());
        try {
            files.addNode(disk);
        } catch (IOException e) {
            throw new KernelException("node " + name + ": cannot make its disk: " + e.getMessage());
        }
        try {
            balancer.addNode(n);
        } catch (PolicyException e) {
            throw new KernelException(e.getMessage());
        }
        admin.addNode(n);
        image = grown;
        specs = java.util.Arrays.copyOf(specs, n.id() + 1);
        specs[n.id()] = n;
        this.cpus.grow(n.id());
        served = java.util.Arrays.copyOf(served, n.id() + 1);
        used = java.util.Arrays.copyOf(used, n.id() + 1);
        running.add(new Residents());
        cruises.grow(n.id());
        log(now, "node add id=" + n.id() + " name=" + name + " speed=" + speed + " cpus=" + cpus + " mem=" + memory);
        return n.id();
    }

    /** A node as it is now. */
    NodeSpec spec(int node) {
        return specs[node];
    }

    /** Sets a node's speed (relative to the standard processor), as openMosix's {@code mosctl setspeed} does: from the next quantum on. */
    public synchronized void setSpeed(int node, double speed) throws KernelException {
        image.requireNode(node);
        if (!Image.SPEED.holds(speed)) {
            throw new KernelException("a speed must be a number " + Image.SPEED.describe() + " (1.0 is the standard processor), got "
                    + (Double.isFinite(speed) ? new java.math.BigDecimal(speed).stripTrailingZeros().toPlainString() : speed));
        }
        cruises.forEachMember(node, this::catchUp); // their CPU time so far at the old speed
        NodeSpec n = specs[node];
        specs[node] = new NodeSpec(n.id(), n.name(), speed, n.cpus(), n.memory(), n.disk(), n.nomfs());
        log(now, "admin node=" + node + " speed=" + speed);
    }

    /**
     * Sets how much of the past a node's process statistics keep each period, per 1000 (openMosix's
     * {@code slow-decay} for processes whose kind was hinted, {@code fast-decay} for the others).
     */
    public synchronized void setDecay(int node, int slow, int fast) throws KernelException {
        image.requireNode(node);
        if (slow < 0 || slow > 1000 || fast < 0 || fast > 1000) {
            throw new KernelException("decays are thousandths of the past kept each period, 0-1000, got slow " + slow + " fast " + fast);
        }
        admin.setDecay(node, slow, fast);
        log(now, "admin node=" + node + " slow-decay=" + slow + " fast-decay=" + fast);
    }

    /** A crashed node comes back, empty (its files are as they were last closed); a node shut down rejoins. */
    public synchronized void restart(int node) throws KernelException {
        image.requireNode(node);
        boolean left = admin.is(node, "block") && admin.is(node, "quiet") && admin.is(node, "stay");
        if (!down.get(node) && !left) {
            throw new KernelException("node " + node + " is up");
        }
        down.clear(node);
        files.restart(node);
        for (String s : List.of("block", "quiet", "stay")) {
            admin.set(node, s, false);
        }
        log(now, "restart node=" + node);
    }

    /** Whether a node is up (it has not crashed, or it restarted). */
    public synchronized boolean up(int node) {
        return !down.get(node);
    }

    /** What policies see of each live process now (its recent CPU, I/O and IPC use), by pid. */
    public synchronized Map<Integer, ssi.api.ProcessView> usage() {
        Map<Integer, ssi.api.ProcessView> out = new TreeMap<>();
        catchUpAll();
        procs.values().stream().filter(Proc::alive).forEach(p -> out.put(p.pid, p.view(now)));
        return out;
    }

    /** {@code expel}: a node's guests go home; {@code bring}: a node's processes elsewhere come home. */
    private void homeComing(int node, boolean expel) {
        for (Proc p : List.copyOf(procs.values())) {
            if (p.alive() && p.move == null && (expel ? p.where == node && p.home != node : p.home == node && p.where != node)) {
                String refused = migrations.start(p, p.home, MigrationReason.HOME_COMING, now, false, null);
                log(now, (expel ? "expel" : "bring") + " pid=" + p.pid + (refused == null ? "" : " refused: " + refused));
            }
        }
    }

    /** The kernel as IPC sees it. */
    private final class IpcHost implements Ipc.Host<Proc> {
        @Override
        public Proc process(int pid) {
            return procs.get(pid);
        }

        @Override
        public Collection<Proc> processes() {
            return procs.values();
        }

        @Override
        public void answer(Proc q, Object answer, long at) {
            q.waitingFor = -1; // a wait for a child that a signal interrupted ends
            answerBlocked(q, answer, at);
        }

        @Override
        public void deliverAt(Proc q, long at) {
            Kernel.this.deliverAt(q, at);
        }

        @Override
        public void terminate(Proc q, int status, long t) {
            exit(q, status, t);
        }

        @Override
        public void stop(Proc q, boolean stop, long t) {
            Kernel.this.stop(q, stop, t);
        }

        @Override
        public void log(long t, String event) {
            Kernel.this.log(t, event);
        }
    }

    /** The local system calls of one process, answered on its guest thread. */
    private final class Calls implements SystemCalls {
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
        public int where() {
            return p.where;
        }

        @Override
        public double time(long workInSlice) {
            return p.timeAt(workInSlice) / 1e9;
        }

        @Override
        public boolean output(boolean stderr, byte[] bytes, long workInSlice) {
            if (p.where != p.home || !stderr && p.ipc.fds().containsKey(1)) {
                return false; // the terminal is at home (the deputy writes it), or stdout is a pipe: the kernel writes it
            }
            p.ioCalls++;
            p.outputs.add(new Output(p.timeAt(workInSlice), p.pid, stderr, new String(bytes, StandardCharsets.UTF_8)));
            return true;
        }

        @Override
        public org.graalvm.polyglot.io.FileSystem fileSystem(FileGate gate) {
            return new GuestFileSystem(files.view(p.home, p.pid), gate).forGuest();
        }

        @Override
        public long heapLimitBytes() {
            return image.heapGuard().limitBytes();
        }

        @Override
        public ssi.guest.NodeFacts node() { // from the guest's thread, while the kernel waits for its slice: nothing changes meanwhile
            NodeSpec n = spec(p.where);
            return new ssi.guest.NodeFacts(n.name(), n.speed(), n.cpus(), n.memory(), freeMemory(n.id()), balancer.loadIndex(n.id()));
        }

        @Override
        public void lock(boolean locked) {
            p.locked = locked;
        }

        @Override
        public Map<Integer, Integer> ends() {
            return p.ipc.fds();
        }

        @Override
        public void catches(int signal, boolean caught) {
            p.ipc.catches(signal, caught);
        }

        @Override
        public void direct(boolean on) {
            p.ipc.direct(on);
        }

        @Override
        public void checkpoint(String state) {
            p.appState = state;
        }

        @Override
        public String restored() {
            return p.restored;
        }

        @Override
        public void touch(int handle, long offset, long length) {
            try {
                p.memory.touch(handle, offset, length < 0 ? p.memory.blockBytes(handle) - offset : length);
            } catch (IllegalArgumentException e) {
                throw new SyscallException(e.getMessage().startsWith("touch") ? e.getMessage() : "touch: " + e.getMessage());
            }
        }
    }
}
