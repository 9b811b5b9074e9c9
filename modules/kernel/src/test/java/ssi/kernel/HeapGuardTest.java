package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A guest that allocates without bound is killed with an out-of-memory error; the others go on. */
class HeapGuardTest extends LabTest {
    @Test
    void aGuestOverItsHeapLimitIsKilledAndTheOthersGoOn(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("root/bin"));
        Files.writeString(dir.resolve("manifest.toml"), """
                name = "guarded"
                [memory]
                guest_heap_mb = 32
                heap_check_ms = 100
                heap_pressure_percent = 0
                [[node]]
                name = "n1"
                speed = 1.0
                memory_mb = 1024
                """);
        // 1 MB of host heap every 10 ms of virtual time, kept: 32 MB in about 0.3 s
        Files.writeString(dir.resolve("root/bin/hog.js"), """
                const kept = [];
                for (let i = 0; ; i++) {
                    kept.push('x'.repeat(1 << 20) + i);
                    ssi.sleep(0.01);
                }
                """);
        Files.copy(Path.of("src/test/resources/images/lab/root/bin/work.js"), dir.resolve("root/bin/work.js"));
        Image guarded = Image.load(dir);
        assertEquals(new Image.HeapGuard(32L << 20, 100 * MS, 0), guarded.heapGuard());
        try (LabRun r = new LabRun(guarded, runtime, 1)) {
            int hog = r.kernel.spawn(1, "hog.js", List.of());
            int work = r.kernel.spawn(1, "work.js", List.of("300000"));
            r.kernel.advance(200 * MS); // asked at 100 ms, measured as its next slice started, known at 200 ms
            long early = r.kernel.process(hog).orElseThrow().heap();
            assertTrue(early > 0 && early < 32L << 20, "measured, under the limit: " + early);
            assertEquals(137, r.kernel.runUntilExit(hog, 2 * S).orElseThrow());
            assertTrue(r.text(hog).contains("out of memory: process " + hog + " exceeded its limit of 32 MB (its host heap"), r.text(hog));
            long killedAt = r.exitTimes.get(hog);
            assertTrue(killedAt >= 300 * MS && killedAt <= 700 * MS, "at the first check past 32 MB: " + killedAt);
            assertEquals(0, r.finish(work));
            assertTrue(r.text(work).startsWith("work.js: 300000 iterations"), r.text(work));
        }
    }

    @Test
    void theGuardIsSetInTheManifest() throws Exception {
        assertEquals(new Image.HeapGuard(512L << 20, 5000 * MS, 50), lab.heapGuard(), "the defaults");
    }
}
