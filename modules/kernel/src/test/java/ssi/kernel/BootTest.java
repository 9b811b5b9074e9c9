package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A kernel with its own guest runtime can be refused or closed at once, while its languages warm
 * up in the background: closing an engine while another thread creates a context in it could
 * deadlock (a refused experiment once hung CI this way).
 */
class BootTest {
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard, not a measurement
    void aRefusedOrAtOnceClosedBootLeavesNothingHanging() throws Exception {
        Image lab = Image.load(Path.of("src/test/resources/images/lab"));
        for (int i = 0; i < 3; i++) {
            KernelException e = assertThrows(KernelException.class, () -> Kernel.boot(lab.withPolicy("nosuch"), 1));
            assertEquals("no policy 'nosuch' (loaded: none)", e.getMessage());
            try (Kernel kernel = Kernel.boot(lab.withPolicy("none"), 1)) {
                assertEquals(0, kernel.now()); // closed while its languages warm up
            }
        }
    }
}
