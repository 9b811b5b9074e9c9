package ssi.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentTest {
    @Test
    void aScriptIsCommandsAtPointsOfVirtualTime() throws Exception {
        Experiment e = Experiment.parse("demo", """
                title = "Demo"
                duration = "10s"
                table_at = "4s"
                script = '''
                # a comment, then two commands at 0
                repeat 2 mosrun cpu.js 5
                at 3s
                migrate 1 5
                '''
                """);
        assertEquals("Demo", e.title());
        assertEquals(10_000_000_000L, e.durationNanos());
        assertEquals(4_000_000_000L, e.tableNanos());
        assertEquals(List.of(new Experiment.Step(0, "mosrun cpu.js 5"), new Experiment.Step(0, "mosrun cpu.js 5"),
                new Experiment.Step(3_000_000_000L, "migrate 1 5")), e.steps());
    }

    @Test
    void badExperimentsSayWhatAndWhere() {
        assertEquals("experiment x: 'duration' is missing",
                assertThrows(ExperimentException.class, () -> Experiment.parse("x", "title = 't'\nscript = 'ps'")).getMessage());
        assertEquals("experiment x: unknown key 'durtion' (known: duration, paper, script, table_at, title)",
                assertThrows(ExperimentException.class, () -> Experiment.parse("x", "title = 't'\ndurtion = '1s'")).getMessage());
        assertEquals("experiment x, script line 2 (at 5s): times go forward and stay within the duration (2.000s)",
                assertThrows(ExperimentException.class, () -> Experiment.parse("x", "title = 't'\nduration = '2s'\nscript = '''\nps\nat 5s'''")).getMessage());
        assertEquals("experiment x, script line 1 (repeat many ps): want repeat N COMMAND, N from 1 to 9999",
                assertThrows(ExperimentException.class, () -> Experiment.parse("x", "title = 't'\nduration = '2s'\nscript = 'repeat many ps'")).getMessage());
        assertTrue(assertThrows(ExperimentException.class, () -> Experiment.parse("x", "title = ")).getMessage()
                .startsWith("experiment x: not valid TOML: "));
        assertTrue(assertThrows(ExperimentException.class, () -> Experiment.parse("x", "title = 't'\nduration = '1 s'\nscript = ''")).getMessage()
                .startsWith("experiment x: 'duration': bad duration '1 s'"));
    }

    @Test
    void experimentsAreFoundByNameInTheImage(@TempDir Path image) throws Exception {
        Files.createDirectories(Experiment.directory(image));
        Files.writeString(Experiment.directory(image).resolve("b.toml"), "title = 'B'\nduration = '1s'\nscript = 'ps'");
        Files.writeString(Experiment.directory(image).resolve("a.toml"), "title = 'A'\nduration = '1s'\nscript = 'ps'");
        Files.writeString(Experiment.directory(image).resolve("notes.txt"), "not an experiment");
        assertEquals(List.of("a", "b"), Experiment.names(image));
        assertEquals("B", Experiment.load(image, "b").title());
        assertTrue(assertThrows(ExperimentException.class, () -> Experiment.load(image, "../a")).getMessage().startsWith("no experiment '../a'"));
    }

    private static Trace.NodeSample node(int id, double speed, int runnable) {
        return new Trace.NodeSample(1, id, "n" + id, speed, 1, runnable / speed, 0, runnable, 0, 0);
    }

    @Test
    void imbalanceIsTheMostLoadedNodeOverTheBestPlacement() {
        // 20 processes on the seed paper's speeds: the best placement is 3, 5, 3, 5, 4 (or 3, 4, 4, 5, 4): a maximum of 4/1.8 or 5/2.4
        double best = Math.max(3 / 1.7, 5 / 2.4);
        assertEquals(1.0, Summary.imbalance(List.of(node(1, 1.7, 3), node(2, 2.4, 5), node(3, 1.8, 3), node(4, 2.4, 5), node(5, 2.4, 4))), 1e-9);
        assertEquals((20 / 1.7) / best, Summary.imbalance(List.of(node(1, 1.7, 20), node(2, 2.4, 0), node(3, 1.8, 0), node(4, 2.4, 0), node(5, 2.4, 0))), 1e-9);
        assertEquals(0, Summary.imbalance(List.of(node(1, 1.7, 0), node(2, 2.4, 0))));
    }

    @Test
    void aTraceReadsBackAsItWasWritten(@TempDir Path dir) throws Exception {
        Trace trace = new Trace(List.of(node(1, 1.7, 2), node(2, 2.4, 0)),
                List.of(new Trace.MigrationRow(2.0, 2.0855, 1, "/bin/cpu.js \"x, y\"", 1, 2, "policy", 85.5, 0.21, 85.3, 257, 1052736, "done")),
                List.of(new Trace.ProcessRow(1, 0, "/bin/cpu.js", 1, 2, "R", -1, -1, 1.5, 6_000_000, 1, 0)));
        trace.write(dir);
        assertEquals(trace, Trace.read(dir));
        assertEquals("{\"time\":2.0,\"ended\":2.0855,\"pid\":1,\"command\":\"/bin/cpu.js \\\"x, y\\\"\",\"from\":1,\"to\":2,\"reason\":\"policy\","
                + "\"frozenMs\":85.5,\"negotiationMs\":0.21,\"transferMs\":85.3,\"pages\":257,\"bytes\":1052736,\"outcome\":\"done\"}\n",
                Files.readString(dir.resolve("migrations.jsonl")));
        assertEquals("time,node,name,speed,cpus,load,loadIndex,processes,deputies,served",
                Files.readAllLines(dir.resolve("nodes.csv")).getFirst());
        assertTrue(assertThrows(java.io.IOException.class, () -> Trace.read(dir.resolve("nowhere"))).getMessage().contains("not an experiment's trace"));
    }
}
