package ssi.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import ssi.experiment.Experiment;
import ssi.experiment.Runner;
import ssi.kernel.Image;
import ssi.kernel.Kernel;

/** The campus image's two experiments: what each shows, and the same trace run to run (cut short where what they show has happened). */
class CampusExperimentsTest {
    private static final Path IMAGE = Path.of("../images/campus");

    /** The kernel's whole trace of a run of {@code name} until {@code untilSeconds}, then its nodes.csv, clusters.csv and output.txt. */
    private static List<String> run(String name, long untilSeconds) throws Exception {
        Image image = Image.load(IMAGE);
        AtomicReference<Kernel> booted = new AtomicReference<>();
        Runner runner = new Runner(image, (kernel, out) -> {
            booted.set(kernel);
            return Experiments.console(kernel, out);
        });
        Path out = Files.createTempDirectory("ssi-campus-" + name);
        try {
            runner.run(Experiment.load(image.dir(), name), image.seed(), null, untilSeconds * 1_000_000_000L, out, (now, end) -> {});
            List<String> lines = new ArrayList<>(booted.get().trace());
            lines.add("# nodes.csv");
            lines.addAll(Files.readAllLines(out.resolve("nodes.csv")));
            lines.add("# clusters.csv");
            lines.addAll(Files.readAllLines(out.resolve("clusters.csv")));
            lines.add("# output.txt");
            lines.addAll(Files.readAllLines(out.resolve("output.txt")));
            return lines;
        } finally {
            try (var files = Files.walk(out)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void ownerReclaimsSendsTheGuestsAwayWithinAPeriodTheSameEveryRun() throws Exception {
        List<String> first = run("owner-reclaims", 14);
        assertEquals(first, run("owner-reclaims", 14), "the same trace run to run");
        java.util.regex.Pattern leaving = java.util.regex.Pattern.compile("13\\.000000000 freeze pid=(\\d+) from=(\\d+) to=(\\d+) .*");
        List<String> left = first.stream().filter(l -> {
            java.util.regex.Matcher m = leaving.matcher(l);
            return m.matches() && Integer.parseInt(m.group(1)) <= 17 && Integer.parseInt(m.group(2)) >= 6 && Integer.parseInt(m.group(3)) <= 5;
        }).toList();
        assertEquals(12, left.size(), "the lab worker on each department node left for the lab at the end of the period in which the owner's work began: "
                + left);
        assertTrue(first.stream().noneMatch(l -> l.matches("1[3-4]\\.\\d+ migrated pid=([1-9]|1[0-7]) from=\\d+ to=([6-9]|1[0-7]) .*")),
                "no lab worker went back to the department");
        List<String> clusters = first.subList(first.indexOf("# clusters.csv") + 1, first.indexOf("# output.txt"));
        assertEquals("time,cluster,load,processes,guests,away", clusters.getFirst());
        assertTrue(clusters.stream().anyMatch(l -> l.matches("12\\.0,lab,[0-9.]+,\\d+,0,12")), "at 12 s 12 of the lab's workers are away: " + clusters);
        assertTrue(clusters.stream().anyMatch(l -> l.matches("14\\.0,lab,[0-9.]+,\\d+,0,0")), "by 14 s none: " + clusters);
    }

    @Test
    void theFloodIsFrozenUnderTheRedMarkAndLosesNothingTheSameEveryRun() throws Exception {
        List<String> first = run("flood", 40);
        assertEquals(first, run("flood", 40), "the same trace run to run");
        assertTrue(first.contains("2.000000000 cluster disconnect dept"), String.join("\n", first));
        assertEquals(24, first.stream().filter(l -> l.startsWith("2.000000000 evict pid=")).count(), "every guest sent home");
        assertEquals(18, first.stream().filter(l -> l.contains("freeze-disk") && l.contains("reason=red-mark")).count(),
                "24 home at lab1 (speed 2) make a load of 12: the 18 newest froze, leaving 3.0, the red mark");
        assertEquals(18, first.stream().filter(l -> l.contains(" continue pid=")).count(), "and each continued");
        int nodes = first.indexOf("# nodes.csv"), output = first.indexOf("# output.txt");
        for (String sample : first.subList(nodes + 2, first.indexOf("# clusters.csv"))) {
            String[] f = sample.split(",");
            if (f[1].equals("1")) {
                assertTrue(Double.parseDouble(f[5]) <= 3.0, "lab1's load stays at its red mark or under: " + sample);
            }
        }
        for (int pid = 1; pid <= 24; pid++) {
            String own = "count " + pid + ": ";
            assertEquals(List.of(own + "1/8", own + "2/8", own + "3/8", own + "4/8", own + "5/8", own + "6/8", own + "7/8", own + "8/8"),
                    first.subList(output + 1, first.size()).stream().filter(l -> l.startsWith(own)).toList(), "nothing lost of pid " + pid);
        }
    }
}
