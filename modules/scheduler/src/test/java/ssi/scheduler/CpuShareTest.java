package ssi.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CpuShareTest {
    @Test
    void sharesCpusAmongRunnableProcesses() {
        assertEquals(1.0, CpuShare.share(1, 1));
        assertEquals(0.5, CpuShare.share(1, 2));
        assertEquals(1.0, CpuShare.share(4, 3), "fewer processes than CPUs: each has a whole CPU");
        assertEquals(2.0 / 3, CpuShare.share(2, 3));
        assertEquals(0.25, CpuShare.share(0.5, 2), "a node whose kernel work took half its CPU");
    }

    @Test
    void budgetsScaleWithSpeedShareAndTime() {
        CpuShare s = new CpuShare(1_000_000);
        assertEquals(10_000, s.budget(1.0, 1.0, 10_000_000));
        assertEquals(5_000, s.budget(1.0, 0.5, 10_000_000));
        assertEquals(24_000, s.budget(2.4, 1.0, 10_000_000));
        assertEquals(0.5, s.cpuSeconds(1_000_000, 2.0));
        assertEquals(2_000.0, s.nanosPerUnit(1.0, 0.5));
        assertEquals(500_000_000L, s.nanos(1_000_000, 2.0));
        assertThrows(IllegalArgumentException.class, () -> new CpuShare(0));
    }
}
