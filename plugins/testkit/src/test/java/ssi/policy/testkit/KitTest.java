package ssi.policy.testkit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Scenario tests sharing one kit (one guest runtime) per test class: an engine takes seconds to start. */
abstract class KitTest {
    static final long S = 1_000_000_000L;
    static PolicyKit kit;

    @BeforeAll
    static void start() throws Exception {
        kit = new PolicyKit();
    }

    @AfterAll
    static void stop() {
        if (kit != null) {
            kit.close();
        }
    }
}
