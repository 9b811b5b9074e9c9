package ssi.policy.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import ssi.api.MigrationReason;
import ssi.kernel.RunOptions;

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

    /**
     * reader.js at node 1 reads node 3's file over MFS, waiting on the network most of the time; at
     * node 3 its reads are local (DFSA). Node 3 is no faster: only the I/O makes a policy move it
     * there, in one migration.
     */
    static Figures anIoBoundProcessGoesToItsFile(String policy) throws Exception {
        Figures f = kit.run(PolicyKit.PAPER5, policy, Map.of(), 1, k -> {
            int reader = k.spawn(1, "reader.js", List.of("/mfs/3/data"));
            k.advance(20 * S);
            assertEquals(3, PolicyKit.process(k, reader).where(), "it runs where its file is");
        });
        System.out.println(f.summary());
        assertEquals(1, f.migrations().size(), f.migrations().toString());
        assertEquals(3, f.migrations().getFirst().to());
        assertEquals(MigrationReason.POLICY, f.migrations().getFirst().reason());
        return f;
    }

    /** The seed paper's Test 7: a producer piping 4 KB blocks to a consumer, both started at node 1, for 20 s. */
    static Figures aPipeline(String policy) throws Exception {
        Figures f = kit.run(PolicyKit.PAPER5, policy, Map.of(), 1, k -> {
            k.pipeline(1, List.of(List.of("producer.js"), List.of("consumer.js")), List.of(RunOptions.DEFAULT, RunOptions.DEFAULT));
            k.advance(20 * S);
        });
        System.out.println(f.summary());
        return f;
    }
}
