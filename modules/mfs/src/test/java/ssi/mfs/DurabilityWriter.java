package ssi.mfs;

import java.nio.file.Path;
import java.util.Arrays;

/** Run in a child JVM by {@link DurabilityTest}: rewrites one file forever, each version 1 MiB of one digit. */
public final class DurabilityWriter {
    public static void main(String[] args) throws Exception {
        FileView files = new Namespace(Path.of(args[0], "image"), Path.of(args[0], "state"), java.util.List.of(1L << 30)).view(1);
        byte[] data = new byte[1 << 20];
        for (long i = 0; ; i++) {
            Arrays.fill(data, (byte) ('0' + i % 10));
            files.write("/mfs/1/data", data, false);
            System.out.println(i);
        }
    }
}
