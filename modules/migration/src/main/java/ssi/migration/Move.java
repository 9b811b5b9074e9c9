package ssi.migration;

import ssi.api.MigrationReason;
import ssi.guest.Syscall;

/**
 * A migration in flight. The process is frozen at {@code from}; at {@code decideAt} the
 * destination reserves memory for it (or refuses); at {@code replyAt} the source hears back and
 * either rolls back or starts the transfer, which ends at {@code doneAt}.
 */
public final class Move {
    final int from;
    final int to;
    final MigrationReason reason;
    final long requested;
    final long decideAt;
    final long replyAt;
    final boolean byGuest;  // the process asked itself: its call is answered when the move ends
    final Syscall then;     // a call to carry out once it arrives (shmat that brought it home), or null
    boolean decided;
    boolean reserved;       // the destination holds memory for it
    String refusal;         // why the destination refused, or null
    long pages;
    long doneAt;

    Move(int from, int to, MigrationReason reason, long requested, long negotiation, boolean byGuest, Syscall then) {
        this.from = from;
        this.to = to;
        this.reason = reason;
        this.requested = requested;
        this.decideAt = requested + negotiation / 2;
        this.replyAt = requested + negotiation;
        this.byGuest = byGuest;
        this.then = then;
    }

    /** Where it goes. */
    public int to() {
        return to;
    }

    /** Whether the destination holds memory for it (a CPU too: it counts in the destination's run queue). */
    public boolean reserved() {
        return reserved;
    }

    /** When the next step happens. */
    long nextAt() {
        return !decided ? decideAt : refusal != null ? replyAt : doneAt;
    }
}
