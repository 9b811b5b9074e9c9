package ssi.mfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * A file opened for writing: the writes go to a temporary file beside it, which on close is
 * forced to disk and renamed over the file in one atomic step. Whatever happens (a crash, a kill
 * of the JVM), the file holds its old content or its new one, never a torn mix.
 */
final class AtomicChannel implements SeekableByteChannel {
    private static final String TEMPORARY = ".ssi-tmp-";

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;

    private AtomicChannel(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
    }

    static boolean isTemporary(Path p) {
        return p.getFileName().toString().startsWith(TEMPORARY);
    }

    static AtomicChannel open(Path target, Set<? extends OpenOption> options) throws IOException {
        boolean exists = Files.exists(target);
        if (options.contains(StandardOpenOption.CREATE_NEW) && exists) {
            throw new FileAlreadyExistsException(target.getFileName().toString());
        }
        if (!exists && !options.contains(StandardOpenOption.CREATE) && !options.contains(StandardOpenOption.CREATE_NEW)) {
            throw new NoSuchFileException(target.getFileName().toString());
        }
        if (exists && Files.isDirectory(target)) {
            throw new java.nio.file.FileSystemException(target.toString(), null, "is a directory");
        }
        Path temporary = Files.createTempFile(target.getParent(), TEMPORARY, "");
        if (exists && !options.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
            Files.copy(target, temporary, StandardCopyOption.REPLACE_EXISTING); // appended or rewritten in place
        }
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (options.contains(StandardOpenOption.APPEND)) {
            channel.position(channel.size());
        }
        return new AtomicChannel(target, temporary, channel);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return channel.write(src);
    }

    @Override
    public long position() throws IOException {
        return channel.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        channel.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) throws IOException {
        channel.truncate(size);
        return this;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        channel.force(true);
        channel.close();
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true); // the rename itself reaches the disk
        }
    }
}
