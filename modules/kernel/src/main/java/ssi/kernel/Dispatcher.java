package ssi.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Optional;
import ssi.api.Link;
import ssi.api.MigrationReason;
import ssi.api.ProcessState;
import ssi.api.VirtualTime;
import ssi.guest.Answer;
import ssi.guest.Errno;
import ssi.guest.Syscall;
import ssi.guest.SyscallException;
import ssi.guest.Yield;
import ssi.ipc.Wait;
import ssi.mfs.FileCall;
import ssi.migration.CantMove;
import ssi.migration.Deputy;

/**
 * The system-call dispatcher: what a slice ended with, handled at its event. A call that must run
 * at home goes to the deputy while the process is away; every call goes to the part that owns it
 * (IPC to {@code ssi.ipc}, a migration to {@code ssi.migration}, files to the namespace, processes
 * and memory to the kernel's tables), and its answer comes back now, later, or when it unblocks.
 */
final class Dispatcher {
    private final Kernel k;

    Dispatcher(Kernel k) {
        this.k = k;
    }

    /** The event of a process's slice: its budget spent, its end, or a system call. */
    void handle(Proc p, Yield y) {
        if (!p.alive()) {
            return; // killed by a signal that arrived during its slice
        }
        if (p.failed != null) {
            k.faults.fault(p, p.failed, p.sliceStart);
            return;
        }
        long t = p.timeAt(y.work());
        p.cpuSeconds += k.quantum.cpu.cpuSeconds(y.work(), k.nodes.spec(p.where).speed());
        p.work += y.work();
        switch (y) {
            case Yield.BudgetSpent b -> {
                p.readyAt = k.quantum.roundEnd();
                k.cruises.joinIfQuiet(p);
            }
            case Yield.Exited e -> {
                if (!e.error().isEmpty()) {
                    k.trace.emit(new Output(t, p.pid, true, e.error()));
                }
                k.processes.exit(p, e.status(), t);
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
                        k.quantum.resume(p, later.answer(), later.at());
                    } else if (answer instanceof Answer.Work w) { // it runs meanwhile, in the kernel: its CPU share bounds how often
                        p.cpuSeconds += k.quantum.cpu.cpuSeconds(w.units(), k.nodes.spec(p.where).speed());
                        k.quantum.resume(p, w.answer(), t + Math.round(w.units() * p.nanosPerUnit));
                    } else if (answer != Answer.BLOCKED) {
                        k.quantum.resume(p, answer, t);
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
            case Syscall.Send s -> !k.ipc.direct(p, s.pid());
            case Syscall.Recv r -> !p.ipc.direct();
            case Syscall.Pipe _, Syscall.PipeRead _, Syscall.PipeWrite _, Syscall.PipeClose _, Syscall.Kill _, Syscall.Spawn _,
                 Syscall.Wait _, Syscall.Write _, Syscall.ShmGet _, Syscall.Demand _ -> true;
            case Syscall.ShmDt _, Syscall.ShmRead _, Syscall.ShmWrite _, Syscall.Sleep _, Syscall.Exit _, Syscall.Alloc _, Syscall.Free _,
                 Syscall.Migrate _, Syscall.ShmAt _ -> false;
        };
    }

    /** Carries out a call at time {@code t}; returns its answer, an {@link Answer.Later} one, or {@link Answer#BLOCKED}. */
    Object execute(Proc p, Syscall call, long t) {
        return switch (call) {
            case Syscall.File f -> file(p, f.call(), t);
            case Syscall.Demand d -> new Answer.Later(0, t + k.image().ipcCallNanos()); // served like a small IPC call
            case Syscall.Pipe _, Syscall.PipeRead _, Syscall.PipeWrite _, Syscall.PipeClose _, Syscall.Send _, Syscall.Recv _,
                 Syscall.Kill _, Syscall.ShmRead _, Syscall.ShmWrite _ -> k.ipc.call(p, call, t);
            case Syscall.ShmGet s -> shmget(p, s, t);
            case Syscall.ShmAt s -> shmat(p, s, t);
            case Syscall.ShmDt d -> shmdt(p, d);
            case Syscall.Spawn s -> k.launcher.spawnChild(p, s, t);
            case Syscall.Wait w -> k.processes.waitFor(p, w.pid());
            case Syscall.Sleep s -> {
                if (!(s.seconds() >= 0)) {
                    yield invalid("sleep", "seconds must be a number >= 0, got " + s.seconds());
                }
                p.state = ProcessState.SLEEPING;
                k.quantum.resume(p, null, VirtualTime.after(t, s.seconds()));
                p.ipc.waitIn(Wait.SLEEP); // a caught signal ends it early
                yield Answer.BLOCKED;
            }
            case Syscall.Exit e -> {
                k.processes.exit(p, e.status(), t);
                yield Answer.BLOCKED;
            }
            case Syscall.Write w -> {
                Optional<Integer> pipe = w.stderr() ? Optional.empty() : k.ipc.stdout(p);
                if (pipe.isPresent()) {
                    yield k.ipc.write(p, pipe.get(), w.bytes(), t);
                }
                k.trace.emit(new Output(t, p.pid, w.stderr(), new String(w.bytes(), StandardCharsets.UTF_8)));
                yield null;
            }
            case Syscall.Alloc a -> a.bytes() < 1 ? invalid("alloc", "size must be at least 1 byte, got " + a.bytes()) : k.nodes.alloc(p, a.bytes());
            case Syscall.Free f -> k.nodes.free(p, f.handle());
            case Syscall.Migrate m -> migrate(p, m, t);
        };
    }

    /** The {@code migrate} call: answered where it arrives, once the move ends. */
    private Object migrate(Proc p, Syscall.Migrate m, long t) {
        int to;
        try {
            to = k.image().nodeId(m.target(), p.home);
        } catch (KernelException ex) {
            return new SyscallException(Errno.EINVAL, "migrate: " + ex.getMessage());
        }
        if (to == p.where) {
            return to;
        }
        String refused = k.migrations.start(p, to, MigrationReason.MANUAL, t, true, null);
        if (refused != null) {
            return new SyscallException(Errno.EPERM, "migrate: " + refused);
        }
        k.migrations.advance(p, k.quantum.roundEnd());
        return Answer.BLOCKED;
    }

    // ---- shared memory: IPC's segments, and the confinement to home that using them brings ----

    private Object shmget(Proc p, Syscall.ShmGet s, long t) {
        if (s.bytes() < 0) {
            return invalid("shmget", "size must be at least 0 bytes, got " + s.bytes());
        }
        if (p.mode == RunOptions.Mode.STRICT) {
            return refuseSharedMemory(p, t);
        }
        return k.ipc.shmget(s.key(), s.bytes());
    }

    private Object shmat(Proc p, Syscall.ShmAt s, long t) {
        if (p.mode == RunOptions.Mode.STRICT) {
            return refuseSharedMemory(p, t);
        }
        if (!k.ipc.segment(s.id())) {
            return new SyscallException("shmat: no shared-memory segment " + s.id());
        }
        if (p.where != p.home) { // SysV shared memory never migrates: go home first, then attach
            k.migrations.start(p, p.home, MigrationReason.CONSTRAINT, t, false, s);
            k.migrations.advance(p, k.quantum.roundEnd());
            return Answer.BLOCKED;
        }
        if (p.confined == null) {
            p.confined = CantMove.MONKEY;
            k.trace.log(t, "confined pid=" + p.pid + " reason=" + CantMove.MONKEY.label());
        }
        k.ipc.attach(p, s.id());
        return null;
    }

    private Object shmdt(Proc p, Syscall.ShmDt d) {
        Object answer = k.ipc.detach(p, d.id());
        if (answer == null && p.confined == CantMove.MONKEY && !k.ipc.attached(p)) {
            p.confined = null; // no shared memory left: free to move again
        }
        return answer;
    }

    /** Plain {@code mosrun} stops a program that asks for shared memory, with MOSIX's message. */
    private Object refuseSharedMemory(Proc p, long t) {
        k.trace.emit(new Output(t, p.pid, true, Kernel.SHARED_MEMORY_REFUSED + "\n"));
        k.processes.exit(p, 1, t);
        return Answer.BLOCKED;
    }

    /** The refusal of an argument the kernel cannot take (EINVAL): the guest gets it as an error it can catch. */
    private static SyscallException invalid(String call, String why) {
        return new SyscallException(Errno.EINVAL, call + ": invalid argument: " + why);
    }

    // ---- files ----

    /**
     * Carries out a file operation at {@code t}, from where the process runs if the file is there,
     * else from its home (directly, or by its deputy). The node holding the file spends the
     * operation's time (a fixed part and its bytes at the disk's rate); a file on another node is
     * reached through MFS, adding a request, that node's CPU work and a reply, each message
     * charged by its bytes. The answer comes back when all that is done.
     */
    private Object file(Proc p, FileCall call, long t) {
        Image image = k.image();
        int holder = call.node();
        int site = holder == 0 || holder == p.where ? p.where : p.home;
        if (!k.nodes.up(holder)) {
            return new FileSystemException(call.path(), null, "node " + holder + " is down");
        }
        Admin admin = k.nodes.admin;
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
        long serve = k.quantum.cpu.nanos(image.deputyWork(), k.nodes.spec(holder).speed());
        k.quantum.cpus.charge(holder, serve);
        Link link = k.clusters.rules.link(image.link(), holder, site);
        return new Answer.Later(result, done + link.messageNanos(Link.CONTROL_BYTES + sent) + serve
                + link.messageNanos(Link.CONTROL_BYTES + received));
    }

    /** The network between where a process runs and its home: the image's in one cluster, across both uplinks between two. */
    private Link homeLink(Proc p) {
        return k.clusters.rules.link(k.image().link(), p.where, p.home);
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
        k.nodes.served(p.home);
        long service = k.quantum.cpu.nanos(k.image().deputyWork(), k.nodes.spec(p.home).speed());
        long done = p.deputy.forward(call, t, homeLink(p), service);
        k.quantum.cpus.charge(p.home, service);
        k.quantum.wake(p.deputyTask, done);
    }

    /** The deputy has done the work of its call: the call runs at home, and its answer goes back. */
    void serve(DeputyTask d) {
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
        k.quantum.wake(p, answer, Deputy.replyAt(call, answer, t, homeLink(p)));
    }
}
