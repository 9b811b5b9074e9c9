package ssi.mfs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * A file made of text rather than bytes on a disk (a {@code /proc} file, a Node built-in's stub)
 * opened: a snapshot of its text to read, or a sink where each write acts at once (as on Linux,
 * where a refused write fails).
 */
public final class TextChannel implements SeekableByteChannel {
    interface Sink {
        void write(String text) throws IOException;
    }

    private final byte[] text;
    private final ByteArrayOutputStream written;
    private final Sink sink;
    private int position;
    private boolean open = true;

    private TextChannel(byte[] text, Sink sink) {
        this.text = text;
        this.sink = sink;
        this.written = sink == null ? null : new ByteArrayOutputStream();
    }

    /** A channel that reads {@code text} (UTF-8) and refuses writes. */
    public static TextChannel reader(String text) {
        return new TextChannel(text.getBytes(StandardCharsets.UTF_8), null);
    }

    static TextChannel writer(Sink sink) {
        return new TextChannel(new byte[0], sink);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        check();
        if (sink != null) {
            throw new NonReadableChannelException();
        }
        if (position >= text.length) {
            return dst.hasRemaining() ? -1 : 0;
        }
        int n = Math.min(dst.remaining(), text.length - position);
        dst.put(text, position, n);
        position += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        check();
        if (sink == null) {
            throw new NonWritableChannelException();
        }
        int n = src.remaining();
        byte[] b = new byte[n];
        src.get(b);
        sink.write(new String(b, StandardCharsets.UTF_8));
        written.write(b);
        return n;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = (int) Math.min(Integer.MAX_VALUE, newPosition);
        return this;
    }

    @Override
    public long size() {
        return sink == null ? text.length : written.size();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        return this; // a /proc file is written whole, at close
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    private void check() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
