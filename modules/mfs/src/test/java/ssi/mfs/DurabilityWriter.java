package ssi.mfs;

import java.nio.file.Path;
import java.util.Arrays;

/** Run in a child JVM by {@link DurabilityTest}: leaves a file open for writing, and rewrites another forever, each version 1 MiB of one digit. */
public final class DurabilityWriter {
    public static void main(String[] args) throws Exception {
        FileView files = new Namespace(Path.of(args[0], "image"), Path.of(args[0], "state"), java.util.List.of(1L << 30)).view(1);
        // created and written, never closed: a crash must leave it as created, empty
        files.open("/mfs/1/unclosed", java.util.Set.of(java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.CREATE))
                .write(java.nio.ByteBuffer.wrap("never closed".getBytes()));
        byte[] data = new byte[1 << 20];
        for (long i = 0; ; i++) {
            Arrays.fill(data, (byte) ('0' + i % 10));
            files.write("/mfs/1/data", data, false);
            System.out.println(i);
        }
    }
}
