package ssi.mfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed (SIGKILL) in the middle of writing leaves each file whole: its old or its new
 * content; a file it created and never closed is there, empty (bench fuzz --crashes does more).
 */
class DurabilityTest {
    @TempDir
    Path dir;

    @Test
    void aKilledJvmLeavesNoTornFile() throws Exception {
        String jvm = ProcessHandle.current().info().command().orElseThrow();
        String classpath = String.join(java.io.File.pathSeparator, List.of(
                Path.of("target/classes").toAbsolutePath().toString(), Path.of("target/test-classes").toAbsolutePath().toString()));
        for (int round = 0; round < 3; round++) {
            Process child = new ProcessBuilder(jvm, "-cp", classpath, DurabilityWriter.class.getName(), dir.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
                for (int written = 0; written < 5 + 7 * round; written++) { // let it write a few versions, then kill it mid-way
                    String line = lines.readLine();
                    assertTrue(line != null && line.matches("\\d+"), "the writer runs: " + line);
                }
                child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no close
            }
            assertEquals(0, Files.size(dir.resolve("state/mfs/1/unclosed")), "created, written, never closed: empty");
            byte[] data = Files.readAllBytes(dir.resolve("state/mfs/1/data"));
            assertEquals(1 << 20, data.length, "a whole version");
            for (byte b : data) {
                if (b != data[0]) {
                    throw new AssertionError("torn file: " + (char) data[0] + " and " + (char) b);
                }
            }
        }
    }
}
