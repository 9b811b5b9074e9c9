package ssi.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssi.kernel.Image;

/** What a sweep runs, in which order, with which image; and a run that fails by itself is reported once. */
class PlanTest {
    private static final Path PAPER5 = Path.of("../../images/paper5");

    @Test
    void seedsAreRangesAndLists() throws SweepException {
        assertEquals(List.of(1L, 2L, 3L, 7L), Plan.seeds("1..3, 7"));
        assertEquals(List.of(-1L, 0L), Plan.seeds("-1..0"));
        for (String[] bad : new String[][] {{"3..1", "'3..1' wants FROM..TO"}, {"x", "'x' is neither"}, {"1,", "'' is neither"}}) {
            SweepException e = assertThrows(SweepException.class, () -> Plan.seeds(bad[0]));
            assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
        }
    }

    @Test
    void runsAreTheCrossProductInPolicyParameterSeedOrder() throws SweepException {
        var params = new LinkedHashMap<String, List<String>>();
        Plan.param("balancing.period_ms=1000,500", params);
        Plan.param("network.latency_us = 100", params);
        assertThrows(SweepException.class, () -> Plan.param("balancing.period_ms=1", params), "a key twice");
        assertThrows(SweepException.class, () -> Plan.param("x=1,,2", params), "an empty value");
        Plan plan = new Plan("e", List.of("round-robin", "mosix"), List.of(2L, 1L), params, 0).checked();
        List<String> order = plan.runs("h", "script").stream().map(RunSpec::toString).toList();
        assertEquals(List.of("mosix balancing.period_ms=500;network.latency_us=100 seed 1", "mosix balancing.period_ms=500;network.latency_us=100 seed 2",
                "mosix balancing.period_ms=1000;network.latency_us=100 seed 1", "mosix balancing.period_ms=1000;network.latency_us=100 seed 2",
                "round-robin balancing.period_ms=500;network.latency_us=100 seed 1", "round-robin balancing.period_ms=500;network.latency_us=100 seed 2",
                "round-robin balancing.period_ms=1000;network.latency_us=100 seed 1", "round-robin balancing.period_ms=1000;network.latency_us=100 seed 2"),
                order, "numbers by value: 500 before 1000");
        assertEquals("mosix-balancing.period_ms=500-network.latency_us=100-s1", plan.runs("h", "s").getFirst().key());
        assertThrows(SweepException.class, () -> new Plan("e", List.of("a/b"), List.of(1L), new LinkedHashMap<>(), 0).checked(), "no policy's name");
    }

    @Test
    void anImageIsTheSameBytesAndHashEverywhereAndParametersChangeItsManifest(@TempDir Path cache) throws Exception {
        ImageArchive a = ImageArchive.of(PAPER5);
        assertEquals(a.hash(), ImageArchive.of(PAPER5).hash());
        Path dir = ImageArchive.unpack(cache, a.hash(), a.bytes());
        assertEquals(ImageArchive.of(PAPER5).hash(), ImageArchive.of(dir).hash(), "unpacked, it packs to the same bytes");
        Image changed = Image.load(ImageArchive.variant(dir, Map.of("balancing.period_ms", "500", "network.bandwidth_mbit", "10")));
        assertEquals(500_000_000L, changed.balancing().periodNanos());
        assertEquals(Image.load(PAPER5).nodes(), changed.nodes(), "the rest as it was");
        SweepException e = assertThrows(SweepException.class, () -> ImageArchive.variant(dir, Map.of("node", "1")));
        assertTrue(e.getMessage().contains("--param node: a table or list"), e.getMessage());
        assertThrows(java.io.IOException.class, () -> ImageArchive.unpack(cache, "0".repeat(64), a.bytes()), "bytes that do not match the hash");
    }

    @Test
    void aRunThatFailsByItselfIsReportedWithItsErrorOnce(@TempDir Path cache) throws Exception {
        ImageArchive image = ImageArchive.of(PAPER5);
        Station station = new Station((kernel, out) -> {
            throw new AssertionError("a run whose experiment cannot be read runs no command");
        }, cache, Version.CURRENT);
        HazelcastInstance member = Members.start(Members.Settings.embedded().withSlots(1), station);
        try {
            RunSpec bad = new RunSpec(image.hash(), "broken", "title = ", "mosix", Map.of(), 1, 0);
            List<RunResult> results = Coordinator.run(member, image, Version.CURRENT, List.of(bad), (d, f, r, t, e) -> {});
            assertEquals(1, results.size());
            assertTrue(results.getFirst().error().startsWith("experiment broken: not valid TOML"), results.getFirst().error());
            assertTrue(Files.isDirectory(cache.resolve(image.hash())), "the member asked for the image and kept it");
        } finally {
            member.shutdown();
        }
    }
}
