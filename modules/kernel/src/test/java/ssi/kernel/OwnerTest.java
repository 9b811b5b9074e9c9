package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import ssi.api.ProcessInfo;
import ssi.api.Signal;
import ssi.mfs.FileView;

/** Processes have owners: a per-user process limit, and Unix's rule for who may signal or alter whom. */
class OwnerTest extends LabTest {

    @Test
    void aForkBombStopsAtTheProcessLimit() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            FileView shell = r.kernel.files().view(1);
            assertEquals("256\n", new String(shell.read("/proc/mosix/admin/max-processes")), "the default, as the image sets none");
            shell.write("/proc/mosix/admin/max-processes", "16".getBytes(), false);
            int bomb = r.kernel.spawn(1, "forkbomb.js", List.of());
            r.kernel.advance(1 * S);
            List<ProcessInfo> ps = r.kernel.ps();
            assertEquals(16, ps.size(), "the limit holds: " + ps);
            assertTrue(ps.stream().allMatch(p -> p.owner().equals(RunOptions.USER)), "children run as their parent's user");
            assertTrue(r.text(bomb).startsWith("spawn: resource temporarily unavailable (process limit 16 reached)"), r.text(bomb));
            KernelException e = assertThrows(KernelException.class, () -> r.kernel.spawn(2, "hello.js", List.of()));
            assertEquals("resource temporarily unavailable (process limit 16 reached)", e.getMessage());
            int root = r.kernel.spawn(2, "hello.js", List.of(), RunOptions.DEFAULT.as(RunOptions.ROOT));
            assertEquals(0, r.finish(root), "root has no limit");
            r.kernel.checkInvariants();
            ps.forEach(p -> kill(r, p.pid()));
            r.kernel.advance(10 * MS);
            assertEquals(List.of(), r.kernel.ps());
            r.kernel.checkInvariants();
            assertEquals(0, r.finish(r.kernel.spawn(2, "hello.js", List.of())), "their end gave the user room again");
        }
    }

    @Test
    void aProcessSignalsAndAltersOnlyItsOwnUsersProcesses() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            int alices = r.kernel.spawn(2, "cpu.js", List.of(), RunOptions.DEFAULT.as("alice"));
            int bob = r.kernel.spawn(1, "meddle.js", List.of(String.valueOf(alices)), RunOptions.DEFAULT.as("bob"));
            assertEquals(0, r.finish(bob));
            assertEquals(List.of("kill: operation not permitted: process " + alices + " belongs to alice, not to bob",
                    "permission denied"), r.text(bob).lines().map(l -> l.contains("permission denied") ? "permission denied" : l).toList());
            assertTrue(r.text(bob).contains("process " + alices + " belongs to alice, and process " + bob + " may change only its own user's processes"),
                    r.text(bob));
            assertTrue(r.kernel.exitStatus(alices).isEmpty() && !r.info(alices).locked(), "alice's process is as it was");
            int root = r.kernel.spawn(1, "meddle.js", List.of(String.valueOf(alices)), RunOptions.DEFAULT.as(RunOptions.ROOT));
            assertEquals(0, r.finish(root));
            assertEquals("signalled\nlocked\n", r.text(root), "root may alter anyone's");
            assertEquals(128 + Signal.SIGTERM.number(), r.kernel.exitStatus(alices).orElseThrow());
            int own = r.kernel.spawn(2, "cpu.js", List.of(), RunOptions.DEFAULT.as("alice"));
            int alice = r.kernel.spawn(1, "meddle.js", List.of(String.valueOf(own)), RunOptions.DEFAULT.as("alice"));
            assertEquals(0, r.finish(alice));
            assertEquals("signalled\n", r.text(alice).lines().findFirst().orElseThrow() + "\n", "a user's own process: " + r.text(alice));
        }
    }

    private static void kill(LabRun r, int pid) {
        try {
            if (r.kernel.exitStatus(pid).isEmpty()) {
                r.kernel.kill(pid, Signal.SIGKILL);
            }
        } catch (KernelException e) {
            throw new AssertionError(e);
        }
    }
}
