package ssi.guest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * The raw system-call object handed to a guest's prelude, which wraps it in the language's own
 * {@code ssi} module and hides it. Only {@link HostAccess.Export}ed members are visible.
 */
public final class SsiBinding {
    private final GuestProcess process;
    private final SplittableRandom random;
    private final Descriptors files;

    SsiBinding(GuestProcess process) {
        this.process = process;
        this.random = new SplittableRandom(process.program().seed() * 0x9E3779B97F4A7C15L + process.calls().getpid());
        this.files = new Descriptors(process);
        process.onSignal(this::runHandler);
    }

    @HostAccess.Export
    public int getpid() {
        return process.calls().getpid();
    }

    @HostAccess.Export
    public int getppid() {
        return process.calls().getppid();
    }

    @HostAccess.Export
    public double time() {
        return process.calls().time(process.workInSlice());
    }

    @HostAccess.Export
    public double random() {
        return random.nextDouble();
    }

    @HostAccess.Export
    public long seed() {
        return random.split().nextLong();
    }

    @HostAccess.Export
    public String path() {
        return process.program().path();
    }

    @HostAccess.Export
    public ProxyArray args() {
        return ProxyArray.fromList(new ArrayList<>(process.program().args()));
    }

    /** The environment variables its program sees. */
    @HostAccess.Export
    public org.graalvm.polyglot.proxy.ProxyObject environment() {
        return org.graalvm.polyglot.proxy.ProxyObject.fromMap(new java.util.HashMap<>(process.environment()));
    }

    /** ssi's version. */
    @HostAccess.Export
    public String version() {
        return GuestRuntime.VERSION;
    }

    /** The node it runs on now, as its programs may see it (Node's {@code os}, Python's {@code platform}). */
    @HostAccess.Export
    public org.graalvm.polyglot.proxy.ProxyObject node() {
        NodeFacts n = process.calls().node();
        return org.graalvm.polyglot.proxy.ProxyObject.fromMap(java.util.Map.of("name", n.name(), "speed", n.speed(), "cpus", n.cpus(),
                "memory", n.memoryBytes(), "free", n.freeBytes(), "load", n.load()));
    }

    /** Its working directory. */
    @HostAccess.Export
    public String cwd() {
        return process.cwd();
    }

    /** Changes its working directory. */
    @HostAccess.Export
    public void chdir(String dir) {
        files.chdir(dir);
    }

    /** ssi's version of one of Node's built-in modules: internal code, a function of {@code (module, exports, require, internals)}. */
    @HostAccess.Export
    public Value nodeModule(String name) {
        return org.graalvm.polyglot.Context.getCurrent().eval(NodeCore.source(name));
    }

    /** Starts a child; {@code stdin} and {@code stdout} are descriptors of pipe ends (or -1), {@code fds} more to pass on. */
    @HostAccess.Export
    public int spawn(String path, Value args, int stdin, int stdout, Value fds) {
        List<String> list = new ArrayList<>();
        if (args != null && !args.isNull()) {
            if (!args.hasArrayElements()) {
                throw new SyscallException("spawn: args must be a list of strings");
            }
            for (long i = 0; i < args.getArraySize(); i++) {
                Value a = args.getArrayElement(i);
                list.add(a.isString() ? a.asString() : a.toString());
            }
        }
        java.util.Map<Integer, Integer> passed = new java.util.TreeMap<>();
        if (fds != null && fds.hasArrayElements()) {
            for (long i = 0; i < fds.getArraySize(); i++) {
                int fd = fds.getArrayElement(i).asInt();
                passed.put(fd, files.end("spawn", fd));
            }
        }
        return (Integer) process.trap(new Syscall.Spawn(path, list, stdin < 0 ? 0 : files.end("spawn", stdin), stdout < 0 ? 0 : files.end("spawn", stdout),
                passed, process.cwd()));
    }

    @HostAccess.Export
    public int wait(int pid) {
        return ((ChildExit) process.trap(new Syscall.Wait(pid))).status();
    }

    /** Waits for a child; returns its status and what it used: {@code {status, cpu, work, nmigs, forwarded}}. */
    @HostAccess.Export
    public Object waitinfo(int pid) {
        ChildExit e = (ChildExit) process.trap(new Syscall.Wait(pid));
        return org.graalvm.polyglot.proxy.ProxyObject.fromMap(java.util.Map.of("status", e.status(), "cpu", e.cpuSeconds(),
                "work", e.work(), "nmigs", e.nmigs(), "forwarded", e.forwarded()));
    }

    @HostAccess.Export
    public void sleep(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new SyscallException("sleep: seconds must be a finite number >= 0, got " + seconds);
        }
        process.trap(new Syscall.Sleep(seconds));
    }

    @HostAccess.Export
    public void exit(int status) {
        process.trap(new Syscall.Exit(status));
    }

    @HostAccess.Export
    public int where() {
        return process.calls().where();
    }

    /** Moves to a node, given by id or name, or {@code home}; returns the node it runs on afterwards. */
    @HostAccess.Export
    public int migrate(Value target) {
        if (target == null || !(target.isString() || target.fitsInInt())) {
            throw new SyscallException("migrate: target must be a node id, a node name or 'home', got " + shown(target));
        }
        return (Integer) process.trap(new Syscall.Migrate(target.isString() ? target.asString() : String.valueOf(target.asInt())));
    }

    @HostAccess.Export
    public void lock(boolean locked) {
        process.calls().lock(locked);
    }

    @HostAccess.Export
    public int alloc(double bytes) {
        return (Integer) process.trap(new Syscall.Alloc(whole("alloc", "bytes", bytes)));
    }

    @HostAccess.Export
    public void free(int handle) {
        process.trap(new Syscall.Free(handle));
    }

    @HostAccess.Export
    public void touch(int handle, double offset, double length) {
        process.calls().touch(handle, whole("touch", "offset", offset), length < 0 ? -1 : whole("touch", "length", length));
    }

    @HostAccess.Export
    public int shmget(int key, double bytes) {
        return (Integer) process.trap(new Syscall.ShmGet(key, whole("shmget", "bytes", bytes)));
    }

    @HostAccess.Export
    public void shmat(int id) {
        process.trap(new Syscall.ShmAt(id));
    }

    @HostAccess.Export
    public void shmdt(int id) {
        process.trap(new Syscall.ShmDt(id));
    }

    @HostAccess.Export
    public String shmread(int id, double offset, double length) {
        byte[] got = (byte[]) process.trap(new Syscall.ShmRead(id, (int) whole("shmread", "offset", offset), (int) whole("shmread", "length", length)));
        return new String(got, java.nio.charset.StandardCharsets.UTF_8);
    }

    @HostAccess.Export
    public void shmwrite(int id, double offset, String text) {
        process.trap(new Syscall.ShmWrite(id, (int) whole("shmwrite", "offset", offset), text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Sends text to a process. */
    @HostAccess.Export
    public void send(int pid, String data) {
        process.trap(new Syscall.Send(pid, data.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Waits for a message up to {@code timeout} seconds (forever if negative): {@code {from, data}}, or null. */
    @HostAccess.Export
    public Object recv(double timeout) {
        if (Double.isNaN(timeout)) {
            throw new SyscallException("recv: timeout must be a number of seconds, got NaN");
        }
        Received r = (Received) process.trap(new Syscall.Recv(timeout));
        return r == null ? null : org.graalvm.polyglot.proxy.ProxyObject.fromMap(java.util.Map.of(
                "from", r.from(), "data", new String(r.data(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Gives the state its next checkpoint will hold (text, e.g. JSON): what it needs to go on after a recovery. */
    @HostAccess.Export
    public void checkpoint(String state) {
        process.calls().checkpoint(state);
    }

    /** The state of the checkpoint this process was recovered from, or null if it started afresh. */
    @HostAccess.Export
    public String restored() {
        return process.calls().restored();
    }

    /** Asks for direct communication with processes that ask for it too (MOSIX's migratable sockets). */
    @HostAccess.Export
    public void direct(boolean on) {
        process.calls().direct(on);
    }

    /** Sends a signal, by name ({@code SIGTERM}, {@code TERM}) or number. */
    @HostAccess.Export
    public void kill(int pid, Value signal) {
        process.trap(new Syscall.Kill(pid, signal("kill", signal).number()));
    }

    private final java.util.Map<Integer, Value> handlers = new java.util.HashMap<>();

    /** Sets the handler of a signal (a function of its name), or back to its default action with null. */
    @HostAccess.Export
    public void signal(Value signal, Value handler) {
        ssi.api.Signal sig = signal("signal", signal);
        if (!sig.catchable()) {
            throw new SyscallException(Errno.EINVAL, "signal: " + sig + " cannot be caught");
        }
        boolean caught = handler != null && !handler.isNull();
        if (caught && !handler.canExecute()) {
            throw new SyscallException("signal: the handler of " + sig + " must be a function, got " + shown(handler));
        }
        if (caught) {
            handlers.put(sig.number(), handler);
        } else {
            handlers.remove(sig.number());
        }
        process.calls().catches(sig.number(), caught);
    }

    private void runHandler(int signal) {
        Value h = handlers.get(signal);
        if (h != null) {
            h.execute(ssi.api.Signal.of(signal).map(Enum::name).orElse(String.valueOf(signal)));
        }
    }

    private static ssi.api.Signal signal(String call, Value v) {
        String text = v == null || v.isNull() ? "" : v.isString() ? v.asString() : v.fitsInInt() ? String.valueOf(v.asInt()) : null;
        if (text == null) {
            throw new SyscallException(call + ": a signal is a name or a number, got " + shown(v));
        }
        return ssi.api.Signal.parse(text).orElseThrow(() -> new SyscallException(call + ": no signal " + shown(v)
                + " (known: " + java.util.Arrays.stream(ssi.api.Signal.values()).map(Enum::name).toList() + ")"));
    }

    /** A guest's value as an error shows it, in the guest's terms: a string quoted (and cut if long), a number, else its type's name. */
    private static String shown(Value v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isString()) {
            String s = v.asString();
            return "'" + Descriptors.printable(s.length() > 60 ? s.substring(0, 60) + "..." : s) + "'";
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.toString();
        }
        Value meta = v.getMetaObject();
        return meta == null ? "a value of another kind" : "a value of type " + meta.getMetaSimpleName();
    }

    private static long whole(String call, String what, double v) {
        if (!(v >= 0) || v != Math.floor(v) || v > Long.MAX_VALUE) {
            throw new SyscallException(call + ": " + what + " must be a whole number >= 0, got " + v);
        }
        return (long) v;
    }

    // ---- descriptors and files ----

    /** Opens a file: mode {@code r}, {@code w} (create or truncate) or {@code a} (create or append); returns a descriptor. */
    @HostAccess.Export
    public int open(String path, String mode) {
        return files.open(path, mode);
    }

    /** Makes a pipe: returns its read end's descriptor and its write end's. */
    @HostAccess.Export
    public ProxyArray pipe() {
        return files.pipe();
    }

    /** Reads up to {@code max} bytes (all that is left if negative) as UTF-8 text; empty at the end. A pipe waits for some. */
    @HostAccess.Export
    public String read(int fd, double max) {
        return files.read(fd, max);
    }

    /** Writes text (UTF-8); returns the bytes written. A pipe waits for room; 1 and 2 are the process's stdout and stderr. */
    @HostAccess.Export
    public int write(int fd, String text) {
        return files.write(fd, text);
    }

    /** Closes a descriptor: a file written through it now holds its new content; a pipe's reader sees the end once every writer closed. */
    @HostAccess.Export
    public void close(int fd) {
        files.close(fd);
    }

    /** A file's size, whether it is a directory, and its modification time in seconds. */
    @HostAccess.Export
    public org.graalvm.polyglot.proxy.ProxyObject stat(String path) {
        return files.stat(path);
    }

    /** The names in a directory, sorted. */
    @HostAccess.Export
    public ProxyArray listdir(String path) {
        return files.listdir(path);
    }

    @HostAccess.Export
    public void unlink(String path) {
        files.unlink(path);
    }

    @HostAccess.Export
    public void mkdir(String path) {
        files.mkdir(path);
    }
}
