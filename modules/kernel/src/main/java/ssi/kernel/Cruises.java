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
    private final List<EventQueue<Proc>> members = new ArrayList<>(); // by node: by the work at which each one's next event falls, then pid
    private int[] size = {};
    private long[] next = {};  // the total at which the earliest member's event falls
    private long[] given = {}; // work units each member has been given since the node first had one: a running total

    /** Cruises for nodes 0 to {@code last}. */
    Cruises(int last) {
        grow(last);
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
    void join(Proc p, long quietUnits) {
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
    List<Proc> leaving(int node, long budget) {
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
    void give(int node, long budget) {
        given[node] += budget;
    }

    /** Units given to member {@code p} since it was last brought up to date; from now on it owes none. */
    long settle(Proc p) {
        long units = given[p.where] - p.cruiseFrom;
        p.cruiseFrom = given[p.where];
        return units;
    }

    /** Takes a member out (still marked cruising, and owed its units, until the kernel settles it). */
    void remove(Proc p) {
        members.get(p.where).remove(p);
        changed(p.where);
    }

    /** Does {@code action} to each of a node's members, in no particular order. */
    void forEachMember(int node, java.util.function.Consumer<Proc> action) {
        members.get(node).forEach(action);
    }
}
