package ssi.migration;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import ssi.api.Migration;
import ssi.api.MigrationReason;
import ssi.guest.Answer;
import ssi.guest.Errno;
import ssi.guest.Syscall;
import ssi.guest.SyscallException;

/**
 * The migration mechanism: freeze, transfer, resume. A process is frozen where it runs; the
 * destination is asked to reserve memory for it (half a negotiation later), and the source hears
 * back; then its dirty pages travel ({@link TransferCost}) and it resumes at the destination, or
 * it rolls back where it was. The constraints (shared memory, native mode, a lock) confine a
 * process to its home, where only a constraint or its node may send it.
 *
 * @param <P> the kernel's processes
 */
public final class Migrations<P extends Migrant> {
    /** How many ended migrations are kept: a long study must not fill the heap with them (the kernel's listeners hear every one). */
    public static final int KEPT = 200_000;

    /** What the mechanism needs of the kernel: its nodes' memory, and the effects of a move on the process. */
    public interface Host<P> {
        /** Why node {@code to} does not take {@code p} now (it is down, or blocks guests), or null. */
        String closed(P p, int to);

        /**
         * Why node {@code to} does not take {@code p} when it is asked to reserve memory for it (the
         * owners' rules of a multi-cluster may have changed since the move started), or null.
         */
        default String refuses(P p, int to) {
            return null;
        }

        /** The network between two nodes, if it is not the cost's own (between the clusters of a multi-cluster), else null. */
        default ssi.api.Link link(int from, int to) {
            return null;
        }

        /** Freezes {@code p} where it is; if {@code blocked}, the call it made waits for the end of the move. */
        void freeze(P p, boolean blocked);

        /** A node's memory not used by its processes nor reserved for ones migrating to it. */
        long freeMemory(int node);

        /** A node's name, to say why it refused. */
        String name(int node);

        /** Reserves {@code bytes} of a node's memory for a process on its way (releases them if negative). */
        void reserve(int node, long bytes);

        /** {@code p} leaves the node it runs on, and runs at {@code to} from {@code t}. */
        void arrive(P p, int to, long t);

        /** A migration ended (done or rolled back). */
        void ended(Migration m);

        /** Carries out the call that waited for the move (shmat, once home): its answer, or {@code Answer.BLOCKED}. */
        Object carryOut(P p, Syscall call, long t);

        /** Answers {@code p}'s call at {@code t}. */
        void answer(P p, Object answer, long t);

        /** {@code p} goes on as it was before it froze: running, or asleep until later. */
        void thaw(P p, long t);

        void log(long t, String event);
    }

    private final Host<P> host;
    private final TransferCost cost;
    private final ArrayDeque<Migration> ended = new ArrayDeque<>();
    private long count;

    public Migrations(Host<P> host, TransferCost cost) {
        this.host = host;
        this.cost = cost;
    }

    /**
     * Freezes {@code p} and starts moving it to {@code to}; returns why it cannot, or null.
     *
     * @param byGuest the process asked itself: its call is answered when the move ends
     * @param then a call to carry out once it arrives, or null
     */
    public String start(P p, int to, MigrationReason reason, long t, boolean byGuest, Syscall then) {
        if (p.move() != null) {
            return "process " + p.pid() + " is already migrating";
        }
        if (p.frozen() != null) {
            return "process " + p.pid() + " is frozen: continue it first";
        }
        String closed = host.closed(p, to);
        if (closed != null) {
            return closed;
        }
        Optional<CantMove> refusal = CantMove.refusal(reason, p.confined(), p.locked(), to == p.home());
        if (refusal.isPresent()) {
            return "process " + p.pid() + " cannot move: " + refusal.get().label();
        }
        host.freeze(p, byGuest || then != null);
        p.move(new Move(p.where(), to, reason, t, costOf(p.where(), to).negotiationNanos(), byGuest, then));
        host.log(t, "freeze pid=" + p.pid() + " from=" + p.where() + " to=" + to + " reason=" + reason.label());
        return null;
    }

    /** Takes {@code p}'s migration through every step that happens before {@code until}. */
    public void advance(P p, long until) {
        Move m = p.move();
        while (p.move() == m && m.nextAt() < until) {
            if (!m.decided) {
                m.decided = true;
                long need = p.memory().bytes();
                long free = host.freeMemory(m.to);
                String refused = host.refuses(p, m.to);
                if (refused != null) {
                    m.refusal = refused;
                } else if (need > free) {
                    m.refusal = host.name(m.to) + " has " + free + " bytes free, the process needs " + need;
                } else {
                    m.reserved = true;
                    host.reserve(m.to, need);
                    m.pages = p.memory().dirtyPages();
                    m.doneAt = m.replyAt + costOf(m.from, m.to).transferNanos(m.pages);
                }
            } else {
                finish(p, m);
            }
        }
    }

    private void finish(P p, Move m) {
        long t = m.nextAt();
        p.move(null);
        boolean done = m.refusal == null;
        if (m.reserved) {
            host.reserve(m.to, -p.memory().bytes()); // the reservation ends: it arrives, or it stays
        }
        if (done) {
            host.arrive(p, m.to, t);
            p.memory().sent();
        }
        TransferCost c = costOf(m.from, m.to);
        Migration record = new Migration(p.pid(), m.from, m.to, m.reason, m.requested, t, c.negotiationNanos(),
                done ? t - m.replyAt : 0, done ? m.pages : 0, done ? c.bytes(m.pages) : 0,
                done ? "done" : "rolled back: " + m.refusal);
        ended.add(record);
        count++;
        if (ended.size() > KEPT) {
            ended.removeFirst();
        }
        host.log(t, (done ? "migrated" : "rollback") + " pid=" + p.pid() + " from=" + m.from + " to=" + m.to
                + " frozen=" + record.frozen() + "ns pages=" + record.pages() + (done ? "" : " why=" + m.refusal));
        host.ended(record);
        if (m.then != null || m.byGuest) {
            Object answer = m.then == null
                    ? done ? (Object) p.where() : new SyscallException(Errno.ENOMEM, "migrate: rolled back: " + m.refusal)
                    : done ? host.carryOut(p, m.then, t) : new SyscallException(Errno.EAGAIN, "shmat: cannot go home: " + m.refusal);
            if (answer != Answer.BLOCKED) {
                host.answer(p, answer, t);
            }
        } else {
            host.thaw(p, t);
        }
    }

    /** The cost of a move between two nodes: over the network the host names between them, if any. */
    private TransferCost costOf(int from, int to) {
        ssi.api.Link between = host.link(from, to);
        return between == null ? cost : new TransferCost(cost.fixedNanos(), cost.pageBytes(), between);
    }

    /** {@code p} ended: a migration of it in flight is dropped, with its reservation. */
    public void drop(P p) {
        Move m = p.move();
        if (m != null && m.reserved) {
            host.reserve(m.to, -p.memory().bytes());
        }
        p.move(null);
    }

    /** The migrations that have ended (done or rolled back), in the order they ended: the latest {@value #KEPT}. */
    public List<Migration> ended() {
        return List.copyOf(ended);
    }

    /** How many migrations have ended since boot, including those no longer kept. */
    public long count() {
        return count;
    }

    /** Virtual nanoseconds a migration of {@code dirtyBytes} keeps a process frozen. */
    public long frozenNanos(long dirtyBytes) {
        return cost.negotiationNanos() + cost.transferNanos((dirtyBytes + cost.pageBytes() - 1) / cost.pageBytes());
    }
}
