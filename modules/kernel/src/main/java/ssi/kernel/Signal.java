package ssi.kernel;

import java.util.Locale;
import java.util.Optional;

/** The signals the kernel delivers; a killed process exits with status 128 + number, as in a Unix shell. */
public enum Signal {
    SIGKILL(9),
    SIGTERM(15);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** Parses "9", "KILL", "SIGKILL" (any case). */
    public static Optional<Signal> parse(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        for (Signal sig : values()) {
            if (sig.name().equals(u) || sig.name().equals("SIG" + u) || String.valueOf(sig.number).equals(s)) {
                return Optional.of(sig);
            }
        }
        return Optional.empty();
    }
}
