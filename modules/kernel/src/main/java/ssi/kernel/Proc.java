package ssi.kernel;

import java.util.ArrayList;
import java.util.List;
import ssi.api.MigrationReason;
import ssi.api.ProcessInfo;
import ssi.api.ProcessState;
import ssi.api.ProcessView;
import ssi.guest.GuestProcess;
import ssi.guest.GuestProgram;
import ssi.migration.AddressSpace;
import ssi.migration.CantMove;

/** The kernel's record of one process. Touched by the kernel thread only, except where noted. */
final class Proc extends Task {
    final int pid;
    int ppid;
    final int home;
    int where;                 // read by the guest thread (it cannot change while the guest runs)
    final GuestProgram program;
    final RunOptions.Mode mode;
    final AddressSpace memory; // touched by the guest thread (ssi.touch) while it runs
    final Deputy deputy = new Deputy(this);
    GuestProcess guest;
    ProcessState state = ProcessState.RUNNING;
    double cpuSeconds;         // virtual CPU time
    long work;                 // work units done
    int waitingFor;            // pid of the child a wait blocks on, 0 for any; -1 when not waiting
    Object answer;             // the answer to its pending system call
    boolean answerViaDeputy;   // that answer must travel back from the home node
    int exitStatus;
    long exitTime;
    volatile boolean locked;   // set by the guest thread (ssi.lock)
    CantMove confined;         // MONKEY or NATIVE once it may not leave home
    Move move;                 // the migration in flight, or null
    int nmigs;
    long forwarded;            // site-dependent calls its deputy served
    long ioCalls;              // I/O calls wherever they ran (the guest thread counts local ones)
    final java.util.TreeMap<Integer, Long> fileBytes = new java.util.TreeMap<>(); // file I/O bytes, by the node holding the files
    final String hint;         // mosrun -c / -i
    final long created;
    long arrived;              // when it came to the node it runs on
    int cameFrom;              // the node it left last, 0 if none
    final Usage usage;

    long joined = -1;          // the start of the last quantum in which it shared its node's CPUs

    // the current slice: from sliceStart, sliceBudget units at nanosPerUnit each
    long sliceStart;
    long sliceBudget;
    double nanosPerUnit;

    /** Terminal output of the current round, written from the guest thread. */
    final List<Output> outputs = new ArrayList<>();

    Proc(int pid, int ppid, int home, int where, GuestProgram program, RunOptions.Mode mode, String hint,
         AddressSpace memory, long created) {
        this.hint = hint;
        this.usage = new Usage(!hint.isEmpty());
        this.created = created;
        this.arrived = created;
        this.pid = pid;
        this.ppid = ppid;
        this.home = home;
        this.where = where;
        this.program = program;
        this.mode = mode;
        this.memory = memory;
        this.waitingFor = -1;
        this.confined = mode == RunOptions.Mode.NATIVE ? CantMove.NATIVE : null;
    }

    @Override
    int node() {
        return where;
    }

    @Override
    int pid() {
        return pid;
    }

    /** The virtual time after {@code w} units of the current slice. */
    long timeAt(long w) {
        return sliceStart + Math.round(w * nanosPerUnit);
    }

    boolean alive() {
        return state != ProcessState.ZOMBIE;
    }

    String command() {
        return program.args().isEmpty() ? program.path() : program.path() + " " + String.join(" ", program.args());
    }

    /** Why it cannot move now: a confinement, or its lock; empty if it may. */
    String cantmove() {
        return confined != null ? confined.label() : locked ? CantMove.USER_LOCK.label() : "";
    }

    /** What a policy sees of it at {@code t}. */
    ProcessView view(long t) {
        boolean movable = CantMove.refusal(MigrationReason.POLICY, confined, locked, false).isEmpty();
        return new ProcessView(pid, home, where, memory.bytes(), memory.dirtyPages() * memory.pageBytes(),
                usage.cpu(), usage.io(), usage.files(), 0, t - created, t - arrived, nmigs, movable, hint);
    }

    ProcessInfo info() {
        return new ProcessInfo(pid, ppid, home, where, move != null ? ProcessState.FROZEN : state, cpuSeconds, work, deputy.cpuSeconds, forwarded,
                memory.bytes(), memory.dirtyPages() * memory.pageBytes(), nmigs, locked, cantmove(), command());
    }
}
