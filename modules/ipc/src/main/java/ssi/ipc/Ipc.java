package ssi.ipc;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ssi.api.Link;
import ssi.api.Signal;
import ssi.guest.Errno;
import ssi.guest.Syscall;
import ssi.guest.SyscallException;

/**
 * Interprocess communication, carried out in virtual-time order: pipes (kept at their creator's
 * home, where the deputies of processes away serve them), messages (from home to home, or straight
 * between the nodes where two processes run when both ask for direct communication), signals
 * (through the homes to wherever the target runs), and SysV shared memory (really shared;
 * attaching confines a process to its home, which the kernel sees to). Each call takes
 * {@code [ipc] call_us} at the node that serves it.
 *
 * @param <P> the kernel's processes
 */
public final class Ipc<P extends Party> {
    /** What IPC needs of the kernel: its processes, and the effects of a call on other processes. */
    public interface Host<P> {
        /** A process by pid, or null. */
        P process(int pid);

        /** Every process, by pid. */
        Collection<P> processes();

        /** Answers {@code q}'s blocked call at {@code at}. */
        void answer(P q, Object answer, long at);

        /** Signals reach {@code q} at {@code at}: {@link #deliver} them then, in virtual-time order. */
        void deliverAt(P q, long at);

        /** A signal ends {@code q} with {@code status}. */
        void terminate(P q, int status, long t);

        /** SIGSTOP ({@code stop}) or SIGCONT reaches {@code q}. */
        void stop(P q, boolean stop, long t);

        /** Adds an event to the trace. */
        void log(long t, String event);
    }

    private final Pipes<P> pipes;
    private final Messages<P> messages;
    private final Signals<P> signals;
    private final SharedMemory memory = new SharedMemory();

    /** IPC on a network {@code link}, each call taking {@code callNanos} at the node that serves it. */
    public Ipc(Host<P> host, long callNanos, Link link) {
        Costs costs = new Costs(callNanos, link);
        this.pipes = new Pipes<>(host, costs);
        this.messages = new Messages<>(host, costs);
        this.signals = new Signals<>(host, costs);
    }

    /** Carries out an IPC call of {@code p} at {@code t}: its answer, an {@code Answer.Later} one, or {@code Answer.BLOCKED}. */
    public Object call(P p, Syscall call, long t) {
        return switch (call) {
            case Syscall.Pipe x -> pipes.pipe(p, t);
            case Syscall.PipeRead r -> pipes.read(p, r.end(), r.max(), t);
            case Syscall.PipeWrite w -> pipes.write(p, w.end(), w.bytes(), t);
            case Syscall.PipeClose c -> pipes.close(p, c.end(), t);
            case Syscall.Send m -> messages.send(p, m.pid(), m.data(), t);
            case Syscall.Recv r -> Double.isNaN(r.timeout())
                    ? new SyscallException(Errno.EINVAL, "recv: invalid argument: the timeout must be a number of seconds, got NaN")
                    : messages.recv(p, r.timeout(), t);
            case Syscall.Kill k -> signals.kill(p, k.pid(), k.signal(), t);
            case Syscall.ShmRead r -> memory.read(p.pid(), r.id(), r.offset(), r.length());
            case Syscall.ShmWrite w -> memory.write(p.pid(), w.id(), w.offset(), w.bytes());
            default -> throw new IllegalArgumentException("not an IPC call the kernel may route here: " + call);
        };
    }

    /** Whether a send from {@code p} goes straight between the two processes' nodes: both asked for direct communication. */
    public boolean direct(P p, int pid) {
        return messages.direct(p, pid);
    }

    /** Writes {@code bytes} to a pipe end {@code p} holds (its stdout): as {@link Syscall.PipeWrite}. */
    public Object write(P p, int end, byte[] bytes, long t) {
        return pipes.write(p, end, bytes, t);
    }

    /** A process's stdout, if it is a pipe end it still holds. */
    public Optional<Integer> stdout(P p) {
        return pipes.stdout(p);
    }

    /** The ends of {@code n} processes from pid {@code firstPid} on, each one's stdout a pipe to the next one's stdin. */
    public List<Map<Integer, Integer>> pipeline(int node, int firstPid, int n) {
        return pipes.pipeline(node, firstPid, n);
    }

    /** The child's ends, by its descriptors: its own copies of those {@code parent} passes on in {@code spawn}. */
    public Map<Integer, Integer> passOn(P parent, Syscall.Spawn spawn, int child) {
        return pipes.passOn(parent, spawn, child);
    }

    /** A new process took the ends it started with: they are its own. */
    public void adopt(P child) {
        pipes.adopt(child);
    }

    /** A signal on its way to {@code q}, arriving at {@code at}: delivered then, in virtual-time order. */
    public void signal(P q, Signal sig, long at) {
        signals.signal(q, sig, at);
    }

    /** A signal that reaches {@code q} at once, between quanta (the shell's kill). */
    public void signalNow(P q, Signal sig, long t) {
        signals.signalNow(q, sig, t);
    }

    /** Delivers the signals that have reached {@code q} by {@code t}: their handlers, or their default actions. */
    public void deliver(P q, long t) {
        signals.deliver(q, t);
    }

    /** Gets (creating it if needed) the shared-memory segment of {@code key}: its id, or the error. */
    public Object shmget(int key, long bytes) {
        return memory.get(key, bytes);
    }

    /** Whether a shared-memory segment {@code id} exists. */
    public boolean segment(int id) {
        return memory.exists(id);
    }

    /** Attaches segment {@code id} (which exists) to {@code p}. */
    public void attach(P p, int id) {
        memory.attach(p.pid(), id);
    }

    /** Detaches segment {@code id} from {@code p}: null, or the error. */
    public Object detach(P p, int id) {
        return memory.detach(p.pid(), id);
    }

    /** Whether {@code p} has a segment attached. */
    public boolean attached(P p) {
        return memory.attached(p.pid());
    }

    /** A process ended: its ends close (readers see the end, writers a broken pipe) and its segments are detached. */
    public void exited(P p, long t) {
        pipes.exited(p, t);
        memory.detachAll(p.pid());
        p.ipc().waitingIn = null;
        p.ipc().signals.clear();
    }
}
