package ssi.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checkpoints of {@code mosrun -C}: a process's image saved to disk, from which {@code mosrun
 * -R} starts it again. One JSON file per process under the state directory, each replaced atomically.
 *
 * @param <M> the modes a process may run in
 */
public final class Checkpoints<M extends Enum<M>> {
    /**
     * What a checkpoint holds: how to start the process again, what it had used, and the state its program gave.
     *
     * @param owner the user it ran as
     */
    public record Saved<M>(int pid, String program, List<String> args, int home, M mode, boolean locked, String hint,
                           long intervalNanos, long time, double cpuSeconds, long work, int nmigs, String state, String owner) {}

    private final ObjectMapper json = new ObjectMapper();
    private final Path dir;
    private final Class<M> modes;
    private final String defaultOwner;

    /**
     * Checkpoints kept in {@code dir}, of processes whose mode is one of {@code modes}; one written
     * before processes had owners is {@code defaultOwner}'s.
     */
    public Checkpoints(Path dir, Class<M> modes, String defaultOwner) {
        this.dir = dir;
        this.modes = modes;
        this.defaultOwner = defaultOwner;
    }

    public void write(Saved<M> s) throws IOException {
        ObjectNode c = json.createObjectNode().put("pid", s.pid()).put("program", s.program()).put("home", s.home())
                .put("mode", s.mode().name()).put("locked", s.locked()).put("hint", s.hint()).put("intervalNanos", s.intervalNanos())
                .put("time", s.time()).put("cpuSeconds", s.cpuSeconds()).put("work", s.work()).put("nmigs", s.nmigs()).put("state", s.state())
                .put("owner", s.owner());
        s.args().forEach(c.putArray("args")::add);
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, ".ckpt-", "");
        try {
            json.writeValue(temporary.toFile(), c);
            Files.move(temporary, file(s.pid()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The last checkpoint of a process, if it has one; an IOException names what is wrong with one that cannot be read. */
    public Optional<Saved<M>> read(int pid) throws IOException {
        Path file = file(pid);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode c = json.readTree(file.toFile());
            List<String> args = new ArrayList<>();
            c.get("args").forEach(a -> args.add(a.asText()));
            return Optional.of(new Saved<>(c.get("pid").asInt(), c.get("program").asText(), args, c.get("home").asInt(),
                    Enum.valueOf(modes, c.get("mode").asText()), c.get("locked").asBoolean(), c.get("hint").asText(),
                    c.get("intervalNanos").asLong(), c.get("time").asLong(), c.get("cpuSeconds").asDouble(), c.get("work").asLong(),
                    c.get("nmigs").asInt(), c.get("state").isNull() ? null : c.get("state").asText(),
                    c.path("owner").asText(defaultOwner))); // checkpoints written before owners
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file.getFileName() + ": not a checkpoint (not JSON)");
        } catch (RuntimeException e) { // a field missing or of the wrong kind
            throw new IOException(file.getFileName() + ": not a checkpoint (a field is missing or of the wrong kind)");
        }
    }

    private Path file(int pid) {
        return dir.resolve(pid + ".json");
    }
}
