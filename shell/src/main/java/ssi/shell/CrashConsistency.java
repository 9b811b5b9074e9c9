package ssi.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import ssi.kernel.Image;
import ssi.kernel.Kernel;
import ssi.kernel.KernelListener;
import ssi.kernel.Output;

/**
 * The crash campaign of {@code bench fuzz}: a JVM runs a cluster whose guests rewrite files and
 * report each close, and is killed with SIGKILL at a random moment; then every file must hold
 * the version last reported closed or a later one, whole, and each file left open for writing
 * must be as it was last closed (one created and never closed: there, empty). The next JVM boots
 * on the same state directory and writes on, so every round also checks a boot after a kill.
 */
final class CrashConsistency {
    /** Where the writers write: node 1's /home and node 2's /tmp, two disks. */
    private static final List<String> DIRS = List.of("/mfs/1/home/crash", "/mfs/2/tmp/crash");
    /** Reported closes a round waits for before the kill, at most: the moment is drawn up to it. */
    private static final int MOST_CLOSES = 300;
    private static final long START_MILLIS = 120_000;

    /** What the kills left: closes reported before them, files checked, and what was wrong. */
    record Result(long closed, long checked, long lost, long unclosed, long unclosedWrong, List<String> problems) {
        String summary(int kills) {
            return String.format(java.util.Locale.ROOT, "crash consistency: %d kill -9s of a JVM writing files: writes closed before the kill: %,d"
                    + " (the last of each file checked after each kill: %,d), lost: %,d; files opened for writing and never closed: %,d,"
                    + " not as last closed: %,d", kills, closed, checked, lost, unclosed, unclosedWrong);
        }

        boolean clean() {
            return lost == 0 && unclosedWrong == 0 && problems.isEmpty();
        }
    }

    private CrashConsistency() {}

    /** Runs {@code kills} rounds on a fresh state directory; prints a line per tenth of them. */
    static Result run(Image image, long seed, int kills, PrintWriter out) throws Exception {
        Path state = Files.createTempDirectory("ssi-crash-");
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, long[]> last = new HashMap<>(); // by path: the round and version of its last reported close
        long closed = 0, checked = 0, lost = 0, unclosed = 0, unclosedWrong = 0;
        List<String> problems = new ArrayList<>();
        try {
            for (int round = 0; round < kills; round++) {
                int closes = random.nextInt(MOST_CLOSES + 1);
                List<String> opened = new ArrayList<>();
                Process child = Children.start(new ProcessBuilder(ProgramBench.java(CrashConsistency.class.getName(),
                        List.of(image.dir().toString(), state.toString(), String.valueOf(round), String.valueOf(seed))))
                        .redirectError(ProcessBuilder.Redirect.DISCARD));
                int seen = 0;
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    long start = System.nanoTime();
                    while (seen < closes || opened.size() < DIRS.size()) {
                        String line = lines.readLine();
                        if (line == null || (System.nanoTime() - start) / 1_000_000 > START_MILLIS) {
                            problems.add("round " + round + ": the writing JVM ended or stalled before the kill (after " + seen + " closes)");
                            break;
                        }
                        String[] w = line.split(" ");
                        if (w[0].equals("closed")) {
                            last.put(w[1], new long[] {Long.parseLong(w[2]), Long.parseLong(w[3])});
                            seen++;
                        } else if (w[0].equals("opened")) {
                            opened.add(w[1]);
                        }
                    }
                    child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no close
                }
                closed += seen;
                for (var e : last.entrySet()) {
                    checked++;
                    String wrong = whole(state, e.getKey(), e.getValue());
                    if (wrong != null) {
                        lost++;
                        problems.add("round " + round + ": " + wrong);
                    }
                }
                for (String path : opened) {
                    unclosed++;
                    Path host = state.resolve(path.substring(1));
                    if (!Files.isRegularFile(host) || Files.size(host) != 0) {
                        unclosedWrong++;
                        problems.add("round " + round + ": " + path + ", created and never closed, is " + (Files.exists(host) ? Files.size(host)
                                + " bytes" : "missing"));
                    }
                }
                if ((round + 1) * 10 / kills != round * 10 / kills) {
                    out.printf("  %3d%% %d kills, %,d closes reported, %,d lost%n", 100 * (round + 1) / kills, round + 1, closed, lost);
                    out.flush();
                }
            }
        } finally {
            try (var walk = Files.walk(state)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        return new Result(closed, checked, lost, unclosed, unclosedWrong, List.copyOf(problems.subList(0, Math.min(12, problems.size()))));
    }

    /** Null if the file holds, whole, the version {@code last} (round, version) or a later one; else what is wrong. */
    private static String whole(Path state, String path, long[] last) throws IOException {
        Path host = state.resolve(path.substring(1));
        if (!Files.isRegularFile(host)) {
            return path + " is missing";
        }
        String text = Files.readString(host, StandardCharsets.ISO_8859_1);
        String[] head = text.substring(0, Math.max(0, text.indexOf('\n'))).split(" ");
        if (head.length != 4 || !head[0].equals(path)) {
            return path + " is torn: it begins " + FuzzTally.printable(text.substring(0, Math.min(80, text.length())));
        }
        long round = Long.parseLong(head[1]), version = Long.parseLong(head[2]);
        int size = Integer.parseInt(head[3]);
        String body = String.valueOf((char) ('a' + (version + 26) % 26)).repeat(size);
        if (!text.equals(String.join(" ", head) + "\n" + body + "\nend " + round + " " + version + "\n")) {
            return path + " is torn: version " + round + "." + version + " is not whole";
        }
        if (round < last[0] || round == last[0] && version < last[1]) {
            return path + " lost its close: it holds version " + round + "." + version + ", closed before " + last[0] + "." + last[1];
        }
        return null;
    }

    /**
     * The writing JVM: {@code IMAGE_DIR STATE_DIR ROUND SEED}. Boots the image on the state
     * directory, starts a writer per directory, and runs the cluster until it is killed, printing
     * each writer's reports ({@code closed PATH ROUND VERSION}, {@code opened PATH}) as they come.
     */
    public static void main(String[] args) throws Exception {
        Image image = Image.load(Path.of(args[0]));
        try (Kernel kernel = Kernel.boot(image, Long.parseLong(args[3]), Path.of(args[1]))) {
            var files = kernel.files().view(1);
            for (String dir : DIRS) {
                try {
                    files.mkdir(dir);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // made by an earlier round
                }
            }
            try (InputStream in = CrashConsistency.class.getResourceAsStream("fuzz/writer.js")) {
                files.write("/mfs/1/home/crash/writer.js", in.readAllBytes(), false);
            }
            kernel.addListener(new KernelListener() {
                @Override
                public void output(Output o) {
                    System.out.print(o.text());
                    System.out.flush();
                }
            });
            for (int i = 0; i < DIRS.size(); i++) {
                kernel.spawn(1 + i, "/mfs/1/home/crash/writer.js", List.of(args[2], String.valueOf(i + 1), DIRS.get(i)));
            }
            while (true) {
                kernel.advance(1_000_000_000L);
            }
        }
    }
}
