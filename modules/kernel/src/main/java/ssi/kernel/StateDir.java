package ssi.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The state directory of a kernel booted without one: a temporary directory, made at boot and removed at close. */
final class StateDir {
    private StateDir() {}

    static Path create() throws KernelException {
        try {
            return Files.createTempDirectory("ssi-state-");
        } catch (IOException e) {
            throw new KernelException("cannot create a state directory: " + e.getMessage());
        }
    }

    static void delete(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
