package ssi.kernel;

import java.util.ArrayList;
import java.util.List;
import ssi.api.ProcessInfo;
import ssi.api.ProcessState;
import ssi.guest.GuestProcess;
import ssi.guest.GuestProgram;

/** The kernel's record of one process. Touched by the kernel thread only, except {@link #outputs}. */
final class Proc {
    final int pid;
    int ppid;
    final int home;
    int where;
    final GuestProgram program;
    GuestProcess guest;
    ProcessState state = ProcessState.RUNNING;
    double cpuSeconds;         // virtual CPU time
    long readyAt;              // virtual time from which it may run
    int waitingFor;            // pid of the child a wait blocks on, 0 for any; -1 when not waiting
    Object answer;             // the answer to its pending system call
    int exitStatus;
    long exitTime;

    // the current slice
    long sliceStart;
    long sliceEnd;
    long sliceBudget;

    /** Terminal output of the current round, written from the guest thread. */
    final List<Output> outputs = new ArrayList<>();

    Proc(int pid, int ppid, int node, GuestProgram program) {
        this.pid = pid;
        this.ppid = ppid;
        this.home = node;
        this.where = node;
        this.program = program;
        this.waitingFor = -1;
    }

    /** The virtual time after {@code w} units of the current slice: work is spread evenly over it. */
    long timeAt(long w) {
        if (sliceBudget <= 0) {
            return sliceStart;
        }
        return sliceStart + Math.round((double) (sliceEnd - sliceStart) * w / sliceBudget);
    }

    String command() {
        return program.args().isEmpty() ? program.path() : program.path() + " " + String.join(" ", program.args());
    }

    ProcessInfo info() {
        return new ProcessInfo(pid, ppid, home, where, state, cpuSeconds, command());
    }
}
