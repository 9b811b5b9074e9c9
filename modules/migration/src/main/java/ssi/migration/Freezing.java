package ssi.migration;

import java.util.Comparator;
import java.util.List;

/**
 * MOSIX2's freezing: a process stops and its memory image is written to its home node's disk
 * (over the network first if it runs away from home), freeing the memory and the CPU it held;
 * continued, the image is read back and it runs at home again. Both are costed: the transfer and
 * the disk's time in virtual time. A freezing class has a red mark and a blue mark per node: when a
 * home node's load passes its red mark, its newest arrivals among its own processes are frozen; when
 * the load falls below its blue mark, those the mark froze continue, the longest frozen first.
 *
 * @param <P> the kernel's processes
 */
public final class Freezing<P extends Migrant> {
    /** Why a process was frozen: a mark's freeze is continued by the blue mark; the others only by hand. */
    public enum Cause {
        /** {@code migrate PID freeze}. */
        MANUAL,
        /** Its home's load passed the red mark. */
        RED_MARK,
        /** It could not go home from a cluster that left the multi-cluster. */
        DISCONNECT;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A process's image on its home's disk.
     *
     * @param at when it was frozen
     * @param storedAt when its image is all on the disk (a continue cannot read it back before)
     */
    public record Frozen(Cause cause, long at, long storedAt, long bytes) {}

    /** What freezing needs of the kernel. */
    public interface Host<P> {
        /** Virtual nanoseconds node {@code node}'s disk takes to write or read {@code bytes}. */
        long diskNanos(int node, long bytes);

        /** Virtual nanoseconds {@code bytes} take from node {@code from} to node {@code to}. */
        long networkNanos(int from, int to, long bytes);

        /** {@code p} stops where it is and leaves its node (its memory and its CPU), at {@code t}. */
        void park(P p, long t);

        /** Why {@code p}'s home cannot take it back now (it lacks the memory), or null. */
        String noRoom(P p);

        /** {@code p} is back at its home, runnable from {@code t} (or as it was before it froze, if later). */
        void unpark(P p, long t);

        void log(long t, String event);
    }

    private final Host<P> host;

    public Freezing(Host<P> host) {
        this.host = host;
    }

    /** Freezes {@code p} at {@code t} for {@code cause}; returns why it cannot be, or null. */
    public String freeze(P p, Cause cause, long t) {
        if (p.frozen() != null) {
            return "process " + p.pid() + " is frozen already";
        }
        if (p.move() != null) {
            return "process " + p.pid() + " is migrating: freeze it once it arrives";
        }
        if (p.confined() != null) {
            return "process " + p.pid() + " cannot be frozen: " + p.confined().label();
        }
        long bytes = p.memory().bytes();
        long travel = p.where() == p.home() ? 0 : host.networkNanos(p.where(), p.home(), bytes);
        long stored = t + travel + host.diskNanos(p.home(), bytes);
        int from = p.where();
        host.park(p, t);
        p.frozen(new Frozen(cause, t, stored, bytes));
        host.log(t, "freeze-disk pid=" + p.pid() + " from=" + from + " home=" + p.home() + " bytes=" + bytes + " stored=" + (stored - t) + "ns reason=" + cause.label());
        return null;
    }

    /** Continues a frozen {@code p} at {@code t}: its image is read back at home; returns why it cannot, or null. */
    public String thaw(P p, long t) {
        Frozen f = p.frozen();
        if (f == null) {
            return "process " + p.pid() + " is not frozen";
        }
        String full = host.noRoom(p);
        if (full != null) {
            return "process " + p.pid() + " stays frozen: " + full;
        }
        long ready = Math.max(t, f.storedAt()) + host.diskNanos(p.home(), f.bytes());
        p.frozen(null);
        host.unpark(p, ready);
        host.log(t, "continue pid=" + p.pid() + " home=" + p.home() + " ready=" + (ready - t) + "ns");
        return null;
    }

    /**
     * The red and blue marks at a home node whose load is {@code load} now, each runnable process
     * adding {@code perProcess}: above {@code red}, its own processes running there, {@code running},
     * are frozen, the newest arrival first, until the load is at the red mark; below {@code blue},
     * those the red mark froze, {@code frozen}, continue, the longest frozen first, while the load
     * is still below the blue mark. A mark of 0 is off.
     *
     * @param arrived when each running process arrived where it runs
     */
    public void marks(double load, double perProcess, double red, double blue, List<P> running, java.util.function.ToLongFunction<P> arrived,
                      List<P> frozen, long t) {
        if (red > 0 && load > red) {
            List<P> newest = running.stream().filter(p -> p.frozen() == null && p.move() == null && p.confined() == null)
                    .sorted(Comparator.comparingLong(arrived).thenComparingInt(Migrant::pid).reversed()).toList();
            for (P p : newest) {
                if (load <= red) {
                    break;
                }
                if (freeze(p, Cause.RED_MARK, t) == null) {
                    load -= perProcess;
                }
            }
        } else if (blue > 0 && load < blue) {
            List<P> longest = frozen.stream().filter(p -> p.frozen() != null && p.frozen().cause() == Cause.RED_MARK)
                    .sorted(Comparator.comparingLong((P p) -> p.frozen().at()).thenComparingInt(Migrant::pid)).toList();
            for (P p : longest) {
                if (load >= blue || thaw(p, t) != null) {
                    break;
                }
                load += perProcess;
            }
        }
    }
}
