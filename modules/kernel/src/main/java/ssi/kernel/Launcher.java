package ssi.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ssi.guest.Answer;
import ssi.guest.Errno;
import ssi.guest.GuestProgram;
import ssi.guest.Language;
import ssi.guest.ProcessBody;
import ssi.guest.Syscall;
import ssi.guest.SyscallException;
import ssi.guest.SystemCalls;
import ssi.mfs.FileView;
import ssi.mfs.Namespace;
import ssi.migration.AddressSpace;
import ssi.migration.Checkpoints;

/**
 * How processes start: a program read through the namespace as {@code exec} reads it, started
 * by {@code mosrun} (at home, on a node given or the best one), in a pipeline, by a guest's
 * {@code spawn}, or again from its checkpoint ({@code mosrun -R}); and the checkpoints written
 * as processes run ({@code mosrun -C}).
 */
final class Launcher {
    private final Kernel k;
    private final Checkpoints<RunOptions.Mode> checkpoints;

    Launcher(Kernel k) {
        this.k = k;
        this.checkpoints = new Checkpoints<>(k.files().state().resolve("checkpoints"), RunOptions.Mode.class, RunOptions.USER);
    }

    /** Starts a program whose home is {@code home}, as mosrun with {@code options} does there; returns its pid. */
    int spawn(int home, String path, List<String> args, RunOptions options) throws KernelException {
        k.image().requireNode(home);
        k.processes.requireRoom(Map.of(options.owner(), 1));
        GuestProgram program = load(path, args, options.cwd(), home);
        long now = k.quantum.now();
        Proc p = k.processes.create(0, home, startNode(home, program, options), program, options.mode(), options.locked(), options.hint(),
                Map.of(), now, options.owner());
        if (options.checkpointNanos() > 0) {
            p.checkpointNanos = options.checkpointNanos();
            p.nextCheckpoint = now + options.checkpointNanos();
        }
        return p.pid;
    }

    /**
     * {@code mosrc -r TARGET}: starts a program on node {@code target} of another entity (a cluster
     * that is not this one: not connected, or plain Linux servers) whose home is {@code home}, the
     * launching node: its deputy stays there, and {@code /home} and {@code /tmp} are its home's
     * files, so its output and every file it opens there go over the network between the two
     * (through the deputy, as for a migrated process). Returns its pid.
     */
    int spawnRemote(int home, String target, String path, List<String> args, RunOptions options) throws KernelException {
        k.image().requireNode(home);
        int at = k.image().nodeId(target, home);
        Clusters rules = k.clusters.rules;
        if (rules.of(at) == rules.of(home)) {
            throw new KernelException("mosrc runs a job on another entity's node: " + k.nodes.spec(at).name() + " is in cluster "
                    + rules.name(rules.of(home)) + ", this one (use mosrun -r " + k.nodes.spec(at).name() + ")");
        }
        if (!k.nodes.up(at)) {
            throw new KernelException("cannot reach " + k.nodes.spec(at).name() + ": node " + at + " is down");
        }
        k.processes.requireRoom(Map.of(options.owner(), 1));
        GuestProgram program = load(path, args, options.cwd(), home);
        Proc p = k.processes.create(0, home, at, program, RunOptions.Mode.STRICT, options.locked(), options.hint(), Map.of(), k.quantum.now(),
                options.owner());
        p.remote = rules.of(at);
        k.trace.log(k.quantum.now(), "mosrc pid=" + p.pid + " target=" + at + " cluster=" + rules.name(p.remote));
        return p.pid;
    }

    /** Starts a process at {@code home} whose body runs on the kernel's thread: a synthetic process (or a test's). */
    int spawnBody(int home, String command, Function<SystemCalls, ProcessBody> body) throws KernelException {
        Image image = k.image();
        image.requireNode(home);
        k.nodes.requireUp(home);
        AddressSpace memory = new AddressSpace(image.pageBytes(), image.processBytes());
        k.nodes.requireMemory(home, memory, "a synthetic process");
        long now = k.quantum.now();
        Proc p = k.processes.createBody(home, command, memory, now);
        p.guest = body.apply(new LocalCalls(k, p));
        k.trace.log(now, "spawn pid=" + p.pid + " ppid=0 node=" + home + " " + p.command());
        k.balancer.place(p, now);
        return p.pid;
    }

    /** Starts a pipeline, as a shell does: each command's stdout is a pipe to the next one's stdin. */
    List<Integer> pipeline(int home, List<List<String>> commands, List<RunOptions> options) throws KernelException {
        k.image().requireNode(home);
        if (commands.size() != options.size()) {
            throw new IllegalArgumentException("one RunOptions per command");
        }
        if (commands.size() < 2 || commands.stream().anyMatch(List::isEmpty)) {
            throw new KernelException("a pipeline needs two commands or more, each a program and its arguments");
        }
        Map<String, Integer> starting = new HashMap<>();
        options.forEach(o -> starting.merge(o.owner(), 1, Integer::sum));
        k.processes.requireRoom(starting);
        List<GuestProgram> programs = new ArrayList<>();
        for (List<String> c : commands) {
            programs.add(load(c.getFirst(), c.subList(1, c.size()), options.get(programs.size()).cwd(), home));
        }
        List<Map<Integer, Integer>> ends = k.ipc.pipeline(home, k.processes.nextPid(), programs.size());
        List<Integer> pids = new ArrayList<>();
        for (int i = 0; i < programs.size(); i++) {
            RunOptions o = options.get(i);
            Proc p = k.processes.create(0, home, startNode(home, programs.get(i), o), programs.get(i), o.mode(), o.locked(), o.hint(),
                    ends.get(i), k.quantum.now(), o.owner());
            k.ipc.adopt(p);
            pids.add(p.pid);
        }
        return pids;
    }

    /** The {@code spawn} call of a guest at {@code t}: its child's pid, or why not (after the kernel's work on a call, as a refusal costs). */
    Object spawnChild(Proc p, Syscall.Spawn s, long t) {
        Image image = k.image();
        try {
            k.processes.requireRoom(Map.of(p.owner, 1)); // first: a fork bomb's refusals cost the host next to nothing
            GuestProgram program = load(s.path(), s.args(), s.cwd(), p.home);
            long base = baseBytes(image, program);
            // a MOSRC job's children disperse among the nodes of a MOSIX entity (it has no MOSIX to move them later)
            int at = p.remote >= 0 && !k.clusters.rules.linux(p.remote) ? k.nodes.best(base, null, p.home, p.remote) : p.where;
            k.nodes.requireMemory(at, new AddressSpace(image.pageBytes(), base), program.path()); // before its pipe ends are opened
            Map<Integer, Integer> ends = k.ipc.passOn(p, s, k.processes.nextPid());
            Proc child = k.processes.create(p.pid, p.home, at, program, p.mode, p.locked, p.hint, ends, t, p.owner);
            child.remote = p.remote;
            k.ipc.adopt(child);
            k.quantum.wake(child, t);
            return child.pid;
        } catch (KernelException ex) { // a refusal costs the kernel's work on a call: a fork bomb's spinning is bound by its CPU
            return new Answer.Work(new SyscallException(spawnError(ex.getMessage()), "spawn: " + ex.getMessage()), image.deputyWork());
        } catch (SyscallException ex) {
            return new Answer.Work(ex, image.deputyWork());
        }
    }

    /** Where a program started with {@code options} from {@code home} runs first; refused if that node cannot take it. */
    private int startNode(int home, GuestProgram program, RunOptions options) throws KernelException {
        int start = switch (options.start()) {
            case RunOptions.HOME -> home;
            case RunOptions.BEST -> k.nodes.best(baseBytes(k.image(), program), null, home);
            default -> k.image().requireNode(options.start());
        };
        if (options.mode() == RunOptions.Mode.NATIVE && start != home) {
            throw new KernelException("a native process (mosrun -E) runs at its home node, not node " + start);
        }
        k.nodes.requireUp(home);
        k.nodes.requireUp(start);
        if (start != home && k.nodes.blocks(start)) {
            throw new KernelException("node " + start + " blocks guests");
        }
        if (!k.clusters.rules.mayRun(home, start)) {
            Clusters rules = k.clusters.rules;
            throw new KernelException("node " + start + " is in cluster " + rules.name(rules.of(start)) + ", which does not take processes of cluster "
                    + rules.name(rules.of(home)) + " now");
        }
        return start;
    }

    /**
     * {@code mosrun -R}: starts a process again from its last checkpoint, at its home. A running
     * guest's heap cannot be saved (GraalVM contexts cannot be snapshotted), so what is restored is
     * its program, arguments, home, options and counters, and the state its program gave to
     * {@code ssi.checkpoint}, which it reads back with {@code ssi.restored()} to go on from there.
     * Returns the new pid.
     */
    int recover(int pid) throws KernelException {
        Proc old = k.processes.get(pid);
        if (old != null && old.alive()) {
            throw new KernelException("process " + pid + " is still running");
        }
        Checkpoints.Saved<RunOptions.Mode> c;
        try {
            c = checkpoints.read(pid).orElseThrow(() -> new KernelException("no checkpoint of process " + pid + " (start it with mosrun -C)"));
        } catch (IOException e) {
            throw new KernelException("the checkpoint of process " + pid + " is unreadable: " + e.getMessage());
        }
        k.nodes.requireUp(k.image().requireNode(c.home()));
        k.processes.requireRoom(Map.of(c.owner(), 1));
        long now = k.quantum.now();
        Proc p = k.processes.create(0, c.home(), c.home(), load(c.program(), c.args(), "/", c.home()), c.mode(), c.locked(), c.hint(),
                Map.of(), now, c.owner());
        p.restored = c.state();
        p.appState = c.state();
        p.cpuSeconds = c.cpuSeconds();
        p.work = c.work();
        p.nmigs = c.nmigs();
        p.checkpointNanos = c.intervalNanos();
        p.nextCheckpoint = now + c.intervalNanos();
        k.trace.log(now, "recover pid=" + p.pid + " from=" + pid + " checkpoint t=" + c.time());
        return p.pid;
    }

    /** Writes the checkpoints due by {@code t}: of each process started with {@code mosrun -C} whose interval has passed. */
    void checkpointsDue(long t) {
        for (Proc p : List.copyOf(k.processes.sliced)) { // a cruising process is synthetic: it keeps no checkpoints
            if (p.alive() && p.checkpointNanos > 0 && p.nextCheckpoint <= t) {
                checkpoint(p, t);
                while (p.nextCheckpoint <= t) {
                    p.nextCheckpoint += p.checkpointNanos;
                }
            }
        }
    }

    /** Writes a process's checkpoint: how to start it again, what it had used, and the state its program gave. */
    private void checkpoint(Proc p, long t) {
        try {
            checkpoints.write(new Checkpoints.Saved<>(p.pid, p.program.path(), p.program.args(), p.home, p.mode, p.locked, p.hint,
                    p.checkpointNanos, t, p.cpuSeconds, p.work, p.nmigs, p.appState, p.owner));
            k.trace.log(t, "checkpoint pid=" + p.pid);
        } catch (IOException e) {
            k.trace.notice(t, "checkpoint of process " + p.pid + " failed: " + e.getMessage());
        }
    }

    /** A new process's memory: its runtime and its program's text. */
    static long baseBytes(Image image, GuestProgram program) {
        return image.processBytes() + program.source().getBytes(StandardCharsets.UTF_8).length;
    }

    /** Refuses a program that {@code home} cannot load, as {@link #spawn} would (the queue checks a job as it is queued). */
    void requireProgram(String path, String cwd, int home) throws KernelException {
        load(path, List.of(), cwd, home);
    }

    /**
     * Reads a program as {@code exec} would for a process of home {@code home} standing in
     * {@code cwd}: a path with a slash is taken from {@code cwd} when it names a file there, and a
     * bare name (or a path not found there) from {@code /bin}, as a shell's PATH does. The program is
     * read through the namespace, so it may live anywhere a process can read: {@code /bin},
     * {@code /home}, {@code /mfs/N}.
     */
    private GuestProgram load(String path, List<String> args, String cwd, int home) throws KernelException {
        FileView view = k.files().view(home);
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
            return new GuestProgram(abs, source, language, args, k.seed(), cwd);
        } catch (IOException e) {
            throw new KernelException("cannot read " + abs + ": " + e.getMessage());
        }
    }

    private static boolean isFile(FileView view, String path) {
        try {
            return Boolean.TRUE.equals(view.attributes(path, "isRegularFile").get("isRegularFile"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Why a spawn was refused, as exec and fork say it. */
    private static Errno spawnError(String why) {
        return why.startsWith("no such program") ? Errno.ENOENT : why.startsWith("not a guest program") ? Errno.ENOEXEC
                : why.startsWith("out of memory") ? Errno.ENOMEM : why.startsWith("resource temporarily unavailable") ? Errno.EAGAIN
                : Errno.EINVAL;
    }
}
