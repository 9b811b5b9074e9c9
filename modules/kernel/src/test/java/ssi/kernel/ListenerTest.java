package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A listener hears of events until it is removed and of none after, even one that removes itself while it is told. */
class ListenerTest extends LabTest {

    @Test
    void aRemovedListenerHearsNothingMore() throws Exception {
        try (LabRun r = new LabRun(lab, runtime, 1)) {
            List<String> once = new ArrayList<>(), always = new ArrayList<>();
            r.kernel.addListener(new KernelListener() {
                @Override
                public void output(Output o) {
                    once.add(o.text().strip());
                    r.kernel.removeListener(this); // while the others are told
                }
            });
            r.kernel.addListener(new KernelListener() {
                @Override
                public void output(Output o) {
                    always.add(o.text().strip());
                }
            });
            int first = r.kernel.spawn(1, "hello.js", List.of());
            assertEquals(Optional.of(0), r.kernel.runUntilExit(first, 10 * LabRun.S));
            int second = r.kernel.spawn(2, "hello.js", List.of());
            assertEquals(Optional.of(0), r.kernel.runUntilExit(second, 10 * LabRun.S));
            assertEquals(2, always.size(), "the listener that stayed heard both: " + always);
            assertEquals(always.subList(0, 1), once);
        }
    }
}
