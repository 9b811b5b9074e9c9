package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import ssi.migration.AddressSpace;

class ByPidTest {
    private static Proc proc(int pid) {
        return new Proc(pid, 1, 1, 1, null, "synthetic", RunOptions.Mode.STRICT, "", new AddressSpace(4096, 0), 0, RunOptions.USER);
    }

    @Test
    void walksItsProcessesInPidOrderAsTheyComeAndGo() {
        ByPid set = new ByPid();
        TreeMap<Integer, Proc> model = new TreeMap<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        Proc[] procs = new Proc[5_000];
        for (int i = 1; i < procs.length; i++) {
            procs[i] = proc(i);
        }
        for (int step = 0; step < 20_000; step++) {
            Proc p = procs[1 + random.nextInt(procs.length - 1)];
            if (random.nextBoolean()) {
                set.put(p);
                model.put(p.pid, p);
            } else {
                set.remove(p.pid);
                model.remove(p.pid);
            }
        }
        assertEquals(new ArrayList<>(model.values()), new ArrayList<>(set));
        assertEquals(model.size(), set.size());
        set.put(procs[7]); // again: no second entry
        model.put(7, procs[7]);
        assertEquals(List.copyOf(model.values()), List.copyOf(set));
    }

    @Test
    void aChangeWhileWalkingIsCaught() {
        ByPid set = new ByPid();
        set.put(proc(1));
        set.put(proc(2));
        assertThrows(ConcurrentModificationException.class, () -> {
            for (Proc p : set) {
                set.remove(p.pid);
            }
        });
    }
}
