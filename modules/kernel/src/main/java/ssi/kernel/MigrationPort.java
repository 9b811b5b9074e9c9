package ssi.kernel;

import ssi.api.Link;
import ssi.api.Migration;
import ssi.guest.Syscall;
import ssi.migration.Migrations;
import ssi.migration.TransferCost;

/** The kernel as the migration mechanism sees it: its nodes' memory, and a move's effects on the process. */
final class MigrationPort implements Migrations.Host<Proc> {
    private final Kernel k;

    private MigrationPort(Kernel k) {
        this.k = k;
    }

    /** The migration mechanism for the kernel's processes, at the image's costs, through this port. */
    static Migrations<Proc> connect(Kernel k) {
        Image image = k.image();
        return new Migrations<>(new MigrationPort(k), new TransferCost(image.migrationFixedNanos(), image.pageBytes(), image.link()));
    }

    @Override
    public String closed(Proc p, int to) {
        if (!k.nodes.up(to)) {
            return "node " + to + " is down";
        }
        if (k.nodes.blocks(to) && to != p.home) {
            return "node " + to + " blocks guests";
        }
        return refuses(p, to);
    }

    @Override
    public String refuses(Proc p, int to) {
        Clusters rules = k.clusters.rules;
        if (p.remote >= 0) {
            return k.clusters.allowed(p, to) ? null : "process " + p.pid + " is a MOSRC job's: it stays in cluster " + rules.name(p.remote)
                    + (rules.linux(p.remote) ? ", on its node (plain Linux)" : "");
        }
        return rules.mayRun(p.home, to) ? null : "cluster " + rules.name(rules.of(to)) + " does not take processes of cluster "
                + rules.name(rules.of(p.home)) + " now";
    }

    @Override
    public Link link(int from, int to) {
        Clusters rules = k.clusters.rules;
        return rules.several() && rules.of(from) != rules.of(to) ? rules.link(k.image().link(), from, to) : null;
    }

    @Override
    public void freeze(Proc p, boolean blocked) {
        k.cruises.uncruise(p);
        if (blocked) {
            p.readyAt = Long.MAX_VALUE; // blocked in its call until the move ends
        }
    }

    @Override
    public long freeMemory(int node) {
        return k.nodes.freeMemory(node);
    }

    @Override
    public String name(int node) {
        return k.nodes.spec(node).name();
    }

    @Override
    public void reserve(int node, long bytes) {
        k.nodes.reserve(node, bytes);
    }

    @Override
    public void arrive(Proc p, int to, long t) {
        k.nodes.unsettle(p);
        p.cameFrom = p.where;
        p.where = to;
        k.nodes.settle(p);
        p.arrived = t;
        p.nmigs++;
    }

    @Override
    public void ended(Migration m) {
        k.trace.migrated(m);
    }

    @Override
    public Object carryOut(Proc p, Syscall call, long t) {
        return k.dispatcher.execute(p, call, t);
    }

    @Override
    public void answer(Proc p, Object answer, long t) {
        k.quantum.wake(p, answer, t);
    }

    @Override
    public void thaw(Proc p, long t) {
        if (!k.clusters.allowed(p, p.where)) {
            k.clusters.astray(); // rolled back where the owners' rules no longer let it run: it waits, frozen, to be sent home
            return;
        }
        if (p.readyAt < Long.MAX_VALUE) { // it goes on as it was: running, or asleep until later
            k.quantum.wake(p, p.answer, Math.max(t, p.readyAt));
        }
    }

    @Override
    public void log(long t, String event) {
        k.trace.log(t, event);
    }
}
