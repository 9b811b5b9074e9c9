package ssi.kernel;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import ssi.api.NodeSpec;
import ssi.guest.NodeFacts;
import ssi.guest.SyscallException;
import ssi.guest.SystemCalls;
import ssi.mfs.FileGate;
import ssi.mfs.GuestFileSystem;

/**
 * The local system calls of one process, answered on its guest thread while the kernel waits for
 * its slice to end (so nothing they read changes meanwhile): its identity, the time, terminal
 * output at home, its files, and its own flags and memory.
 */
final class LocalCalls implements SystemCalls {
    private final Kernel k;
    private final Proc p;

    LocalCalls(Kernel k, Proc p) {
        this.k = k;
        this.p = p;
    }

    @Override
    public int getpid() {
        return p.pid;
    }

    @Override
    public int getppid() {
        return p.ppid;
    }

    @Override
    public int where() {
        return p.where;
    }

    @Override
    public double time(long workInSlice) {
        return p.timeAt(workInSlice) / 1e9;
    }

    @Override
    public boolean output(boolean stderr, byte[] bytes, long workInSlice) {
        if (p.where != p.home || !stderr && p.ipc.fds().containsKey(1)) {
            return false; // the terminal is at home (the deputy writes it), or stdout is a pipe: the kernel writes it
        }
        p.ioCalls++;
        p.outputs.add(new Output(p.timeAt(workInSlice), p.pid, stderr, new String(bytes, StandardCharsets.UTF_8)));
        return true;
    }

    @Override
    public org.graalvm.polyglot.io.FileSystem fileSystem(FileGate gate) {
        return new GuestFileSystem(k.files().view(p.home, p.pid), gate).forGuest();
    }

    @Override
    public long heapLimitBytes() {
        return k.image().heapGuard().limitBytes();
    }

    @Override
    public NodeFacts node() {
        NodeSpec n = k.nodes.spec(p.where);
        return new NodeFacts(n.name(), n.speed(), n.cpus(), n.memory(), k.nodes.freeMemory(n.id()), k.balancer.loadIndex(n.id()));
    }

    @Override
    public void lock(boolean locked) {
        p.locked = locked;
    }

    @Override
    public Map<Integer, Integer> ends() {
        return p.ipc.fds();
    }

    @Override
    public void catches(int signal, boolean caught) {
        p.ipc.catches(signal, caught);
    }

    @Override
    public void direct(boolean on) {
        p.ipc.direct(on);
    }

    @Override
    public void checkpoint(String state) {
        p.appState = state;
    }

    @Override
    public String restored() {
        return p.restored;
    }

    @Override
    public void touch(int handle, long offset, long length) {
        try {
            p.memory.touch(handle, offset, length < 0 ? p.memory.blockBytes(handle) - offset : length);
        } catch (IllegalArgumentException e) {
            throw new SyscallException(e.getMessage().startsWith("touch") ? e.getMessage() : "touch: " + e.getMessage());
        }
    }
}
