package ssi.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Each node's cruising processes: synthetic processes that will only compute until a known amount
 * of work (their next call, write to memory or end). In each quantum all of a node's would get the
 * same budget, the one the node's share gives a slice from the quantum's start, so the node counts
 * it once for all instead of running a slice for each. A process leaves in the quantum in which its
 * next event falls (that quantum it runs by a slice, as before), or when something from outside
 * (a signal, a migration) needs it as it is. Its figures are brought up to date when read.
 * <p>
 * A member cruises on the node it runs on ({@code where}: a migration takes it out first). What
 * every quantum reads for every node, its count, its earliest event and what it has given, is kept
 * in arrays by node: a large study has 10,000 nodes, and a pass over three arrays costs a fraction
 * of what 10,000 objects' cache misses do.
 */
final class Cruises {
    private final Kernel k;
    private final List<EventQueue<Proc>> members = new ArrayList<>(); // by node: by the work at which each one's next event falls, then pid
    private int[] size = {};
    private long[] next = {};  // the total at which the earliest member's event falls
    private long[] given = {}; // work units each member has been given since the node first had one: a running total
    private long givenUntil;   // the time up to which cruising processes have been given their work
    boolean on = true;         // whether quiet synthetic processes cruise (a test turns it off to compare)

    /** Cruises for nodes 0 to {@code last}. */
    Cruises(Kernel k, int last) {
        this.k = k;
        grow(last);
    }

    /**
     * A process spent its slice's budget: from the next quantum on it cruises if it will only
     * compute for a while (a quiet synthetic process) and nothing from outside waits for it.
     */
    void joinIfQuiet(Proc p) {
        long quiet = p.guest.quietUnits();
        if (on && quiet > 0 && !p.stopped && p.move == null && p.frozen == null && p.ipc.calm() && p.answer == null && p.checkpointNanos == 0) {
            k.processes.sliced.remove(p.pid); // from the next quantum on it cruises
            join(p, quiet);
            p.usageFrom = k.quantum.quanta() + 1; // this quantum's sample included
        }
    }

    /**
     * Gives each node's cruising processes this quantum's budget, the one a slice of theirs from
     * {@code t0} would get; those whose next event falls within it run by slices again, from
     * {@code t0}: they join {@code due}, already counted among those sharing the node's CPUs.
     */
    void cruise(long t0, long t1, List<Task> due) {
        givenUntil = t1;
        boolean joinedDue = false;
        for (int n = 1; n < nodes(); n++) {
            int count = size[n];
            if (count == 0) {
                continue;
            }
            k.quantum.cpus.join(n, count);
            long budget = k.quantum.budget(n, k.quantum.cpus.share(n), t1 - t0);
            if (budget < 1) {
                continue; // no slice would get any work this quantum
            }
            List<Proc> leaving = leaving(n, budget);
            for (int i = 0; i < leaving.size(); i++) { // by index: an iterator for each node every quantum would be garbage
                Proc p = leaving.get(i);
                slice(p);
                p.joined = t0;
                p.readyAt = t0;
                due.add(p);
                joinedDue = true;
            }
            give(n, budget);
        }
        if (joinedDue) {
            Task.sortByPid(due);
        }
    }

    /** An idle cluster rested up to {@code t}: its cruising processes (none) were given their work up to then. */
    void givenUntil(long t) {
        givenUntil = t;
    }

    /** Takes a process out of its node's cruise (if it cruises): it runs by slices again, from where the cruise left it. */
    void uncruise(Proc p) {
        if (!p.cruising) {
            return;
        }
        remove(p);
        slice(p);
        p.readyAt = givenUntil; // it was given its work up to then
        long now = k.quantum.now();
        if (givenUntil > now) {
            p.joined = now; // counted among those sharing its node's CPUs in this quantum
        }
    }

    private void slice(Proc p) {
        catchUp(p);
        p.cruising = false;
        k.processes.sliced.put(p);
    }

    /** Brings a cruising process's figures (work, CPU time, CPU samples) up to date. */
    void catchUp(Proc p) {
        if (!p.cruising) {
            return;
        }
        long units = settle(p);
        if (units > 0) {
            p.guest.skip(units);
            p.work += units;
            p.cpuSeconds += k.quantum.cpu.cpuSeconds(units, k.nodes.spec(p.where).speed());
        }
        sample(p);
    }

    /** Counts a cruising process's CPU samples (it runs in every quantum) up to the last quantum's. */
    void sample(Proc p) {
        long quanta = k.quantum.quanta();
        p.usage.quanta(quanta + 1 - p.usageFrom, true);
        p.usageFrom = quanta + 1;
    }

    /** Brings every cruising process's figures up to date. */
    void catchUpAll() {
        for (int n = 0; n < nodes(); n++) {
            forEachMember(n, this::catchUp);
        }
    }

    /** Makes room for nodes up to {@code last}, with no members. */
    void grow(int last) {
        int from = size.length;
        size = Arrays.copyOf(size, last + 1);
        next = Arrays.copyOf(next, last + 1);
        Arrays.fill(next, from, last + 1, Long.MAX_VALUE);
        given = Arrays.copyOf(given, last + 1);
        while (members.size() <= last) {
            members.add(new EventQueue<>());
        }
    }

    /** Node ids are below this. */
    int nodes() {
        return size.length;
    }

    int size(int node) {
        return size[node];
    }

    /** Takes in a process that will compute {@code quietUnits} (at least 1) on its node before its next event. */
    private void join(Proc p, long quietUnits) {
        int node = p.where;
        p.cruising = true;
        p.cruiseFrom = given[node];
        p.cruiseEvent = given[node] + quietUnits;
        members.get(node).add(p, p.cruiseEvent, p.pid);
        changed(node);
    }

    private void changed(int node) {
        EventQueue<Proc> m = members.get(node);
        size[node] = m.size();
        next[node] = m.isEmpty() ? Long.MAX_VALUE : m.firstTime();
    }

    /**
     * A node's members whose next event falls within another {@code budget} units, in pid order: they
     * leave (still marked cruising, and owed their units, until the kernel settles them).
     */
    private List<Proc> leaving(int node, long budget) {
        long until = given[node] + budget;
        if (next[node] > until) {
            return List.of(); // most quanta: nobody (and no list made for nobody)
        }
        EventQueue<Proc> m = members.get(node);
        List<Proc> out = new ArrayList<>();
        while (!m.isEmpty() && m.firstTime() <= until) {
            out.add(m.poll());
        }
        changed(node);
        Task.sortByPid(out);
        return out;
    }

    /** Gives every member of a node {@code budget} more units (this quantum's). */
    private void give(int node, long budget) {
        given[node] += budget;
    }

    /** Units given to member {@code p} since it was last brought up to date; from now on it owes none. */
    private long settle(Proc p) {
        long units = given[p.where] - p.cruiseFrom;
        p.cruiseFrom = given[p.where];
        return units;
    }

    /** Takes a member out (still marked cruising, and owed its units, until the kernel settles it). */
    private void remove(Proc p) {
        members.get(p.where).remove(p);
        changed(p.where);
    }

    /** Does {@code action} to each of a node's members, in no particular order. */
    void forEachMember(int node, java.util.function.Consumer<Proc> action) {
        members.get(node).forEach(action);
    }
}
