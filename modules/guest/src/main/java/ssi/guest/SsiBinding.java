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

    SsiBinding(GuestProcess process) {
        this.process = process;
        this.random = new SplittableRandom(process.program().seed() * 0x9E3779B97F4A7C15L + process.calls().getpid());
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

    @HostAccess.Export
    public int spawn(String path, Value args) {
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
        return (Integer) process.trap(new Syscall.Spawn(path, list));
    }

    @HostAccess.Export
    public int wait(int pid) {
        return (Integer) process.trap(new Syscall.Wait(pid));
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
            throw new SyscallException("migrate: target must be a node id, a node name or 'home', got " + target);
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

    private static long whole(String call, String what, double v) {
        if (!(v >= 0) || v != Math.floor(v) || v > Long.MAX_VALUE) {
            throw new SyscallException(call + ": " + what + " must be a whole number >= 0, got " + v);
        }
        return (long) v;
    }
}
