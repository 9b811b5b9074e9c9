package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ssi.api.ClusterInfo;
import ssi.api.Migration;
import ssi.api.MigrationReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ssi.synthetic.Demand;

/** MOSIX2's multi-cluster on the campus image, with synthetic processes and no policy: the owners' rules as the kernel enforces them. */
class MultiClusterTest extends LabTest {
    static Image campus;
    static final int LAB1 = 1, DEPT1 = 6, DEPT3 = 8, CLOUD1 = 18;

    @BeforeAll
    static void load() throws Exception {
        campus = Image.load(Path.of("../../images/campus")).withPolicy("none");
    }

    private static Kernel boot() throws KernelException {
        return Kernel.boot(campus, 1, runtime, Policies.discover());
    }

    /** A CPU-bound synthetic process of {@code seconds} on a standard processor, with 1 MB. */
    private static Demand cpu(double seconds) {
        return new Demand((long) (seconds * 4_000_000), 1 << 20, 0, 0, 0, 0);
    }

    @Test
    void aGuestRunsOnlyWhereItsClustersPriorityLetsIt() throws Exception {
        try (Kernel k = boot()) {
            int pid = k.spawnSynthetic(LAB1, cpu(100));
            k.migrate(pid, "dept1");
            k.advance(100 * MS);
            assertEquals(DEPT1, k.process(pid).orElseThrow().where(), "dept gives lab priority 50");
            KernelException linux = assertThrows(KernelException.class, () -> k.migrate(pid, "cloud1"));
            assertEquals("cluster cloud does not take processes of cluster lab now", linux.getMessage());
            k.setPriority("dept", "lab", "none");
            k.advance(100 * MS);
            assertEquals(LAB1, k.process(pid).orElseThrow().where(), "sent home at once when its priority went");
            Migration back = k.migrations().getLast();
            assertEquals(MigrationReason.EVICTED, back.reason());
            KernelException refused = assertThrows(KernelException.class, () -> k.migrate(pid, "dept1"));
            assertEquals("cluster dept does not take processes of cluster lab now", refused.getMessage());
            assertThrows(KernelException.class, () -> k.migrate(pid, "balance"), "the best node is its own: nowhere else it may go");
            assertThrows(KernelException.class, () -> k.spawn(LAB1, "/bin/cpu.js", List.of(), new RunOptions(DEPT3, false, RunOptions.Mode.STRICT)));
            assertEquals(List.of(LAB1), k.ps().stream().map(p -> p.where()).toList());
            assertTrue(k.trace().contains("0.100000000 evict pid=1 from=6 (its cluster may not run there now)"), String.join("\n", k.trace()));
        }
    }

    @Test
    void guestsGiveWayToLocalDemandAtThePeriodsEnd() throws Exception {
        try (Kernel k = boot()) {
            int guest = k.spawnSynthetic(LAB1, cpu(100));
            k.migrate(guest, "dept3");
            k.advance(1500 * MS);
            assertEquals(DEPT3, k.process(guest).orElseThrow().where());
            int local = k.spawnSynthetic(DEPT3, cpu(100)); // the department's owner starts work at t = 1.5 s
            k.advance(1 * S);
            assertEquals(LAB1, k.process(guest).orElseThrow().where(), "the guest went home");
            assertEquals(DEPT3, k.process(local).orElseThrow().where());
            Migration evicted = k.migrations().getLast();
            assertEquals(MigrationReason.EVICTED, evicted.reason());
            assertEquals(2 * S, evicted.requested(), "at the end of the period in which the local demand appeared");
        }
    }

    @Test
    void aDisconnectSendsTwentyGuestsHomeAndLosesNone() throws Exception {
        try (Kernel k = boot()) {
            List<Integer> guests = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int pid = k.spawnSynthetic(1 + i % 5, cpu(3));
                k.migrate(pid, String.valueOf(DEPT1 + i % 12));
                guests.add(pid);
            }
            int deptOwn = k.spawnSynthetic(DEPT1, cpu(3));
            k.migrate(deptOwn, "lab5");
            k.advance(1 * S);
            assertEquals(20, k.clusters().get(1).guests());
            assertEquals(1, k.clusters().get(1).away());
            k.disconnect("dept", LAB1);
            ClusterInfo dept = k.clusters().get(1);
            assertEquals(false, dept.connected());
            k.advance(1 * S);
            assertEquals(0, k.clusters().get(1).guests());
            assertEquals(0, k.clusters().get(1).away(), "its own came home");
            k.advance(60 * S);
            for (int pid : guests) {
                assertEquals(Optional.of(0), k.exitStatus(pid), "pid " + pid + " finished");
            }
            assertEquals(Optional.of(0), k.exitStatus(deptOwn));
            long afterDisconnect = k.migrations().stream().filter(m -> m.requested() >= S && m.to() >= DEPT1 && m.to() < CLOUD1
                    && guests.contains(m.pid())).count();
            assertEquals(0, afterDisconnect, "no guest went back to the department");
        }
    }

    @Test
    void badRequestsChangeNothing() throws Exception {
        try (Kernel k = boot()) {
            List<ClusterInfo> before = k.clusters();
            assertEquals("no cluster 'physics' (clusters: lab, dept, cloud)",
                    assertThrows(KernelException.class, () -> k.connect("physics")).getMessage());
            assertEquals("cannot disconnect cluster 'lab': it holds lab1, the node this request comes from",
                    assertThrows(KernelException.class, () -> k.disconnect("lab", LAB1)).getMessage());
            assertEquals("a priority is a whole number between 1 and 65,535 (lower is higher), or none (take no processes of that cluster), got '0'",
                    assertThrows(KernelException.class, () -> k.setPriority("dept", "lab", "0")).getMessage());
            assertThrows(KernelException.class, () -> k.setPriority("dept", "lab", "65536"));
            assertEquals("cluster 'dept' needs no priority for itself: its own processes always come first",
                    assertThrows(KernelException.class, () -> k.setPriority("dept", "dept", "3")).getMessage());
            assertEquals("cluster 'dept' is connected already", assertThrows(KernelException.class, () -> k.connect("dept")).getMessage());
            assertEquals("cluster 'cloud' is plain Linux servers, not a MOSIX cluster: reach it with mosrc",
                    assertThrows(KernelException.class, () -> k.connect("cloud")).getMessage());
            assertEquals(before, k.clusters());
        }
    }
}
