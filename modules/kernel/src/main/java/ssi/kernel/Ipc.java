package ssi.kernel;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import ssi.api.ProcessState;
import ssi.api.Signal;
import ssi.guest.Answer;
import ssi.guest.Received;
import ssi.guest.Signalled;
import ssi.guest.Syscall;
import ssi.guest.Errno;
import ssi.guest.SyscallException;
import ssi.ipc.Mailbox;
import ssi.ipc.Pipe;
import ssi.ipc.Segment;
import ssi.migration.CantMove;
import ssi.migration.TransferCost;

/**
 * The kernel's interprocess communication, carried out in virtual-time order: pipes (kept at
 * their creator's home, where the deputies of processes away serve them), messages (from home to
 * home, or straight between the nodes where two processes run when both ask for direct
 * communication), signals (through the homes to wherever the target runs), and SysV shared
 * memory (really shared; attaching confines a process to its home). Each call takes
 * {@code [ipc] call_us} at the node that serves it.
 */
final class Ipc {
    /** What a process blocked in a call waits for, so that a signal can interrupt it. */
    sealed interface Wait {}

    record PipeRead(End end, int max) implements Wait {}

    record PipeWrite(End end, byte[] bytes, int done) implements Wait {}

    record Recv(long deadline, Mailbox.Message taken, long wakeAt) implements Wait {}

    record Sleep() implements Wait {}

    record Child() implements Wait {}

    static final Wait SLEEP = new Sleep();
    static final Wait CHILD = new Child();

    /** One holder's end of a pipe; the pipe lives at {@code node}. */
    record End(int id, Pipe pipe, boolean write, int node, int owner) {}

    private final Kernel kernel;
    private final Map<Integer, End> ends = new HashMap<>();
    private final Map<Integer, Segment> segments = new TreeMap<>();
    private int nextEnd = 1;
    private int nextPipe = 1;

    Ipc(Kernel kernel) {
        this.kernel = kernel;
    }

    private long call() {
        return kernel.image().ipcCallNanos();
    }

    /** The time a message of {@code bytes} takes from node {@code a} to node {@code b}. */
    private long hop(int a, int b, long bytes) {
        return a == b ? 0 : kernel.image().link().messageNanos(TransferCost.CONTROL_BYTES + bytes);
    }

    // ---- pipes ----

    Object pipe(Proc p, long t) {
        Pipe pipe = new Pipe(nextPipe++);
        End r = open(pipe, false, p.home, p.pid);
        End w = open(pipe, true, p.home, p.pid);
        p.ends.add(r.id());
        p.ends.add(w.id());
        kernel.log(t, "pipe pid=" + p.pid + " pipe=" + pipe.id() + " ends=" + r.id() + "," + w.id());
        return new Answer.Later(new int[] {r.id(), w.id()}, t + call());
    }

    private End open(Pipe pipe, boolean write, int node, int owner) {
        End e = new End(nextEnd++, pipe, write, node, owner);
        ends.put(e.id(), e);
        pipe.open(write);
        return e;
    }

    /** The end {@code id} if {@code p} holds it (the right way round, unless {@code write} is null); else the error to answer. */
    private Object held(Proc p, int id, String call, Boolean write) {
        End e = ends.get(id);
        if (e == null || e.owner() != p.pid) {
            return new SyscallException(Errno.EBADF, call + ": no open pipe end " + id);
        }
        if (write != null && e.write() != write) {
            return new SyscallException(Errno.EBADF, call + ": that is the pipe's " + (e.write() ? "write" : "read") + " end");
        }
        return e;
    }

    Object read(Proc p, int id, int max, long t) {
        Object held = held(p, id, "read", false);
        if (!(held instanceof End e)) {
            return held;
        }
        if (e.pipe().available() > 0) {
            byte[] got = e.pipe().take(max);
            count(p, e, got.length);
            flow(e.pipe(), t);
            return new Answer.Later(got, t + call());
        }
        if (e.pipe().atEnd()) {
            return new Answer.Later(new byte[0], t + call());
        }
        block(p, new PipeRead(e, max));
        return Answer.BLOCKED;
    }

    Object write(Proc p, int id, byte[] bytes, long t) {
        Object held = held(p, id, "write", true);
        if (!(held instanceof End e)) {
            return held;
        }
        if (e.pipe().broken()) {
            return brokenPipe(e);
        }
        int n = e.pipe().put(bytes, 0);
        count(p, e, n);
        flow(e.pipe(), t);
        if (n == bytes.length) {
            return new Answer.Later(n, t + call());
        }
        block(p, new PipeWrite(e, bytes, n));
        return Answer.BLOCKED;
    }

    private static SyscallException brokenPipe(End e) {
        return new SyscallException(Errno.EPIPE, "write: broken pipe (EPIPE): no process reads pipe " + e.pipe().id());
    }

    Object close(Proc p, int id, long t) {
        Object held = held(p, id, "close", null);
        if (!(held instanceof End e)) {
            return held;
        }
        release(p, e);
        flow(e.pipe(), t);
        return new Answer.Later(null, t + call());
    }

    private void release(Proc p, End e) {
        ends.remove(e.id());
        p.ends.remove(e.id());
        e.pipe().close(e.write());
    }

    private void block(Proc p, Wait w) {
        p.blockedOn = w;
        p.state = ProcessState.SLEEPING;
        p.readyAt = Long.MAX_VALUE;
    }

    private void count(Proc p, End e, int bytes) {
        if (bytes > 0) {
            p.usage.ipcBytes(e.node(), bytes);
        }
    }

    /** Moves bytes between a pipe's blocked writers and readers at {@code t}, and ends or breaks their waits, until none can go on. */
    private void flow(Pipe pipe, long t) {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Proc q : waiting(pipe)) {
                switch (q.blockedOn) {
                    case PipeRead r when pipe.available() > 0 -> {
                        byte[] got = pipe.take(r.max());
                        count(q, r.end(), got.length);
                        answer(q, got, t);
                        moved = true;
                    }
                    case PipeRead r when pipe.atEnd() -> answer(q, new byte[0], t);
                    case PipeWrite w when pipe.broken() -> answer(q, w.done() > 0 ? w.done() : brokenPipe(w.end()), t);
                    case PipeWrite w when pipe.room() > 0 -> {
                        int n = pipe.put(w.bytes(), w.done());
                        count(q, w.end(), n);
                        moved = true;
                        if (w.done() + n == w.bytes().length) {
                            answer(q, w.bytes().length, t);
                        } else {
                            q.blockedOn = new PipeWrite(w.end(), w.bytes(), w.done() + n);
                        }
                    }
                    default -> { } // still waiting
                }
            }
        }
    }

    /** The processes blocked on a pipe, by pid. */
    private List<Proc> waiting(Pipe pipe) {
        return kernel.processes().stream().filter(q -> q.alive() && switch (q.blockedOn) {
            case PipeRead r -> r.end().pipe() == pipe;
            case PipeWrite w -> w.end().pipe() == pipe;
            case null, default -> false;
        }).sorted(Comparator.comparingInt(q -> q.pid)).toList();
    }

    private void answer(Proc q, Object answer, long t) {
        q.blockedOn = null;
        kernel.answerBlocked(q, answer, t + call());
    }

    /** The child's ends, by its descriptors: its own copies of those the parent passes on. */
    Map<Integer, Integer> passOn(Proc parent, Syscall.Spawn s, int child) {
        Map<Integer, Integer> wanted = new TreeMap<>(s.ends());
        if (s.stdin() != 0) {
            wanted.put(0, s.stdin());
        }
        if (s.stdout() != 0) {
            wanted.put(1, s.stdout());
        }
        for (Map.Entry<Integer, Integer> w : wanted.entrySet()) {
            End e = ends.get(w.getValue());
            if (e == null || e.owner() != parent.pid) {
                throw new SyscallException(Errno.EBADF, "spawn: no open pipe end " + w.getValue() + " to pass on");
            }
            if (w.getKey() == 0 && e.write() || w.getKey() == 1 && !e.write()) {
                throw new SyscallException(Errno.EBADF, "spawn: " + (w.getKey() == 0 ? "stdin must be a read end" : "stdout must be a write end"));
            }
        }
        Map<Integer, Integer> copies = new TreeMap<>();
        wanted.forEach((fd, id) -> {
            End e = ends.get(id);
            copies.put(fd, open(e.pipe(), e.write(), e.node(), child).id());
        });
        return copies;
    }

    /** The ends of {@code n} processes from pid {@code firstPid} on, each one's stdout a pipe to the next one's stdin. */
    List<Map<Integer, Integer>> pipeline(int node, int firstPid, int n) {
        List<Map<Integer, Integer>> fds = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            fds.add(new TreeMap<>());
        }
        for (int i = 0; i + 1 < n; i++) {
            Pipe pipe = new Pipe(nextPipe++);
            fds.get(i).put(1, open(pipe, true, node, firstPid + i).id());
            fds.get(i + 1).put(0, open(pipe, false, node, firstPid + i + 1).id());
        }
        return fds;
    }

    /** The child took its ends: they are its own. */
    void adopt(Proc child) {
        child.ends.addAll(child.fdEnds.values());
    }

    /** A process's stdout, if it is a pipe end it still holds. */
    Optional<Integer> stdout(Proc p) {
        Integer end = p.fdEnds.get(1);
        return end != null && p.ends.contains(end) ? Optional.of(end) : Optional.empty();
    }

    /** A process ended: its ends close (readers see the end, writers a broken pipe) and its segments are detached. */
    void exited(Proc p, long t) {
        for (int id : List.copyOf(p.ends)) {
            End e = ends.get(id);
            release(p, e);
            flow(e.pipe(), t);
        }
        segments.values().forEach(s -> s.detach(p.pid));
        p.blockedOn = null;
        p.signals.clear();
    }

    // ---- messages ----

    /** Whether a send goes straight between the two processes' nodes: both asked for direct communication. */
    boolean direct(Proc p, int pid) {
        Proc q = kernel.proc(pid);
        return p.direct && q != null && q.direct;
    }

    Object send(Proc p, int pid, byte[] data, long t) {
        Proc q = kernel.proc(pid);
        if (q == null || !q.alive()) {
            return new SyscallException(Errno.ESRCH, "send: no process " + pid);
        }
        boolean direct = p.direct && q.direct;
        int from = direct ? p.where : p.home;
        int to = direct ? q.where : q.home;
        long at = q.mailbox.post(p.pid, data, t + call() + hop(from, to, data.length));
        p.usage.ipcBytes(to, data.length);
        q.usage.ipcBytes(from, data.length);
        if (q.blockedOn instanceof Recv r && at < r.wakeAt()) { // it waits, and this one comes sooner
            if (r.taken() != null) {
                q.mailbox.putBack(r.taken());
            }
            awaitMessage(q, r.deadline());
        }
        return new Answer.Later(null, t + call());
    }

    Object recv(Proc p, double timeout, long t) {
        Optional<Mailbox.Message> m = p.mailbox.take(t);
        if (m.isPresent() || timeout == 0) {
            return new Answer.Later(m.map(Ipc::received).orElse(null), t + call());
        }
        block(p, null);
        awaitMessage(p, timeout < 0 ? Long.MAX_VALUE : Kernel.after(t, timeout));
        return Answer.BLOCKED;
    }

    /** Sets when a receiver wakes: at its next message's arrival, or at its deadline, whichever is first. */
    private void awaitMessage(Proc q, long deadline) {
        long arrival = q.mailbox.next().orElse(Long.MAX_VALUE);
        long wakeAt = Math.min(arrival, deadline);
        Mailbox.Message taken = arrival != Long.MAX_VALUE && arrival <= deadline ? q.mailbox.take(arrival).orElseThrow() : null;
        q.blockedOn = new Recv(deadline, taken, wakeAt);
        if (wakeAt != Long.MAX_VALUE) {
            kernel.answerBlocked(q, taken == null ? null : received(taken), wakeAt + (taken == null ? 0 : call()));
        }
    }

    private static Received received(Mailbox.Message m) {
        return new Received(m.from(), m.data());
    }

    // ---- signals ----

    Object kill(Proc p, int pid, int number, long t) {
        Proc q = kernel.proc(pid);
        if (q == null || !q.alive()) {
            return new SyscallException(Errno.ESRCH, "kill: no process " + pid);
        }
        Optional<Signal> sig = Signal.of(number);
        if (sig.isEmpty()) {
            return new SyscallException("kill: no signal " + number);
        }
        if (!p.mayAlter(q)) {
            return new SyscallException(Errno.EPERM, "kill: operation not permitted: process " + pid + " belongs to " + q.owner + ", not to " + p.owner);
        }
        long at = t + call() + hop(p.home, q.home, 0) + hop(q.home, q.where, 0); // through the homes to where it runs
        signal(q, sig.get(), at);
        return new Answer.Later(null, t + call());
    }

    /** A signal on its way to a process, and when it arrives. */
    record Arrival(Signal signal, long at) {}

    /** A signal on its way to {@code q}, arriving at {@code at}: delivered then, in virtual-time order. */
    void signal(Proc q, Signal sig, long at) {
        kernel.uncruise(q);
        q.signals.add(new Arrival(sig, at));
        kernel.log(at, "signal pid=" + q.pid + " " + sig);
        kernel.deliverAt(q, at);
    }

    /** A signal that reaches {@code q} at once, between quanta (the shell's kill). */
    void signalNow(Proc q, Signal sig, long t) {
        kernel.uncruise(q);
        q.signals.add(new Arrival(sig, t));
        kernel.log(t, "signal pid=" + q.pid + " " + sig);
        deliver(q, t);
    }

    /** Delivers the signals that have reached {@code q} by {@code t}: their handlers, or their default actions. */
    void deliver(Proc q, long t) {
        List<Arrival> due = q.signals.stream().filter(s -> s.at() <= t).sorted(Comparator.comparingLong(Arrival::at)).toList();
        q.signals.removeAll(due);
        for (Arrival arrival : due) {
            if (!q.alive()) {
                return;
            }
            Signal sig = arrival.signal();
            if (sig.catchable() && q.catches.contains(sig.number())) {
                q.caught.add(sig.number());
                continue;
            }
            switch (sig.defaultAction()) {
                case TERMINATE -> kernel.terminate(q, 128 + sig.number(), t);
                case STOP -> kernel.stop(q, true, t);
                case CONTINUE -> kernel.stop(q, false, t);
                case IGNORE -> { }
            }
        }
        if (q.alive() && !q.caught.isEmpty() && q.blockedOn != null) {
            interrupt(q, t);
        }
    }

    /** A caught signal interrupts a blocking call: the handlers run, then the call returns early or is made again. */
    private void interrupt(Proc q, long t) {
        int[] sigs = q.caught.stream().mapToInt(Integer::intValue).toArray();
        q.caught.clear();
        Signalled s = switch (q.blockedOn) {
            case Recv r -> {
                if (r.taken() != null) {
                    q.mailbox.putBack(r.taken());
                }
                yield new Signalled(sigs, null, false);
            }
            case PipeWrite w when w.done() > 0 -> new Signalled(sigs, w.done(), false);
            case Sleep z -> new Signalled(sigs, null, false);
            case Child c -> {
                q.waitingFor = -1;
                yield new Signalled(sigs, null, true);
            }
            default -> new Signalled(sigs, null, true);
        };
        q.blockedOn = null;
        kernel.answerBlocked(q, s, t);
    }

    // ---- shared memory ----

    Object shmget(int key, long bytes) {
        if (bytes > 64 << 20) {
            return new SyscallException("shmget: " + bytes + " bytes is more than a segment may have (64 MB)");
        }
        for (Segment s : segments.values()) {
            if (s.key() == key) {
                return bytes > s.size() ? new SyscallException("shmget: the segment of key " + key + " has " + s.size()
                        + " bytes, asked " + bytes) : (Object) s.id();
            }
        }
        Segment s = new Segment(segments.size() + 1, key, (int) bytes);
        segments.put(s.id(), s);
        return s.id();
    }

    boolean exists(int id) {
        return segments.containsKey(id);
    }

    void attach(Proc p, int id) {
        segments.get(id).attach(p.pid);
    }

    Object shmdt(Proc p, int id) {
        Segment s = segments.get(id);
        if (s == null || !s.detach(p.pid)) {
            return notAttached("shmdt", p, id);
        }
        if (p.confined == CantMove.MONKEY && segments.values().stream().noneMatch(x -> x.isAttached(p.pid))) {
            p.confined = null; // no shared memory left: free to move again
        }
        return null;
    }

    Object shmread(Proc p, int id, int offset, int length) {
        Segment s = segments.get(id);
        if (s == null || !s.isAttached(p.pid)) {
            return notAttached("shmread", p, id);
        }
        try {
            return s.read(offset, length);
        } catch (IndexOutOfBoundsException e) {
            return new SyscallException("shmread: " + e.getMessage());
        }
    }

    Object shmwrite(Proc p, int id, int offset, byte[] bytes) {
        Segment s = segments.get(id);
        if (s == null || !s.isAttached(p.pid)) {
            return notAttached("shmwrite", p, id);
        }
        try {
            s.write(offset, bytes);
            return null;
        } catch (IndexOutOfBoundsException e) {
            return new SyscallException("shmwrite: " + e.getMessage());
        }
    }

    private static SyscallException notAttached(String call, Proc p, int id) {
        return new SyscallException(call + ": segment " + id + " is not attached to process " + p.pid);
    }
}
