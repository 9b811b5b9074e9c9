package ssi.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssi.guest.Syscall;
import ssi.guest.SystemCalls;
import ssi.guest.Yield;

class SyntheticProcessTest {
    /** The system calls a synthetic process makes on its own: only writes to its memory, recorded. */
    static final class Touches implements SystemCalls {
        final List<long[]> touched = new ArrayList<>();

        @Override public int getpid() { return 7; }
        @Override public int getppid() { return 0; }
        @Override public int where() { return 1; }
        @Override public double time(long workInSlice) { return 0; }
        @Override public boolean output(boolean stderr, byte[] bytes, long workInSlice) { return true; }
        @Override public void lock(boolean locked) {}
        @Override public void touch(int handle, long offset, long length) { touched.add(new long[] {handle, offset, length}); }
    }

    @Test
    void itAllocatesThenComputesCallingHomeAndWritingItsMemoryOnSchedule() {
        Touches calls = new Touches();
        SyntheticProcess p = new SyntheticProcess(new Demand(1000, 4096, 300, 64, 250, 1024), calls);
        assertEquals(new Yield.Trapped(0, new Syscall.Alloc(4096)), p.resume(100, null));
        // allocated as block 3: written whole, then 100 units of the slice
        assertEquals(new Yield.BudgetSpent(100, false), p.resume(100, 3));
        assertEquals(1, calls.touched.size());
        // 300 units in: the call home, after a write of memory at 250 inside the slice
        assertEquals(new Yield.Trapped(200, new Syscall.Demand(64)), p.resume(500, null));
        assertEquals(List.of(0L, 1024L), List.of(calls.touched.get(1)[1], calls.touched.get(1)[2]));
        assertEquals(new Yield.Trapped(300, new Syscall.Demand(64)), p.resume(10_000, null));
        assertEquals(new Yield.Trapped(300, new Syscall.Demand(64)), p.resume(10_000, null));
        assertEquals(new Yield.Exited(100, 0, ""), p.resume(10_000, null));
        assertEquals(1000, p.done());
        assertTrue(p.ended());
        assertEquals(1 + 3, calls.touched.size(), "written whole at the start, then at 250, 500 and 750 units (1000 is its end)");
    }

    @Test
    void aRefusedAllocationEndsIt() {
        SyntheticProcess p = new SyntheticProcess(new Demand(10, 1 << 30, 0, 0, 0, 0), new Touches());
        p.resume(10, null);
        Yield end = p.resume(10, new IllegalStateException("alloc: node1 has 1000 bytes free"));
        assertEquals(new Yield.Exited(0, 1, "synthetic: alloc: node1 has 1000 bytes free\n"), end);
    }

    @Test
    void drawsAreTheSameForTheSameSeed() {
        Workload.Model model = new Workload.Model(Workload.Distribution.parse("exp:30"), Workload.Distribution.parse("uniform:1:32"),
                Workload.Distribution.parse("10"), 256, Workload.Distribution.parse("0"));
        List<Workload.Start> a = Workload.draw(model, 100, new int[] {1, 2, 3}, 4_000_000, 42);
        assertEquals(a, Workload.draw(model, 100, new int[] {1, 2, 3}, 4_000_000, 42));
        assertTrue(!a.equals(Workload.draw(model, 100, new int[] {1, 2, 3}, 4_000_000, 43)));
        assertEquals(400_000, a.getFirst().demand().callEvery(), "10 calls per CPU second at 4M units per second");
        double mean = a.stream().mapToLong(s -> s.demand().work()).average().orElseThrow() / 4_000_000;
        assertTrue(mean > 20 && mean < 40, "exponential, mean 30 s: " + mean);
        assertTrue(a.stream().allMatch(s -> s.node() >= 1 && s.node() <= 3));
    }

    @Test
    void badFiguresSayWhatIsWrong(@TempDir Path dir) throws Exception {
        assertEquals("bad distribution 'exp:-3': want a number, exp:MEAN or uniform:LOW:HIGH (all >= 0)",
                assertThrows(IllegalArgumentException.class, () -> Workload.Distribution.parse("exp:-3")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Workload.Distribution.parse("uniform:5:1"));
        assertThrows(IllegalArgumentException.class, () -> Workload.Distribution.parse("lots"));
        Path trace = dir.resolve("t.csv");
        Files.writeString(trace, "node,seconds,memory_mb,calls_per_second,call_bytes,dirty_mb_per_second\n2,1.5,8,4,100,0\n3,-1,8,0,0,0\n");
        String message = assertThrows(java.io.IOException.class, () -> Workload.read(trace, 1000)).getMessage();
        assertTrue(message.contains("row 3") && message.contains("seconds > 0"), message);
        Files.writeString(trace, "node,seconds,memory_mb,calls_per_second,call_bytes,dirty_mb_per_second\n2,1.5,8,4,100,0\n");
        assertEquals(List.of(new Workload.Start(2, new Demand(1500, 8 << 20, 250, 100, 0, 65536))), Workload.read(trace, 1000));
    }
}
