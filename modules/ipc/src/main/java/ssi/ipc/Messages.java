package ssi.ipc;

import java.util.Optional;
import ssi.api.VirtualTime;
import ssi.guest.Answer;
import ssi.guest.Errno;
import ssi.guest.Received;
import ssi.guest.SyscallException;

/** Messages between processes: from home to home, or straight between the nodes they run on when both ask for it. */
final class Messages<P extends Party> {
    private final Ipc.Host<P> host;
    private final Costs costs;

    Messages(Ipc.Host<P> host, Costs costs) {
        this.host = host;
        this.costs = costs;
    }

    /** Whether a send goes straight between the two processes' nodes: both asked for direct communication. */
    boolean direct(P p, int pid) {
        P q = host.process(pid);
        return p.ipc().direct() && q != null && q.ipc().direct();
    }

    Object send(P p, int pid, byte[] data, long t) {
        P q = host.process(pid);
        if (q == null || !q.alive()) {
            return new SyscallException(Errno.ESRCH, "send: no process " + pid);
        }
        boolean direct = p.ipc().direct() && q.ipc().direct();
        int from = direct ? p.where() : p.home();
        int to = direct ? q.where() : q.home();
        long at = q.ipc().mailbox.post(p.pid(), data, t + costs.callNanos() + costs.hop(from, to, data.length));
        p.countIpc(to, data.length);
        q.countIpc(from, data.length);
        if (q.ipc().waitingIn instanceof Wait.Recv r && at < r.wakeAt()) { // it waits, and this one comes sooner
            if (r.taken() != null) {
                q.ipc().mailbox.putBack(r.taken());
            }
            awaitMessage(q, r.deadline());
        }
        return new Answer.Later(null, t + costs.callNanos());
    }

    Object recv(P p, double timeout, long t) {
        Optional<Mailbox.Message> m = p.ipc().mailbox.take(t);
        if (m.isPresent() || timeout == 0) {
            return new Answer.Later(m.map(Messages::received).orElse(null), t + costs.callNanos());
        }
        p.ipc().waitingIn = null;
        p.block();
        awaitMessage(p, timeout < 0 ? Long.MAX_VALUE : VirtualTime.after(t, timeout));
        return Answer.BLOCKED;
    }

    /** Sets when a receiver wakes: at its next message's arrival, or at its deadline, whichever is first. */
    private void awaitMessage(P q, long deadline) {
        Mailbox mailbox = q.ipc().mailbox;
        long arrival = mailbox.next().orElse(Long.MAX_VALUE);
        long wakeAt = Math.min(arrival, deadline);
        Mailbox.Message taken = arrival != Long.MAX_VALUE && arrival <= deadline ? mailbox.take(arrival).orElseThrow() : null;
        q.ipc().waitingIn = new Wait.Recv(deadline, taken, wakeAt);
        if (wakeAt != Long.MAX_VALUE) {
            host.answer(q, taken == null ? null : received(taken), wakeAt + (taken == null ? 0 : costs.callNanos()));
        }
    }

    private static Received received(Mailbox.Message m) {
        return new Received(m.from(), m.data());
    }
}
