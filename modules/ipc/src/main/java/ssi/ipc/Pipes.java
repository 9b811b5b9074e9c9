package ssi.ipc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import ssi.guest.Answer;
import ssi.guest.Errno;
import ssi.guest.Syscall;
import ssi.guest.SyscallException;

/** Pipes and their ends: bounded byte streams between processes, kept at their creator's home. */
final class Pipes<P extends Party> {
    private final Ipc.Host<P> host;
    private final Costs costs;
    private final Map<Integer, PipeEnd> ends = new HashMap<>();
    private int nextEnd = 1;
    private int nextPipe = 1;

    Pipes(Ipc.Host<P> host, Costs costs) {
        this.host = host;
        this.costs = costs;
    }

    Object pipe(P p, long t) {
        Pipe pipe = new Pipe(nextPipe++);
        PipeEnd r = open(pipe, false, p.home(), p.pid());
        PipeEnd w = open(pipe, true, p.home(), p.pid());
        p.ipc().ends.add(r.id());
        p.ipc().ends.add(w.id());
        host.log(t, "pipe pid=" + p.pid() + " pipe=" + pipe.id() + " ends=" + r.id() + "," + w.id());
        return new Answer.Later(new int[] {r.id(), w.id()}, t + costs.callNanos());
    }

    private PipeEnd open(Pipe pipe, boolean write, int node, int owner) {
        PipeEnd e = new PipeEnd(nextEnd++, pipe, write, node, owner);
        ends.put(e.id(), e);
        pipe.open(write);
        return e;
    }

    /** The end {@code id} if {@code p} holds it (the right way round, unless {@code write} is null); else the error to answer. */
    private Object held(P p, int id, String call, Boolean write) {
        PipeEnd e = ends.get(id);
        if (e == null || e.owner() != p.pid()) {
            return new SyscallException(Errno.EBADF, call + ": no open pipe end " + id);
        }
        if (write != null && e.write() != write) {
            return new SyscallException(Errno.EBADF, call + ": that is the pipe's " + (e.write() ? "write" : "read") + " end");
        }
        return e;
    }

    Object read(P p, int id, int max, long t) {
        Object held = held(p, id, "read", false);
        if (!(held instanceof PipeEnd e)) {
            return held;
        }
        if (e.pipe().available() > 0) {
            byte[] got = e.pipe().take(max);
            count(p, e, got.length);
            flow(e.pipe(), t);
            return new Answer.Later(got, t + costs.callNanos());
        }
        if (e.pipe().atEnd()) {
            return new Answer.Later(new byte[0], t + costs.callNanos());
        }
        block(p, new Wait.PipeRead(e, max));
        return Answer.BLOCKED;
    }

    Object write(P p, int id, byte[] bytes, long t) {
        Object held = held(p, id, "write", true);
        if (!(held instanceof PipeEnd e)) {
            return held;
        }
        if (e.pipe().broken()) {
            return brokenPipe(e);
        }
        int n = e.pipe().put(bytes, 0);
        count(p, e, n);
        flow(e.pipe(), t);
        if (n == bytes.length) {
            return new Answer.Later(n, t + costs.callNanos());
        }
        block(p, new Wait.PipeWrite(e, bytes, n));
        return Answer.BLOCKED;
    }

    private static SyscallException brokenPipe(PipeEnd e) {
        return new SyscallException(Errno.EPIPE, "write: broken pipe (EPIPE): no process reads pipe " + e.pipe().id());
    }

    Object close(P p, int id, long t) {
        Object held = held(p, id, "close", null);
        if (!(held instanceof PipeEnd e)) {
            return held;
        }
        release(p, e);
        flow(e.pipe(), t);
        return new Answer.Later(null, t + costs.callNanos());
    }

    private void release(P p, PipeEnd e) {
        ends.remove(e.id());
        p.ipc().ends.remove(e.id());
        e.pipe().close(e.write());
    }

    private static void block(Party p, Wait w) {
        p.ipc().waitingIn = w;
        p.block();
    }

    private static void count(Party p, PipeEnd e, int bytes) {
        if (bytes > 0) {
            p.countIpc(e.node(), bytes);
        }
    }

    /** Moves bytes between a pipe's blocked writers and readers at {@code t}, and ends or breaks their waits, until none can go on. */
    private void flow(Pipe pipe, long t) {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (P q : waiting(pipe)) {
                switch (q.ipc().waitingIn) {
                    case Wait.PipeRead r when pipe.available() > 0 -> {
                        byte[] got = pipe.take(r.max());
                        count(q, r.end(), got.length);
                        answer(q, got, t);
                        moved = true;
                    }
                    case Wait.PipeRead r when pipe.atEnd() -> answer(q, new byte[0], t);
                    case Wait.PipeWrite w when pipe.broken() -> answer(q, w.done() > 0 ? w.done() : brokenPipe(w.end()), t);
                    case Wait.PipeWrite w when pipe.room() > 0 -> {
                        int n = pipe.put(w.bytes(), w.done());
                        count(q, w.end(), n);
                        moved = true;
                        if (w.done() + n == w.bytes().length) {
                            answer(q, w.bytes().length, t);
                        } else {
                            q.ipc().waitingIn = new Wait.PipeWrite(w.end(), w.bytes(), w.done() + n);
                        }
                    }
                    default -> { } // still waiting
                }
            }
        }
    }

    /** The processes blocked on a pipe, by pid. */
    private List<P> waiting(Pipe pipe) {
        return host.processes().stream().filter(q -> q.alive() && switch (q.ipc().waitingIn) {
            case Wait.PipeRead r -> r.end().pipe() == pipe;
            case Wait.PipeWrite w -> w.end().pipe() == pipe;
            case null, default -> false;
        }).sorted(Comparator.comparingInt(Party::pid)).toList();
    }

    private void answer(P q, Object answer, long t) {
        q.ipc().waitingIn = null;
        host.answer(q, answer, t + costs.callNanos());
    }

    /** The child's ends, by its descriptors: its own copies of those the parent passes on. */
    Map<Integer, Integer> passOn(P parent, Syscall.Spawn s, int child) {
        Map<Integer, Integer> wanted = new TreeMap<>(s.ends());
        if (s.stdin() != 0) {
            wanted.put(0, s.stdin());
        }
        if (s.stdout() != 0) {
            wanted.put(1, s.stdout());
        }
        for (Map.Entry<Integer, Integer> w : wanted.entrySet()) {
            PipeEnd e = ends.get(w.getValue());
            if (e == null || e.owner() != parent.pid()) {
                throw new SyscallException(Errno.EBADF, "spawn: no open pipe end " + w.getValue() + " to pass on");
            }
            if (w.getKey() == 0 && e.write() || w.getKey() == 1 && !e.write()) {
                throw new SyscallException(Errno.EBADF, "spawn: " + (w.getKey() == 0 ? "stdin must be a read end" : "stdout must be a write end"));
            }
        }
        Map<Integer, Integer> copies = new TreeMap<>();
        wanted.forEach((fd, id) -> {
            PipeEnd e = ends.get(id);
            copies.put(fd, open(e.pipe(), e.write(), e.node(), child).id());
        });
        return copies;
    }

    /** The ends of {@code n} processes from pid {@code firstPid} on, each one's stdout a pipe to the next one's stdin. */
    List<Map<Integer, Integer>> pipeline(int node, int firstPid, int n) {
        List<Map<Integer, Integer>> fds = new ArrayList<>();
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
    void adopt(P child) {
        child.ipc().ends.addAll(child.ipc().fds.values());
    }

    /** A process's stdout, if it is a pipe end it still holds. */
    Optional<Integer> stdout(P p) {
        Integer end = p.ipc().fds.get(1);
        return end != null && p.ipc().ends.contains(end) ? Optional.of(end) : Optional.empty();
    }

    /** A process ended: its ends close (readers see the end, writers a broken pipe). */
    void exited(P p, long t) {
        for (int id : List.copyOf(p.ipc().ends)) {
            PipeEnd e = ends.get(id);
            release(p, e);
            flow(e.pipe(), t);
        }
    }
}
