package ssi.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import ssi.api.ClusterInfo;
import ssi.api.Job;
import ssi.api.Migration;
import ssi.api.NodeInfo;
import ssi.api.NodeSpec;
import ssi.api.ProcessInfo;
import ssi.api.ProcessView;
import ssi.api.Signal;
import ssi.api.VirtualTime;
import ssi.guest.GuestRuntime;
import ssi.guest.ProcessBody;
import ssi.guest.SystemCalls;
import ssi.ipc.Ipc;
import ssi.mfs.Namespace;
import ssi.migration.Migrations;
import ssi.procfs.ProcFs;
import ssi.scheduler.Balancer;
import ssi.synthetic.Demand;
import ssi.synthetic.SyntheticProcess;

/**
 * The one authority of the emulated cluster. Virtual time advances in quanta; in each quantum
 * every node shares its CPUs among its runnable processes and busy deputies; guest slices run in
 * parallel on host threads. Everything a process does to others (spawn, wait, exit, output,
 * memory, migration) reaches the kernel as a system call and is applied in a fixed order (virtual
 * time, then pid), so that the same image, workload and seed give the same trace on any host and
 * at any pace.
 * <p>
 * The kernel composes: the clock and the quantum's phases ({@link Quantum}), the process table
 * ({@link Processes}), the nodes ({@link Nodes}), the system-call dispatcher ({@link Dispatcher}),
 * the boot of an image, and the trace ({@link Trace}). IPC, migration and the deputy, CPU sharing,
 * load information and balancing are the subsystems' ({@code ssi.ipc}, {@code ssi.migration},
 * {@code ssi.scheduler}), each reaching the kernel through a port of its own. Requests from the
 * front end are applied between quanta, under the kernel's lock.
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
    private final Policies policies;
    private final Namespace files;
    private final boolean ownsState; // a temporary state directory, removed at close
    private volatile Clock clock;
    // The kernel's parts, and the subsystems it composes.
    final Trace trace = new Trace();
    final Nodes nodes;
    final Processes processes;
    final Quantum quantum;
    final Cruises cruises;
    final Slices slices;
    final Dispatcher dispatcher;
    final Launcher launcher;
    final Faults faults;
    final Operator operator;
    final Ipc<Proc> ipc;
    final Migrations<Proc> migrations;
    final Balancer<Proc> balancer;
    final MultiCluster clusters;
    final FreezingPort freezing;
    final JobQueue queue;

    private Kernel(Image image, long seed, GuestRuntime runtime, boolean ownsRuntime, Policies policies, Path state,
                   boolean ownsState) throws KernelException {
        try {
            this.files = new Namespace(image.root(), state, image.nodes().stream().map(NodeSpec::disk).toList());
        } catch (IOException e) {
            throw new KernelException("cannot use the state directory " + state + ": " + e.getMessage());
        }
        this.image = image;
        this.seed = seed;
        this.runtime = runtime;
        this.ownsRuntime = ownsRuntime;
        this.policies = policies;
        this.ownsState = ownsState;
        this.nodes = new Nodes(this, image);
        this.clusters = new MultiCluster(this, image);
        this.freezing = new FreezingPort(this);
        this.queue = new JobQueue(this);
        this.processes = new Processes(this);
        this.quantum = new Quantum(this, image);
        this.cruises = new Cruises(this, image.nodes().size());
        this.dispatcher = new Dispatcher(this);
        this.launcher = new Launcher(this);
        this.faults = new Faults(this);
        this.operator = new Operator(this);
        files.mountProc(new ProcFs(new ProcState(this)));
        this.ipc = IpcPort.connect(this);
        this.migrations = MigrationPort.connect(this);
        this.balancer = BalancerPort.connect(this, policies);
        this.slices = new Slices();
        trace.log(0, "boot image=" + image.name() + " nodes=" + image.nodes().size() + " seed=" + seed);
    }

    /** Boots an image with its own guest runtime and the policy plugins on the module path; its files live in a temporary directory, removed at close. */
    public static Kernel boot(Image image, long seed) throws KernelException {
        Kernel kernel = withOwnRuntime(image, seed, StateDir.create(), true);
        kernel.runtime.warmUpInBackground(); // once booted: a refused image closes a runtime nothing started in
        return kernel;
    }

    /** Boots an image on a shared guest runtime (which the kernel does not close). */
    public static Kernel boot(Image image, long seed, GuestRuntime runtime) throws KernelException {
        return boot(image, seed, runtime, Policies.discover());
    }

    /** Boots an image on a shared guest runtime with these policy plugins, its files in a new temporary directory. */
    public static Kernel boot(Image image, long seed, GuestRuntime runtime, Policies policies) throws KernelException {
        return new Kernel(image, seed, runtime, false, policies, StateDir.create(), true);
    }

    /** Boots an image with its own guest runtime, the plugins on the module path, and its files under {@code state}; see {@link #warmUpGuests}. */
    public static Kernel boot(Image image, long seed, Path state) throws KernelException {
        return withOwnRuntime(image, seed, state, false);
    }

    private static Kernel withOwnRuntime(Image image, long seed, Path state, boolean ownsState) throws KernelException {
        GuestRuntime runtime = new GuestRuntime();
        try {
            return new Kernel(image, seed, runtime, true, Policies.discover(), state, ownsState);
        } catch (KernelException e) {
            runtime.close();
            throw e;
        }
    }

    /** Starts the guest languages in the background, so that a person's first mosrun does not wait for them (a script's starts them itself). */
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

    /** A node joined: the image has it. */
    void grow(Image grown) {
        image = grown;
    }

    public long seed() {
        return seed;
    }

    GuestRuntime runtime() {
        return runtime;
    }

    /** The current virtual time in nanoseconds since boot. */
    public synchronized long now() {
        return quantum.now();
    }

    /** Tells {@code l} of events as they happen, on the kernel's thread and under its lock. */
    public synchronized void addListener(KernelListener l) {
        trace.addListener(l);
    }

    /** Stops telling {@code l} (one that goes away leaves no reference behind); it may call this while it is told. */
    public synchronized void removeListener(KernelListener l) {
        trace.removeListener(l);
    }

    /** The trace: one line per event, in virtual-time order; the latest {@value Trace#LIMIT}, after a line saying how many were dropped, if any. */
    public synchronized List<String> trace() {
        return trace.lines();
    }

    /** Starts a program at a node, its home, as plain mosrun does there; returns its pid. */
    public synchronized int spawn(int node, String path, List<String> args) throws KernelException {
        return spawn(node, path, args, RunOptions.DEFAULT);
    }

    /** Starts a program whose home is {@code home}, as mosrun with {@code options} does there; returns its pid. */
    public synchronized int spawn(int home, String path, List<String> args, RunOptions options) throws KernelException {
        return launcher.spawn(home, path, args, options);
    }

    /** {@code mosrc -r TARGET}: runs a program on a node of another entity, its files and output at {@code home}, the launching node; returns its pid. */
    public synchronized int mosrc(int home, String target, String path, List<String> args, RunOptions options) throws KernelException {
        return launcher.spawnRemote(home, target, path, args, options);
    }

    /** Starts a synthetic process at {@code home}: its demand instead of guest code, run as a guest is; returns its pid. */
    public synchronized int spawnSynthetic(int home, Demand demand) throws KernelException {
        return spawnBody(home, demand.command(), calls -> new SyntheticProcess(demand, calls));
    }

    /** Starts a process at {@code home} whose body runs on the kernel's thread: a synthetic process (or a test's). */
    synchronized int spawnBody(int home, String command, Function<SystemCalls, ProcessBody> body) throws KernelException {
        return launcher.spawnBody(home, command, body);
    }

    /** {@code mosrun -R}: starts a process again from its last checkpoint, at its home; returns the new pid (see {@link Launcher#recover}). */
    public synchronized int recover(int pid) throws KernelException {
        return launcher.recover(pid);
    }

    /** Starts a pipeline of programs (a path and its arguments each, with its options), each one's stdout the next one's stdin; returns their pids. */
    public synchronized List<Integer> pipeline(int home, List<List<String>> commands, List<RunOptions> options) throws KernelException {
        return launcher.pipeline(home, commands, options);
    }

    /** Sends a signal from the shell: it acts at once, between quanta (SIGKILL ends even an endless loop). */
    public synchronized void kill(int pid, Signal signal) throws KernelException {
        operator.kill(pid, signal);
    }

    /**
     * Migrates a process to {@code target} (a node's id or name, {@code home}, or {@code balance}: where it would get the most CPU),
     * or freezes it to its home's disk ({@code freeze}) or continues it ({@code continue}); refused, saying why, if it cannot.
     */
    public synchronized void migrate(int pid, String target) throws KernelException {
        operator.migrate(pid, target);
    }

    /** The exit status of a process that has ended. */
    public synchronized Optional<Integer> exitStatus(int pid) {
        return processes.exitStatus(pid);
    }

    public synchronized List<ProcessInfo> ps() {
        return processes.infos();
    }

    public synchronized Optional<ProcessInfo> process(int pid) {
        return processes.info(pid);
    }

    /** What policies see of each live process now (its recent CPU, I/O and IPC use), by pid. */
    public synchronized Map<Integer, ProcessView> usage() {
        return processes.views(quantum.now());
    }

    /** The migrations that have ended (done or rolled back), in the order they ended: the latest {@value Migrations#KEPT}. */
    public synchronized List<Migration> migrations() {
        return migrations.ended();
    }

    /** How many migrations have ended since boot, including those no longer kept. */
    public synchronized long migrationCount() {
        return migrations.count();
    }

    /** Asks every guest to measure the host heap its context holds, as its next slice starts ({@code ps} shows it from then on). */
    public synchronized void measureHeaps() {
        faults.measureHeaps();
    }

    /** Checks the kernel's invariants, as tests do after a failure; throws {@link IllegalStateException} naming the first broken one. */
    public synchronized void checkInvariants() {
        faults.checkInvariants();
    }

    /** The policy plugins this cluster can use. */
    public Policies policies() {
        return policies;
    }

    /** Switches the cluster's policy (each node gets its own instance); the current one stays if this fails. */
    public synchronized void usePolicy(String name, Map<String, String> settings) throws KernelException {
        operator.usePolicy(name, settings);
    }

    /** Unloads a plugin loaded at run time; refused while it is the policy in use. */
    public synchronized void unloadPolicy(String name) throws KernelException {
        operator.unloadPolicy(policies, name);
    }

    /** The policy in use, with its settings. */
    public synchronized String policy() {
        return balancer.describe();
    }

    /**
     * Runs the cluster for {@code nanos} of virtual time (whole quanta), or until {@link #interrupt};
     * an idle cluster passes any span at once. Refused if the span is negative or would take the clock past its end.
     */
    public synchronized void advance(long nanos) {
        quantum.advance(nanos);
    }

    /** Runs until the process has exited, {@code limitNanos} have passed or {@link #interrupt}; returns its exit status if it ended. */
    public synchronized Optional<Integer> runUntilExit(int pid, long limitNanos) {
        return quantum.runUntilExit(pid, limitNanos);
    }

    /** Asks the {@link #advance} or {@link #runUntilExit} running now to return at its next quantum boundary (Ctrl-C); lock-free. */
    public void interrupt() {
        quantum.interrupt();
    }

    /** How many times {@link #interrupt} was called: a waiter that saw it change was interrupted. */
    public long interrupts() {
        return quantum.interrupts();
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
        return quantum.tick();
    }

    /** Each node with its load now (what wants its CPUs, per CPU of the standard processor) and its load index. */
    public synchronized List<NodeInfo> nodes() {
        return nodes.info(processes.runQueues());
    }

    /** Whether a node is up (it has not crashed, or it restarted). */
    public synchronized boolean up(int node) {
        return nodes.up(node);
    }

    /** Node {@code node} fails: what runs there dies, and so does what had its home there; its files stay as last committed. */
    public synchronized void crash(int node) throws KernelException {
        operator.crash(node);
    }

    /** A crashed node comes back, empty (its files are as they were last closed); a node shut down rejoins. */
    public synchronized void restart(int node) throws KernelException {
        operator.restart(node);
    }

    /** Node {@code node} leaves the cluster in order: its guests go home, its processes elsewhere come home, and it keeps to itself until restarted. */
    public synchronized void shutdown(int node) throws KernelException {
        operator.shutdown(node);
    }

    /** A node joins the running cluster, with the next id, an empty disk and the policy in use; gossip finds it. Returns its id. */
    public synchronized int addNode(String name, double speed, int cpus, long memory, long disk) throws KernelException {
        return operator.addNode(name, speed, cpus, memory, disk);
    }

    /** Sets a node's speed (relative to the standard processor), as openMosix's {@code mosctl setspeed} does: from the next quantum on. */
    public synchronized void setSpeed(int node, double speed) throws KernelException {
        operator.setSpeed(node, speed);
    }

    /** Sets how much of the past a node's process statistics keep each period, per 1000 ({@code slow-decay}, {@code fast-decay}). */
    public synchronized void setDecay(int node, int slow, int fast) throws KernelException {
        operator.setDecay(node, slow, fast);
    }

    /** The admin switches of a node, by their openMosix names, as text (as {@code /proc/mosix/admin} shows them). */
    public synchronized Map<String, String> admin(int node) throws KernelException {
        return operator.admin(node);
    }

    /** Sets an admin switch of a node ({@code block}, {@code stay}, {@code lstay}, {@code quiet}, {@code nomfs}), or runs {@code expel} or {@code bring}. */
    public synchronized void setAdmin(int node, String name, boolean on) {
        operator.setAdmin(node, name, on);
    }

    /** The clusters of the multi-cluster (one in a one-cluster image), as they are now. */
    public synchronized List<ClusterInfo> clusters() {
        return clusters.list();
    }

    /** Connects a cluster to the multi-cluster (MOSIX2); refused for an unknown one, one connected already, or plain Linux servers. */
    public synchronized void connect(String cluster) throws KernelException {
        clusters.connect(cluster);
    }

    /** Disconnects a cluster: its guests go home, its processes elsewhere come home; refused for the cluster of {@code from}, the asking node. */
    public synchronized void disconnect(String cluster, int from) throws KernelException {
        clusters.disconnect(cluster, from);
    }

    /** Sets {@code cluster}'s priority for {@code other}'s processes: 1-65535 (lower is higher) or {@code none}. */
    public synchronized void setPriority(String cluster, String other, String priority) throws KernelException {
        clusters.setPriority(cluster, other, priority);
    }

    /** {@code mosrun -q}: queues a program of home {@code home} at {@code priority} (lower is higher); returns its job number. */
    public synchronized int enqueue(int home, String path, List<String> args, RunOptions options, int priority) throws KernelException {
        return queue.submit(home, path, args, options, priority);
    }

    /** The queue's jobs ({@code mosq list}): queued, running or ended, in job order. */
    public synchronized List<Job> jobs() {
        return queue.list();
    }

    /** {@code mosq run JOB}: starts a queued job now; returns its pid. */
    public synchronized int runJob(int job) throws KernelException {
        return queue.runNow(job);
    }

    /** {@code mosq delete JOB}: takes a queued job out of the queue. */
    public synchronized void deleteJob(int job) throws KernelException {
        queue.delete(job);
    }

    /** {@code mosq priority JOB N}: a queued job's new priority (lower is higher). */
    public synchronized void setJobPriority(int job, int priority) throws KernelException {
        queue.setPriority(job, priority);
    }

    /** Sets a node's freezing marks (MOSIX2's red and blue marks, loads of the standard processor; 0 is off). */
    public synchronized void setMarks(int node, double red, double blue) throws KernelException {
        operator.setMarks(node, red, blue);
    }

    /** The per-user process limit: how many guest processes one user may have at once. */
    public synchronized int maxProcesses() {
        return nodes.admin.maxProcesses();
    }

    /** Sets the per-user process limit; processes beyond a lowered one go on, and no more start. */
    public synchronized void setMaxProcesses(int n) throws KernelException {
        operator.setMaxProcesses(n);
    }

    @Override
    public void close() {
        pace(Pace.MAX);
        synchronized (this) {
            processes.terminateAll();
        }
        slices.close();
        balancer.close();
        if (ownsState) {
            StateDir.delete(files.state());
        }
        if (ownsRuntime) {
            runtime.close();
        }
    }
}
