package ssi.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** This ssi's version (the project's, put into version.txt at build time): members of one cluster must share it. */
final class Version {
    static final String CURRENT = read();

    private Version() {}

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.txt")) {
            if (in == null) {
                throw new IllegalStateException("ssi.sweep is built without its version.txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read ssi.sweep's version.txt", e);
        }
    }
}
