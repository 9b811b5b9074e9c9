package ssi.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ssi.guest.BareRun;
import ssi.guest.GuestProgram;
import ssi.guest.GuestRuntime;
import ssi.guest.Language;
import ssi.kernel.Image;
import ssi.kernel.Kernel;
import ssi.kernel.KernelListener;
import ssi.kernel.Output;
import ssi.kernel.RunOptions;

/**
 * {@code bench program}: one guest program three ways in one run: as an ssi process on the best
 * node of an idle cluster of the image (its own kernel and engine, policy none), in a bare GraalVM
 * context (the same prelude, files and arguments, no work meter, no kernel), and under {@code node}
 * or {@code python3} when installed. Each ssi and bare run is a JVM of its own with the same flags,
 * started cold as a user's would be (in one JVM the second run would find the JIT compiler itself
 * warmed up by the first); each figure is the median of {@code runs}, taken in turns. The suite of
 * the image's {@code /bench} programs goes through the same, with geometric means.
 */
public final class ProgramBench {
    /**
     * One program's figures, in seconds of wall time (native is null without node/python3), and the
     * CPU seconds of the ssi and bare JVMs: on a loaded host their ratio says more than the wall times'.
     */
    record Figures(String program, Language language, double ssi, double bare, Double nativeSeconds, int exit, boolean sameOutput,
            double ssiCpu, double bareCpu) {
        double ssiOverBare() {
            return ssi / bare;
        }

        double cpuOverBare() {
            return ssiCpu / bareCpu;
        }

        Double ssiOverNative() {
            return nativeSeconds == null ? null : ssi / nativeSeconds;
        }

        String json() {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("program", program).put("lang", language == Language.JS ? "js" : "python").put("ssi_s", round(ssi)).put("bare_s", round(bare));
            if (nativeSeconds == null) {
                o.putNull("native_s");
            } else {
                o.put("native_s", round(nativeSeconds));
            }
            o.put("ssi_over_bare", round(ssiOverBare()));
            if (nativeSeconds == null) {
                o.putNull("ssi_over_native");
            } else {
                o.put("ssi_over_native", round(ssiOverNative()));
            }
            o.put("ssi_cpu_s", round(ssiCpu)).put("bare_cpu_s", round(bareCpu)).put("cpu_ssi_over_bare", round(cpuOverBare()));
            o.put("exit", exit).put("same_output", sameOutput);
            return o.toString();
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }

    private ProgramBench() {}

    /** Measures a program (an absolute path of the image's tree, e.g. {@code /bench/js/json/main.js}). */
    static Figures measure(Image image, String path, List<String> args, int runs) throws Exception {
        Language language = Language.of(path).orElseThrow(() -> new IllegalArgumentException("not a guest program (want .js, .mjs, .cjs or .py): " + path));
        Path root = image.root().toAbsolutePath().normalize();
        Path host = root.resolve(path.substring(1)).normalize();
        if (!host.startsWith(root) || !Files.isRegularFile(host)) {
            throw new IllegalArgumentException("no such program in the image's tree: " + path);
        }
        List<Double> ssi = new ArrayList<>(), bare = new ArrayList<>(), nat = new ArrayList<>(), ssiCpu = new ArrayList<>(), bareCpu = new ArrayList<>();
        int exit = 0;
        boolean same = true;
        for (int i = 0; i < runs; i++) {
            Run s = child("ssi", image, path, args);
            Run b = child("bare", image, path, args);
            Run n = native_(language, host, args, root.resolve("lib/python"));
            ssi.add(s.seconds);
            bare.add(b.seconds);
            ssiCpu.add(s.cpu);
            bareCpu.add(b.cpu);
            if (n != null) {
                nat.add(n.seconds);
            }
            exit = s.exit;
            same &= s.output.equals(b.output) && s.exit == b.exit && (n == null || n.output.equals(s.output) && n.exit == s.exit);
        }
        return new Figures(path, language, median(ssi), median(bare), nat.isEmpty() ? null : median(nat), exit, same, median(ssiCpu), median(bareCpu));
    }

    /** One run: wall seconds, exit status, stdout, and the CPU seconds its JVM spent meanwhile (all threads: the JIT's too). */
    private record Run(double seconds, int exit, String output, double cpu) {
        Run(double seconds, int exit, String output) {
            this(seconds, exit, output, 0);
        }
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** A JVM started as this one was, running {@code main} of this module with {@code args}. */
    static List<String> java(String main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-m", "ssi.shell/" + main));
        command.addAll(args);
        return command;
    }

    /**
     * {@code ./ssi -c 'mosrun hello.js'} (and {@code hello.py}) from the JVM's start to the program's
     * first line on stdout, in seconds: the median of three fresh JVMs each.
     */
    static void firstOutput(Image image, PrintWriter out) throws Exception {
        for (String prog : List.of("hello.js", "hello.py")) {
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Path state = Files.createTempDirectory("ssi-first-");
                try {
                    long start = System.nanoTime();
                    Process p = Children.start(new ProcessBuilder(java(Main.class.getName(), List.of("--image", image.dir().toString(), "--state", state.toString(),
                            "-c", "mosrun " + prog))).redirectError(ProcessBuilder.Redirect.DISCARD));
                    String first = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
                    times.add((System.nanoTime() - start) / 1e9);
                    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                    p.waitFor();
                    if (first == null || !first.startsWith("hello")) {
                        throw new IllegalStateException("mosrun " + prog + " printed no hello: " + first);
                    }
                } finally {
                    try (var walk = Files.walk(state)) {
                        walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    }
                }
            }
            out.printf("first output: ./ssi -c 'mosrun %s' prints its first line %.2f s after the JVM starts (median of 3; goal %s s)%n",
                    prog, median(times), prog.endsWith(".js") ? "1" : "2");
            out.flush();
        }
    }

    /** One run in a JVM of its own, started as this one was; it reports what {@link #main} prints. */
    private static Run child(String mode, Image image, String path, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(mode, image.dir().toString(), path));
        command.addAll(args);
        command = java(ProgramBench.class.getName(), command);
        Process p = Children.start(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD));
        String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String last = report.lines().reduce((a, b) -> b).orElse("");
        if (p.exitValue() != 0 || !last.startsWith("{")) {
            throw new IllegalStateException("the " + mode + " run of " + path + " failed (status " + p.exitValue() + ")");
        }
        var json = new ObjectMapper().readTree(last);
        return new Run(json.get("seconds").asDouble(), json.get("exit").asInt(), json.get("output").asText(), json.get("cpu").asDouble());
    }

    /** A child run: {@code ssi|bare IMAGE_DIR PATH ARGS...}; prints its figures as one line of JSON. */
    public static void main(String[] argv) throws Exception {
        Image image = Image.load(Path.of(argv[1]));
        String path = argv[2];
        List<String> args = List.of(argv).subList(3, argv.length);
        Run r;
        double cpu = cpuSeconds();
        if (argv[0].equals("ssi")) {
            r = ssi(image, path, args);
        } else {
            Language language = Language.of(path).orElseThrow();
            r = bare(image, path, args, language, Files.readString(image.root().resolve(path.substring(1))));
        }
        cpu = cpuSeconds() - cpu;
        ObjectNode o = new ObjectMapper().createObjectNode().put("seconds", r.seconds).put("exit", r.exit).put("output", r.output).put("cpu", cpu);
        System.out.println(o);
        System.exit(0);
    }

    /** As an ssi process: a fresh engine and kernel, the program on the best node, run to its exit. */
    private static Run ssi(Image image, String path, List<String> args) throws Exception {
        try (GuestRuntime runtime = new GuestRuntime(); Kernel kernel = Kernel.boot(image.withPolicy("none"), image.seed(), runtime)) {
            StringBuilder output = new StringBuilder();
            int[] pid = {-1};
            kernel.addListener(new KernelListener() {
                @Override
                public void output(Output o) {
                    if (o.pid() == pid[0] && !o.stderr()) {
                        output.append(o.text());
                    }
                }
            });
            long start = System.nanoTime();
            pid[0] = kernel.spawn(1, path, args, new RunOptions(RunOptions.BEST, false, RunOptions.Mode.STRICT));
            int exit = kernel.runUntilExit(pid[0], Long.MAX_VALUE - kernel.now()).orElseThrow();
            return new Run((System.nanoTime() - start) / 1e9, exit, output.toString());
        }
    }

    /** In a bare GraalVM context, reading the image's files as the process would (no kernel: at once). */
    private static Run bare(Image image, String path, List<String> args, Language language, String source) throws IOException {
        Path state = Files.createTempDirectory("ssi-bare-");
        try {
            ssi.mfs.Namespace files = new ssi.mfs.Namespace(image.root(), state, List.of(1L << 30));
            GuestProgram program = new GuestProgram(path, source, language, args, image.seed(), "/");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BareRun.Result r = BareRun.run(program, new ssi.mfs.GuestFileSystem(files.view(1), ssi.mfs.FileGate.DIRECT).forGuest(), out,
                    java.io.OutputStream.nullOutputStream());
            return new Run(r.nanos() / 1e9, r.status(), out.toString(StandardCharsets.UTF_8));
        } finally {
            try (var walk = Files.walk(state)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Under node or python3, if installed (null if not), with the image's Python library on the path as in ssi. */
    private static Run native_(Language language, Path host, List<String> args, Path pythonLibrary) throws Exception {
        List<String> command = new ArrayList<>(List.of(language == Language.JS ? "node" : "python3", host.toString()));
        command.addAll(args);
        long start = System.nanoTime();
        Process p;
        try {
            ProcessBuilder b = new ProcessBuilder(command).directory(host.getParent().toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
            b.environment().put("PYTHONPATH", pythonLibrary.toString());
            p = Children.start(b);
        } catch (IOException e) {
            return null; // not installed
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(command.getFirst() + " ran past 30 minutes");
        }
        return new Run((System.nanoTime() - start) / 1e9, p.exitValue(), output);
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    /** Prints one program's figures as a line (or its JSON object). */
    static void print(Figures f, boolean json, PrintWriter out) {
        if (json) {
            out.println(f.json());
        } else {
            out.printf("%s: ssi %.2f s, bare %.2f s, %s: ssi/bare %.2f (cpu %.1f / %.1f s = %.2f)%s, exit %d%s%n", f.program(), f.ssi(), f.bare(),
                    f.nativeSeconds() == null ? (f.language() == Language.JS ? "node" : "python3") + " not installed"
                            : String.format("%s %.2f s", f.language() == Language.JS ? "node" : "python3", f.nativeSeconds()),
                    f.ssiOverBare(), f.ssiCpu(), f.bareCpu(), f.cpuOverBare(), f.ssiOverNative() == null ? "" : String.format(", ssi/%s %.2f", f.language() == Language.JS ? "node" : "python3",
                            f.ssiOverNative()), f.exit(), f.sameOutput() ? "" : " (outputs differ)");
        }
        out.flush();
    }

    /** The image's suite ({@code /bench/js/NAME/main.js}, {@code /bench/py/NAME/main.py}): a table, then geometric means per language. */
    static List<Figures> suite(Image image, int runs, PrintWriter out) throws Exception {
        List<Figures> all = new ArrayList<>();
        for (String lang : List.of("js", "py")) {
            Path dir = image.root().resolve("bench").resolve(lang);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var programs = Files.list(dir)) {
                for (Path p : programs.filter(p -> Files.isRegularFile(p.resolve("main." + lang))).sorted().toList()) {
                    Figures f = measure(image, "/bench/" + lang + "/" + p.getFileName() + "/main." + lang, List.of(), runs);
                    print(f, false, out);
                    all.add(f);
                }
            }
        }
        for (Language l : Language.values()) {
            List<Figures> of = all.stream().filter(f -> f.language() == l).toList();
            if (of.isEmpty()) {
                continue;
            }
            String name = l == Language.JS ? "node" : "python3";
            List<Double> natives = of.stream().map(Figures::ssiOverNative).filter(java.util.Objects::nonNull).toList();
            out.printf("suite %s (%d programs): geometric mean ssi/bare %.2f (worst %.2f; cpu %.2f, worst %.2f), ssi/%s %s%n",
                    l == Language.JS ? "js" : "python", of.size(), geomean(of.stream().map(Figures::ssiOverBare).toList()),
                    of.stream().mapToDouble(Figures::ssiOverBare).max().orElse(0), geomean(of.stream().map(Figures::cpuOverBare).toList()),
                    of.stream().mapToDouble(Figures::cpuOverBare).max().orElse(0), name,
                    natives.size() == of.size() ? String.format("%.2f", geomean(natives)) : "n/a");
        }
        out.flush();
        return all;
    }

    private static double geomean(List<Double> xs) {
        return Math.exp(xs.stream().mapToDouble(Math::log).average().orElse(0));
    }
}
