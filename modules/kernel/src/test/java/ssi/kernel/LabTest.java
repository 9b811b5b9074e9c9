package ssi.kernel;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import ssi.guest.GuestRuntime;

/** Tests on the lab image, sharing one guest runtime per test class (an engine takes seconds to start). */
abstract class LabTest {
    static final long MS = 1_000_000;
    static final long S = 1_000_000_000;
    static GuestRuntime runtime;
    static Image lab;

    @BeforeAll
    static void start() throws Exception {
        runtime = new GuestRuntime();
        lab = Image.load(Path.of("src/test/resources/images/lab"));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }
}
