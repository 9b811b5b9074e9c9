package ssi.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The signals of ssi, with Linux's numbers and default actions. A process killed by a signal
 * exits with status 128 + its number, as in a Unix shell.
 */
public enum Signal {
    SIGHUP(1, Action.TERMINATE),
    SIGINT(2, Action.TERMINATE),
    SIGKILL(9, Action.TERMINATE),
    SIGUSR1(10, Action.TERMINATE),
    SIGUSR2(12, Action.TERMINATE),
    SIGPIPE(13, Action.TERMINATE),
    SIGALRM(14, Action.TERMINATE),
    SIGTERM(15, Action.TERMINATE),
    SIGCHLD(17, Action.IGNORE),
    SIGCONT(18, Action.CONTINUE),
    SIGSTOP(19, Action.STOP);

    /** What a signal does to a process that has no handler for it. */
    public enum Action { TERMINATE, IGNORE, STOP, CONTINUE }

    private final int number;
    private final Action action;

    Signal(int number, Action action) {
        this.number = number;
        this.action = action;
    }

    public int number() {
        return number;
    }

    public Action defaultAction() {
        return action;
    }

    /** SIGKILL and SIGSTOP cannot be caught; the others can have a handler. */
    public boolean catchable() {
        return this != SIGKILL && this != SIGSTOP;
    }

    /** Parses "9", "KILL", "SIGKILL" (any case). */
    public static Optional<Signal> parse(String s) {
        String u = s.strip().toUpperCase(Locale.ROOT);
        for (Signal sig : values()) {
            if (sig.name().equals(u) || sig.name().equals("SIG" + u) || String.valueOf(sig.number).equals(u)) {
                return Optional.of(sig);
            }
        }
        return Optional.empty();
    }

    public static Optional<Signal> of(int number) {
        for (Signal sig : values()) {
            if (sig.number == number) {
                return Optional.of(sig);
            }
        }
        return Optional.empty();
    }
}
