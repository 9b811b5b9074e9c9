package ssi.ipc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import ssi.api.Signal;
import ssi.guest.Signalled;

/**
 * One process's IPC: the pipe ends it holds, its mailbox, the call it waits in, and its signals
 * (those it handles, those on their way, those caught for its handlers). Touched by the kernel's
 * thread, but where noted.
 */
public final class IpcState {
    /** A signal on its way to the process, and when it arrives. */
    record Arrival(Signal signal, long at) {}

    final Map<Integer, Integer> fds = new TreeMap<>();    // pipe ends it started with, by descriptor
    final Set<Integer> ends = new TreeSet<>();            // pipe ends it holds
    final Mailbox mailbox = new Mailbox();
    Wait waitingIn;                                       // the blocking call it waits in, or null
    private volatile boolean direct;                      // asked for direct communication (set from the guest's thread)
    private final Set<Integer> catches = ConcurrentHashMap.newKeySet(); // signals it has handlers for (set from the guest's thread)
    final List<Arrival> signals = new ArrayList<>();      // on their way to it
    final List<Integer> caught = new ArrayList<>();       // for its handlers, at its next call

    /** The pipe ends it starts with, by descriptor (0 its stdin, 1 its stdout), before it starts: its guest reads them. */
    public void start(Map<Integer, Integer> ends) {
        fds.putAll(ends);
    }

    /** The pipe ends it started with, by descriptor; read by its guest's thread. */
    public Map<Integer, Integer> fds() {
        return fds;
    }

    /** Asks for direct communication, or stops asking (from the guest's thread). */
    public void direct(boolean on) {
        direct = on;
    }

    public boolean direct() {
        return direct;
    }

    /** Whether it handles {@code signal} itself (from the guest's thread); else the signal's default action applies. */
    public void catches(int signal, boolean caught) {
        if (caught) {
            catches.add(signal);
        } else {
            catches.remove(signal);
        }
    }

    public boolean catches(int signal) {
        return catches.contains(signal);
    }

    /** When the first signal on its way arrives, or never ({@link Long#MAX_VALUE}). */
    public long signalDue() {
        long due = Long.MAX_VALUE;
        for (Arrival s : signals) {
            due = Math.min(due, s.at());
        }
        return due;
    }

    /** No signal on its way to it, nor caught for its handlers. */
    public boolean calm() {
        return signals.isEmpty() && caught.isEmpty();
    }

    /** It blocks in a call that a caught signal interrupts ({@link Wait#SLEEP}, {@link Wait#CHILD}), or null once answered. */
    public void waitIn(Wait w) {
        waitingIn = w;
    }

    /**
     * It resumes with {@code answer}, no longer waiting: if it was in a system call ({@code inCall}),
     * the signals it caught meanwhile come with the answer, for its handlers.
     */
    public Object resume(Object answer, boolean inCall) {
        waitingIn = null;
        if (inCall && !caught.isEmpty() && !(answer instanceof Signalled)) {
            answer = new Signalled(caught.stream().mapToInt(Integer::intValue).toArray(), answer, false);
            caught.clear();
        }
        return answer;
    }
}
