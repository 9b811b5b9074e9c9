package ssi.kernel;

import java.util.ArrayList;
import java.util.List;
import ssi.api.Link;
import ssi.api.ProcessState;
import ssi.migration.Freezing;

/**
 * The kernel as MOSIX2's freezing sees it ({@link Freezing}): a frozen process leaves its node
 * (CPU and memory) for its home's disk, and comes back to its home when continued; and the red and
 * blue marks of each node (the manifest's {@code red_mark}, {@code blue_mark}; {@code /proc/mosix/admin}),
 * applied at each quantum's end.
 */
final class FreezingPort implements Freezing.Host<Proc> {
    private final Kernel k;
    final Freezing<Proc> freezing;

    FreezingPort(Kernel k) {
        this.k = k;
        this.freezing = new Freezing<>(this);
    }

    private Proc live(int pid) throws KernelException {
        Proc p = k.processes.get(pid);
        if (p == null || !p.alive()) {
            throw new KernelException("no process " + pid);
        }
        return p;
    }

    /** {@code migrate PID freeze}: refused, saying why, for a process frozen already, migrating or confined. */
    void freeze(int pid) throws KernelException {
        String refused = freezing.freeze(live(pid), Freezing.Cause.MANUAL, k.quantum.now());
        if (refused != null) {
            throw new KernelException(refused);
        }
    }

    /** {@code migrate PID continue}: refused for a process not frozen, or whose home lacks the memory now. */
    void thaw(int pid) throws KernelException {
        String refused = freezing.thaw(live(pid), k.quantum.now());
        if (refused != null) {
            throw new KernelException(refused);
        }
    }

    /** The red and blue marks of every node that has one, in node order, at the end of each quantum (MOSIX2 watches the load all the time). */
    void marks(long t) {
        Admin admin = k.nodes.admin;
        int[] runnable = null;
        for (int n = 1; n <= k.nodes.count(); n++) {
            double red = admin.redMark(n), blue = admin.blueMark(n);
            if (red == 0 && blue == 0) {
                continue;
            }
            runnable = runnable == null ? k.processes.runQueues() : runnable;
            int node = n;
            double capacity = k.nodes.spec(n).cpus() * k.nodes.spec(n).speed();
            List<Proc> own = k.nodes.at(n).stream().filter(p -> p.home == node && p.state == ProcessState.RUNNING).toList();
            List<Proc> frozen = new ArrayList<>();
            for (Proc p : k.processes.all()) {
                if (p.alive() && p.frozen != null && p.home == node) {
                    frozen.add(p);
                }
            }
            freezing.marks(runnable[n] / capacity, 1 / capacity, red, blue, own, p -> p.arrived, frozen, t);
            runnable = null; // what froze or continued changed the queues
        }
    }

    @Override
    public long diskNanos(int node, long bytes) {
        Image image = k.image();
        return image.fileCallNanos() + Math.round(bytes / image.diskBandwidth() * 1e9);
    }

    @Override
    public long networkNanos(int from, int to, long bytes) {
        Link link = k.clusters.rules.link(k.image().link(), from, to);
        return link.messageNanos(bytes);
    }

    @Override
    public void park(Proc p, long t) {
        k.cruises.uncruise(p);
        k.quantum.drop(p);
        k.nodes.unsettle(p);
        if (p.where != p.home) {
            p.cameFrom = p.where;
            p.where = p.home; // its image is at home
        }
    }

    @Override
    public String noRoom(Proc p) {
        long free = k.nodes.freeMemory(p.home);
        return p.memory.bytes() > free ? k.nodes.spec(p.home).name() + " has " + free + " bytes free, it needs " + p.memory.bytes() : null;
    }

    @Override
    public void unpark(Proc p, long t) {
        k.nodes.settle(p);
        p.arrived = t;
        if (p.readyAt < Long.MAX_VALUE) { // it goes on as it was: running, or asleep until later
            k.quantum.wake(p, Math.max(t, p.readyAt));
        }
    }

    @Override
    public void log(long t, String event) {
        k.trace.log(t, event);
    }
}
