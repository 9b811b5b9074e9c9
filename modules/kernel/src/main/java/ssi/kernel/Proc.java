package ssi.kernel;

import java.util.ArrayList;
import java.util.List;
import ssi.api.MigrationReason;
import ssi.api.ProcessInfo;
import ssi.api.ProcessState;
import ssi.api.ProcessView;
import ssi.guest.GuestProgram;
import ssi.guest.Yield;
import ssi.ipc.IpcState;
import ssi.ipc.Party;
import ssi.migration.AddressSpace;
import ssi.migration.CantMove;
import ssi.migration.Deputy;
import ssi.migration.Migrant;
import ssi.migration.Freezing;
import ssi.migration.Move;
import ssi.scheduler.Balanced;
import ssi.scheduler.Usage;

/** The kernel's record of one process. Touched by the kernel thread only, except where noted. */
final class Proc extends ProcFigures implements Party, Balanced, Migrant {
    int ppid;
    final GuestProgram program;  // null for a synthetic process
    final String command;
    final String owner;        // the user it runs as: who may signal and alter it, whose process limit it counts in
    final RunOptions.Mode mode;
    final Deputy deputy = new Deputy();     // its part at home, serving its site-dependent calls while it is away
    final DeputyTask deputyTask = new DeputyTask(this);
    ssi.guest.ProcessBody guest;
    ProcessState state = ProcessState.RUNNING;
    double cpuSeconds;         // virtual CPU time
    long work;                 // work units done
    int waitingFor;            // pid of the child a wait blocks on, 0 for any; -1 when not waiting
    Object answer;             // the answer to its pending system call
    boolean answerViaDeputy;   // that answer must travel back from the home node
    int exitStatus;
    boolean parent;            // it has started children (its exit must look for orphans)
    long heap = -1;            // host heap its context held when last measured
    long exitTime;
    int cameFrom;              // the node it left last, 0 if none
    int remote = -1;           // MOSRC: the cluster (index) of another entity it runs in, its files at home; -1 for a MOSIX process

    long joined = -1;          // the start of the last quantum in which it shared its node's CPUs
    long cruiseFrom;           // while cruising: its node's total given when its figures were last brought up to date
    long cruiseEvent;          // its node's total at which its next event falls

    final IpcState ipc = new IpcState(); // its pipe ends, mailbox, signals, and the IPC call it waits in
    boolean inCall;            // its last yield was a system call, waiting for its answer
    boolean stopped;           // SIGSTOP

    // mosrun -C / -R
    long checkpointNanos;      // between checkpoints, 0 for none
    long nextCheckpoint;
    volatile String appState;  // what the program asked its checkpoints to hold (set from the guest thread)
    String restored;           // the state it was recovered with, or null

    // the current slice: from sliceStart, sliceBudget units at nanosPerUnit each
    long sliceStart;
    long sliceBudget;
    double nanosPerUnit;
    Yield yielded;             // how the slice ended, until the quantum handles it
    Throwable failed;          // how its slice failed in the kernel's code (a bug), until the quantum ends it for that

    /** Terminal output of the current round, written from the guest thread. */
    final List<Output> outputs = new ArrayList<>();

    Proc(int pid, int ppid, int home, int where, GuestProgram program, String command, RunOptions.Mode mode, String hint,
         AddressSpace memory, long created, String owner) {
        super(pid, home, where, created, hint, memory, mode == RunOptions.Mode.NATIVE ? CantMove.NATIVE : null);
        this.command = command;
        this.owner = owner;
        this.ppid = ppid;
        this.program = program;
        this.mode = mode;
        this.waitingFor = -1;
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public int home() {
        return home;
    }

    @Override
    public int where() {
        return where;
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public IpcState ipc() {
        return ipc;
    }

    @Override
    public void countIpc(int node, long bytes) {
        usage.ipcBytes(node, bytes);
    }

    @Override
    public void block() {
        state = ProcessState.SLEEPING;
        readyAt = Long.MAX_VALUE;
    }

    /** The virtual time after {@code w} units of the current slice. */
    long timeAt(long w) {
        return sliceStart + Math.round(w * nanosPerUnit);
    }

    @Override
    public boolean alive() {
        return state != ProcessState.ZOMBIE;
    }

    String command() {
        return command;
    }

    /** How a guest program shows in ps: its path and arguments. */
    static String command(GuestProgram program) {
        return program.args().isEmpty() ? program.path() : program.path() + " " + String.join(" ", program.args());
    }

    /** Whether it may signal or alter {@code other}: the same owner, or it is privileged (Unix's rule). */
    @Override
    public boolean mayAlter(Party other) {
        return owner.equals(other.owner()) || owner.equals(RunOptions.ROOT);
    }

    /** Why it cannot move now: a confinement, or its lock; empty if it may. */
    String cantmove() {
        return confined != null ? confined.label() : locked ? CantMove.USER_LOCK.label() : "";
    }

    @Override
    public AddressSpace memory() {
        return memory;
    }

    @Override
    public CantMove confined() {
        return confined;
    }

    @Override
    public boolean locked() {
        return locked;
    }

    @Override
    public Move move() {
        return move;
    }

    @Override
    public void move(Move m) {
        move = m;
    }

    @Override
    public Freezing.Frozen frozen() {
        return frozen;
    }

    @Override
    public void frozen(Freezing.Frozen f) {
        frozen = f;
    }

    @Override
    public boolean wantsCpu() {
        return state == ProcessState.RUNNING && move == null && frozen == null;
    }

    @Override
    public boolean moving() {
        return move != null;
    }

    @Override
    public long arrived() {
        return arrived;
    }

    @Override
    public int cameFrom() {
        return cameFrom;
    }

    @Override
    public long memoryBytes() {
        return memory.bytes();
    }

    @Override
    public Usage usage() {
        return usage;
    }

    @Override
    public long ioCalls() {
        return ioCalls;
    }

    /** What a policy sees of it at {@code t}. */
    @Override
    public ProcessView view(long t) {
        boolean movable = CantMove.refusal(MigrationReason.POLICY, confined, locked, false).isEmpty();
        return new ProcessView(pid, home, where, memory.bytes(), memory.dirtyPages() * memory.pageBytes(),
                usage.cpu(), usage.io(), usage.files(), usage.ipc(), t - created, t - arrived, nmigs, movable, hint);
    }

    /** How it ended, for its parent's wait. */
    ssi.guest.ChildExit exited() {
        return new ssi.guest.ChildExit(exitStatus, cpuSeconds, work, nmigs, deputy.served());
    }

    ProcessInfo info() {
        return new ProcessInfo(pid, ppid, home, where, move != null ? ProcessState.FROZEN : frozen != null && alive() ? ProcessState.ON_DISK : stopped && alive() ? ProcessState.STOPPED : state, cpuSeconds, work, deputy.cpuSeconds(), deputy.served(),
                memory.bytes(), heap, memory.dirtyPages() * memory.pageBytes(), nmigs, locked, cantmove(), command(), owner);
    }
}
