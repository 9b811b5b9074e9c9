package ssi.ipc;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import ssi.api.Signal;
import ssi.guest.Answer;
import ssi.guest.Errno;
import ssi.guest.Signalled;
import ssi.guest.SyscallException;

/** Signals: sent through the homes to wherever the target runs, and acting when they arrive, in virtual-time order. */
final class Signals<P extends Party> {
    private final Ipc.Host<P> host;
    private final Costs costs;

    Signals(Ipc.Host<P> host, Costs costs) {
        this.host = host;
        this.costs = costs;
    }

    Object kill(P p, int pid, int number, long t) {
        P q = host.process(pid);
        if (q == null || !q.alive()) {
            return new SyscallException(Errno.ESRCH, "kill: no process " + pid);
        }
        Optional<Signal> sig = Signal.of(number);
        if (sig.isEmpty()) {
            return new SyscallException("kill: no signal " + number);
        }
        if (!p.mayAlter(q)) {
            return new SyscallException(Errno.EPERM, "kill: operation not permitted: process " + pid + " belongs to " + q.owner()
                    + ", not to " + p.owner());
        }
        long at = t + costs.callNanos() + costs.hop(p.home(), q.home(), 0) + costs.hop(q.home(), q.where(), 0); // through the homes to where it runs
        signal(q, sig.get(), at);
        return new Answer.Later(null, t + costs.callNanos());
    }

    /** A signal on its way to {@code q}, arriving at {@code at}: delivered then, in virtual-time order. */
    void signal(P q, Signal sig, long at) {
        q.ipc().signals.add(new IpcState.Arrival(sig, at));
        host.log(at, "signal pid=" + q.pid() + " " + sig);
        host.deliverAt(q, at);
    }

    /** A signal that reaches {@code q} at once, between quanta (the shell's kill). */
    void signalNow(P q, Signal sig, long t) {
        q.ipc().signals.add(new IpcState.Arrival(sig, t));
        host.log(t, "signal pid=" + q.pid() + " " + sig);
        deliver(q, t);
    }

    /** Delivers the signals that have reached {@code q} by {@code t}: their handlers, or their default actions. */
    void deliver(P q, long t) {
        IpcState s = q.ipc();
        List<IpcState.Arrival> due = s.signals.stream().filter(a -> a.at() <= t).sorted(Comparator.comparingLong(IpcState.Arrival::at)).toList();
        s.signals.removeAll(due);
        for (IpcState.Arrival arrival : due) {
            if (!q.alive()) {
                return;
            }
            Signal sig = arrival.signal();
            if (sig.catchable() && s.catches(sig.number())) {
                s.caught.add(sig.number());
                continue;
            }
            switch (sig.defaultAction()) {
                case TERMINATE -> host.terminate(q, 128 + sig.number(), t);
                case STOP -> host.stop(q, true, t);
                case CONTINUE -> host.stop(q, false, t);
                case IGNORE -> { }
            }
        }
        if (q.alive() && !s.caught.isEmpty() && s.waitingIn != null) {
            interrupt(q, t);
        }
    }

    /** A caught signal interrupts a blocking call: the handlers run, then the call returns early or is made again. */
    private void interrupt(P q, long t) {
        IpcState s = q.ipc();
        int[] sigs = s.caught.stream().mapToInt(Integer::intValue).toArray();
        s.caught.clear();
        Signalled answer = switch (s.waitingIn) {
            case Wait.Recv r -> {
                if (r.taken() != null) {
                    s.mailbox.putBack(r.taken());
                }
                yield new Signalled(sigs, null, false);
            }
            case Wait.PipeWrite w when w.done() > 0 -> new Signalled(sigs, w.done(), false);
            case Wait.Sleep z -> new Signalled(sigs, null, false);
            case Wait.Child c -> new Signalled(sigs, null, true); // the kernel's wait, made again
            default -> new Signalled(sigs, null, true);
        };
        s.waitingIn = null;
        host.answer(q, answer, t);
    }
}
