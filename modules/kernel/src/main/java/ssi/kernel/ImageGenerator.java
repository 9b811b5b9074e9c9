package ssi.kernel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import ssi.synthetic.Workload.Distribution;

/** Writes the image of a large generated cluster: nodes whose speed, CPUs and memory are drawn from distributions with a seed. */
public final class ImageGenerator {
    private ImageGenerator() {}

    /**
     * The nodes and settings of a generated image.
     *
     * @param quantumMs the clock's quantum (a larger one makes large synthetic studies faster)
     * @param from the image whose programs ({@code root/bin}) and other settings it takes
     */
    public record Spec(String name, int nodes, Distribution speeds, Distribution cpus, Distribution memoryMb, long seed,
                       String policy, double quantumMs, Image from) {}

    /** Writes {@code dir/manifest.toml} and {@code dir/root/bin} (the programs of {@code spec.from()}); returns the image. */
    public static Image write(Spec spec, Path dir) throws IOException, ImageException {
        if (spec.nodes() < 1 || spec.nodes() > 100_000) {
            throw new IllegalArgumentException("want 1 to 100000 nodes, got " + spec.nodes());
        }
        SplittableRandom random = new SplittableRandom(spec.seed());
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode().put("name", spec.name())
                .put("description", "generated: " + spec.nodes() + " nodes, speeds " + spec.speeds() + ", cpus " + spec.cpus()
                        + ", memory " + spec.memoryMb() + " MB, seed " + spec.seed())
                .put("seed", spec.seed());
        Image from = spec.from();
        root.putObject("clock").put("quantum_ms", spec.quantumMs()).put("work_rate", from.workRate());
        root.putObject("network").put("latency_us", from.link().latencyNanos() / 1e3).put("bandwidth_mbit", from.link().bandwidth() / 1e6);
        root.putObject("balancing").put("policy", spec.policy()).put("period_ms", from.balancing().periodNanos() / 1e6)
                .put("min_residence_ms", from.balancing().minResidenceNanos() / 1e6);
        ArrayNode nodes = root.putArray("node");
        for (int i = 1; i <= spec.nodes(); i++) {
            nodes.addObject().put("name", "n" + i)
                    .put("speed", Math.max(0.001, Math.round(spec.speeds().draw(random) * 100) / 100.0))
                    .put("cpus", Math.max(1, (int) Math.round(spec.cpus().draw(random))))
                    .put("memory_mb", Math.max(1, Math.round(spec.memoryMb().draw(random))))
                    .put("disk_mb", 64);
        }
        Files.createDirectories(dir.resolve("root/bin"));
        Files.writeString(dir.resolve(Image.MANIFEST), new TomlMapper().writeValueAsString(root));
        Path bin = from.root().resolve("bin");
        try (Stream<Path> files = Files.walk(bin)) {
            for (Path f : files.toList()) {
                Path to = dir.resolve("root/bin").resolve(bin.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return Image.load(dir);
    }
}
