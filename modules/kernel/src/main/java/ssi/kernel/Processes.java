package ssi.kernel;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import ssi.api.ProcessInfo;
import ssi.api.ProcessState;
import ssi.api.ProcessView;
import ssi.api.Signal;
import ssi.guest.Answer;
import ssi.guest.Errno;
import ssi.guest.GuestProgram;
import ssi.guest.SyscallException;
import ssi.ipc.Wait;
import ssi.migration.AddressSpace;

/**
 * The process table: every process from its creation until it is reaped (a zombie stays until its
 * parent waits), those that run by slices, and the count of each user's processes that the process
 * limit bounds. It creates processes and ends them.
 */
final class Processes {
    private final Kernel k;
    private final TreeMap<Integer, Proc> procs = new TreeMap<>();
    private final Map<Integer, Integer> reaped = new HashMap<>(); // exit statuses of the processes reaped
    private final Map<String, Integer> owned = new HashMap<>();   // guest processes by owner, until reaped: the process limit counts them
    final ByPid sliced = new ByPid(); // processes that run by slices (all but cruising ones)
    private int nextPid = 1;

    Processes(Kernel k) {
        this.k = k;
    }

    /** A process by pid, or null. */
    Proc get(int pid) {
        return procs.get(pid);
    }

    /** Every process in the table, by pid. */
    Collection<Proc> all() {
        return procs.values();
    }

    boolean isEmpty() {
        return procs.isEmpty();
    }

    /** The pid the next process gets. */
    int nextPid() {
        return nextPid;
    }

    /** Guest processes by owner, until reaped. */
    Map<String, Integer> owned() {
        return owned;
    }

    /** The exit status of a process that has ended. */
    Optional<Integer> exitStatus(int pid) {
        Proc p = procs.get(pid);
        if (p != null) {
            return p.alive() ? Optional.empty() : Optional.of(p.exitStatus);
        }
        return Optional.ofNullable(reaped.get(pid));
    }

    /**
     * Refuses new guest processes beyond the per-user process limit ({@code /proc/mosix/admin/max-processes},
     * as {@code ulimit -u}): a user's processes count from their start until they are reaped (a
     * zombie still holds its pid); root has no limit. {@code starting}: how many each user starts.
     */
    void requireRoom(Map<String, Integer> starting) throws KernelException {
        int limit = k.nodes.admin.maxProcesses();
        for (Map.Entry<String, Integer> s : starting.entrySet()) {
            if (!s.getKey().equals(RunOptions.ROOT) && owned.getOrDefault(s.getKey(), 0) + s.getValue() > limit) {
                throw new KernelException("resource temporarily unavailable (process limit " + limit + " reached)");
            }
        }
    }

    /** A new guest process at {@code where}, whose home is {@code home}, started at {@code t} with these pipe ends. */
    Proc create(int ppid, int home, int where, GuestProgram program, RunOptions.Mode mode, boolean locked,
                String hint, Map<Integer, Integer> ends, long t, String owner) throws KernelException {
        AddressSpace memory = new AddressSpace(k.image().pageBytes(), Launcher.baseBytes(k.image(), program));
        k.nodes.requireMemory(where, memory, program.path());
        Proc p = new Proc(nextPid++, ppid, home, where, program, Proc.command(program), mode, hint, memory, t, owner);
        owned.merge(owner, 1, Integer::sum);
        if (procs.get(ppid) != null) {
            procs.get(ppid).parent = true;
        }
        p.locked = locked;
        p.readyAt = t;
        p.ipc.start(ends); // before it starts: its ssi binding reads them
        p.guest = k.runtime().start(program, new LocalCalls(k, p)); // before it is counted anywhere: a start that fails leaves nothing behind
        add(p);
        k.trace.log(t, "spawn pid=" + p.pid + " ppid=" + ppid + " node=" + where + (where == home ? "" : " home=" + home) + " " + p.command());
        if (where == home) {
            k.balancer.place(p, t);
        }
        return p;
    }

    /** A synthetic process (or a test's) at its home, run by slices from {@code t}. */
    Proc createBody(int home, String command, AddressSpace memory, long t) {
        Proc p = new Proc(nextPid++, 0, home, home, null, command, RunOptions.Mode.STRICT, "", memory, t, RunOptions.USER);
        p.readyAt = t;
        add(p);
        return p;
    }

    private void add(Proc p) {
        procs.put(p.pid, p);
        sliced.put(p);
        k.nodes.settle(p);
    }

    /** The {@code wait} call: a child's end, at once if it has ended, else when it does. */
    Object waitFor(Proc p, int pid) {
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

    /** Ends a process at time {@code t}: a zombie until its parent waits, or reaped at once if nobody will. */
    void exit(Proc p, int status, long t) {
        k.cruises.uncruise(p);
        p.guest.terminate();
        k.nodes.unsettle(p);
        k.migrations.drop(p); // a migration in flight is dropped with its reservation
        p.state = ProcessState.ZOMBIE;
        sliced.remove(p.pid); // a zombie runs no more slices, though it stays in the table until its parent waits
        p.exitStatus = status;
        p.exitTime = t;
        p.readyAt = Long.MAX_VALUE;
        p.deputyTask.idle();
        k.quantum.drop(p);
        k.trace.log(t, "exit pid=" + p.pid + " status=" + status);
        k.ipc.exited(p, t);
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
            k.quantum.answerBlocked(parent, p.exited(), t);
        }
        if (parent != null && parent.alive() && parent.ipc.catches(Signal.SIGCHLD.number())) {
            k.ipc.signal(parent, Signal.SIGCHLD, t);
        }
    }

    private void reap(Proc p) {
        if (p.program != null) {
            owned.merge(p.owner, -1, (a, b) -> a + b == 0 ? null : a + b);
        }
        procs.remove(p.pid);
        sliced.remove(p.pid);
        reaped.put(p.pid, p.exitStatus);
        k.trace.exited(p.info(), p.exitStatus, p.exitTime);
    }

    /**
     * What wants each node's CPUs now, by node id, in one pass over the processes: runnable ones,
     * busy deputies, and ones migrating to it.
     */
    int[] runQueues() {
        int[] runnable = runQueues(sliced);
        for (int n = 1; n < k.cruises.nodes(); n++) {
            runnable[n] += k.cruises.size(n); // cruising ones run
        }
        assert java.util.Arrays.equals(runnable, runQueues(procs.values())) : "cruising processes are counted as running";
        return runnable;
    }

    private int[] runQueues(Collection<Proc> among) {
        int[] runnable = new int[k.image().nodes().size() + 1];
        for (Proc p : among) {
            if (!p.alive() || p.frozen != null) {
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

    /** Every process as {@code ps} shows it, its figures up to date. */
    List<ProcessInfo> infos() {
        k.cruises.catchUpAll();
        return procs.values().stream().map(Proc::info).toList();
    }

    Optional<ProcessInfo> info(int pid) {
        Optional<Proc> p = Optional.ofNullable(procs.get(pid));
        p.ifPresent(k.cruises::catchUp);
        return p.map(Proc::info);
    }

    /** What policies see of each live process at {@code now}, by pid. */
    Map<Integer, ProcessView> views(long now) {
        Map<Integer, ProcessView> out = new TreeMap<>();
        k.cruises.catchUpAll();
        procs.values().stream().filter(Proc::alive).forEach(p -> out.put(p.pid, p.view(now)));
        return out;
    }

    /** Ends every guest's context: the kernel closes. */
    void terminateAll() {
        for (Proc p : procs.values()) {
            if (p.guest != null) {
                p.guest.terminate();
            }
        }
        procs.clear();
    }
}
