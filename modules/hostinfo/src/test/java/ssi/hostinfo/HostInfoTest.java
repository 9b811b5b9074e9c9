package ssi.hostinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostInfoTest {
    @Test
    void readsTheRealHost() {
        HostInfo h = HostInfo.read();
        assertEquals(Runtime.getRuntime().availableProcessors(), h.logicalCpus(), "OSHI and the JVM agree on logical CPUs");
        assertTrue(h.totalMemory() > h.availableMemory() && h.availableMemory() > 0, "memory figures are sane");
        assertEquals(3, h.loadAverage().length);
        assertFalse(h.cpuModel().isBlank());
        assertTrue(h.describe().contains(h.logicalCpus() + " logical"));
    }
}
