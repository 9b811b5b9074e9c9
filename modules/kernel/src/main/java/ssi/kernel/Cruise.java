package ssi.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * One node's cruising processes: synthetic processes that will only compute until a known amount
 * of work (their next call, write to memory or end). In each quantum all of them would get the same
 * budget, the one the node's share gives a slice from the quantum's start, so the node counts it
 * once for all instead of running a slice for each. A process leaves in the quantum in which its
 * next event falls (that quantum it runs by a slice, as before), or when something from outside
 * (a signal, a migration) needs it as it is. Its figures are brought up to date when read.
 */
final class Cruise {
    private final EventQueue<Proc> members = new EventQueue<>(); // by the work at which each one's next event falls, then pid
    // Read every quantum for every node: kept here, so that a quantum in which nobody leaves reads no member.
    private int size;
    private long next = Long.MAX_VALUE; // the total at which the earliest member's event falls
    private long given; // work units each member has been given since the node first had one: a running total

    int size() {
        return size;
    }

    /** Takes in a process that will compute {@code quietUnits} (at least 1) before its next event. */
    void join(Proc p, long quietUnits) {
        p.cruise = this;
        p.cruiseFrom = given;
        p.cruiseEvent = given + quietUnits;
        members.add(p, p.cruiseEvent, p.pid);
        changed();
    }

    private void changed() {
        size = members.size();
        next = members.isEmpty() ? Long.MAX_VALUE : members.firstTime();
    }

    /** The members whose next event falls within another {@code budget} units, in pid order: they leave. */
    List<Proc> leaving(long budget) {
        if (next > given + budget) {
            return List.of(); // most quanta: nobody (and no list made for nobody)
        }
        List<Proc> out = new ArrayList<>();
        while (!members.isEmpty() && members.firstTime() <= given + budget) {
            out.add(members.poll());
        }
        changed();
        Task.sortByPid(out);
        return out;
    }

    /** Gives every member {@code budget} more units (this quantum's). */
    void give(long budget) {
        given += budget;
    }

    /** Units given to {@code p} since it was last brought up to date; from now on it owes none. */
    long settle(Proc p) {
        long units = given - p.cruiseFrom;
        p.cruiseFrom = given;
        return units;
    }

    void remove(Proc p) {
        members.remove(p);
        changed();
    }

    /** Does {@code action} to each member, in no particular order. */
    void forEachMember(java.util.function.Consumer<Proc> action) {
        members.forEach(action);
    }
}
