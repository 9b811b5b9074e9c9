package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ssi.api.ProcessState;
import ssi.synthetic.Demand;

/** MOSIX2's freezing: by hand, and by a node's red and blue marks; costed as disk I/O in virtual time. */
class FreezingTest extends LabTest {
    static Image campus;

    @BeforeAll
    static void load() throws Exception {
        campus = Image.load(Path.of("../../images/campus")).withPolicy("none");
    }

    private static Kernel boot() throws KernelException {
        return Kernel.boot(campus, 1, runtime, Policies.discover());
    }

    /** {@code seconds} of a standard processor's work (half as long on a lab node, of speed 2), with 1 MB. */
    private static Demand cpu(double seconds) {
        return new Demand((long) (seconds * 4_000_000), 1 << 20, 0, 0, 0, 0);
    }

    private static long nanos(List<String> trace, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(String.join("\n", trace));
        assertTrue(m.find(), pattern + " in " + trace);
        return Long.parseLong(m.group(1));
    }

    private static long exitTime(List<String> trace) {
        Matcher m = Pattern.compile("(\\d+)\\.(\\d{9}) exit pid=1 status=0").matcher(String.join("\n", trace));
        assertTrue(m.find(), String.join("\n", trace));
        return Long.parseLong(m.group(1)) * S + Long.parseLong(m.group(2));
    }

    @Test
    void aFrozenProcessHoldsNoCpuAndGoesOnWhenContinuedLaterByItsTimeOnDisk() throws Exception {
        long unfrozen;
        try (Kernel k = boot()) {
            int pid = k.spawnSynthetic(1, cpu(2));
            assertEquals(Optional.of(0), k.runUntilExit(pid, 5 * S));
            unfrozen = exitTime(k.trace());
        }
        try (Kernel k = boot()) {
            int pid = k.spawnSynthetic(1, cpu(2));
            k.advance(500 * MS);
            k.migrate(pid, "freeze");
            assertEquals(ProcessState.ON_DISK, k.process(pid).orElseThrow().state());
            assertEquals(0, k.nodes().getFirst().processes(), "it left lab1's CPU and memory");
            assertEquals(1024L << 20, k.nodes().getFirst().freeMemory());
            long stored = nanos(k.trace(), "freeze-disk pid=1 from=1 home=1 bytes=(?:\\d+) stored=(\\d+)ns reason=manual");
            assertEquals(20_000 + Math.round(k.process(pid).orElseThrow().memory() / 100e6 * 1e9), stored, "call_us + bytes at disk_mbyte_s");
            k.advance(3 * S);
            assertEquals(Optional.empty(), k.exitStatus(pid), "it does not run while frozen");
            k.migrate(pid, "continue");
            long ready = nanos(k.trace(), "continue pid=1 home=1 ready=(\\d+)ns");
            assertEquals(stored, ready, "the image is read back as it was written");
            assertEquals(Optional.of(0), k.runUntilExit(pid, 5 * S));
            long late = exitTime(k.trace()) - (unfrozen + 3 * S + ready);
            assertTrue(late >= 0 && late < 125, "it lost the time it was frozen and the read, and less than a work unit of lab1 (125 ns), "
                    + "as a slice that starts between quanta gets whole units: " + late);
        }
    }

    @Test
    void freezeAndContinueRefuseWhatTheyCannotDo() throws Exception {
        try (Kernel k = boot()) {
            int pid = k.spawnSynthetic(1, cpu(20));
            assertEquals("process 1 is not frozen", assertThrows(KernelException.class, () -> k.migrate(pid, "continue")).getMessage());
            assertEquals("no process 9", assertThrows(KernelException.class, () -> k.migrate(9, "freeze")).getMessage());
            k.migrate(pid, "lab2");
            assertEquals("process 1 is migrating: freeze it once it arrives", assertThrows(KernelException.class, () -> k.migrate(pid, "freeze")).getMessage());
            k.advance(100 * MS);
            k.migrate(pid, "freeze");
            assertEquals(1, k.process(pid).orElseThrow().where(), "its image went home");
            assertEquals("process 1 is frozen already", assertThrows(KernelException.class, () -> k.migrate(pid, "freeze")).getMessage());
            assertEquals("process 1 is frozen: continue it first", assertThrows(KernelException.class, () -> k.migrate(pid, "lab3")).getMessage());
            k.checkInvariants();
        }
    }

    @Test
    void theRedMarkFreezesTheNewestAndTheBlueMarkContinuesThem() throws Exception {
        try (Kernel k = boot()) {
            k.setMarks(1, 1.0, 0.6); // lab1: speed 2, so each process adds 0.5
            for (int i = 0; i < 5; i++) {
                k.spawnSynthetic(1, cpu(2)); // a second each on lab1 alone
            }
            k.advance(1 * S);
            List<ProcessState> states = k.ps().stream().map(p -> p.state()).toList();
            assertEquals(List.of(ProcessState.RUNNING, ProcessState.RUNNING, ProcessState.ON_DISK, ProcessState.ON_DISK, ProcessState.ON_DISK), states,
                    "2.5 passed the red mark: the three newest froze, leaving 1.0");
            int most = 0;
            for (int s = 0; s < 12; s++) {
                k.advance(1 * S);
                most = Math.max(most, k.nodes().getFirst().processes());
                k.checkInvariants();
            }
            assertEquals(2, most, "the load never went past the red mark again");
            for (int pid = 1; pid <= 5; pid++) {
                assertEquals(Optional.of(0), k.exitStatus(pid), "pid " + pid + " finished");
            }
            assertTrue(k.trace().stream().filter(l -> l.contains(" continue pid=")).count() == 3, String.join("\n", k.trace()));
        }
    }
}
