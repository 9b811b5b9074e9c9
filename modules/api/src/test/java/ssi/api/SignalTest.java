package ssi.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class SignalTest {
    @Test
    void signalsAreNamedAsBashNamesThemAndKillCannotBeCaught() {
        assertEquals(Signal.SIGUSR1, Signal.parse("usr1").orElseThrow());
        assertEquals(Signal.SIGKILL, Signal.parse("9").orElseThrow());
        assertFalse(Signal.SIGKILL.catchable());
    }
}
