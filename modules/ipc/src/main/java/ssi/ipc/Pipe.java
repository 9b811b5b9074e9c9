package ssi.ipc;

/**
 * A pipe: a bounded buffer of bytes with counts of the ends open for reading and for writing.
 * Reading an empty pipe whose writers have all closed is the end of the data; writing to a pipe
 * no one can read is an error (EPIPE).
 */
public final class Pipe {
    /** Linux's default capacity. */
    public static final int CAPACITY = 64 * 1024;

    private final int id;
    private final byte[] ring = new byte[CAPACITY];
    private int head;
    private int size;
    private int readers;
    private int writers;

    public Pipe(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public int available() {
        return size;
    }

    public int room() {
        return CAPACITY - size;
    }

    /** No data, and no writer left to send any: a read returns the end of the data. */
    public boolean atEnd() {
        return size == 0 && writers == 0;
    }

    /** No reader left: a write would fail. */
    public boolean broken() {
        return readers == 0;
    }

    /** Takes up to {@code max} bytes (fewer if fewer are there). */
    public byte[] take(int max) {
        int n = Math.min(Math.max(0, max), size);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = ring[(head + i) % CAPACITY];
        }
        head = (head + n) % CAPACITY;
        size -= n;
        return out;
    }

    /** Puts as much of {@code data[from..]} as there is room for; returns how many bytes it put. */
    public int put(byte[] data, int from) {
        int n = Math.min(room(), data.length - from);
        for (int i = 0; i < n; i++) {
            ring[(head + size + i) % CAPACITY] = data[from + i];
        }
        size += n;
        return n;
    }

    public void open(boolean write) {
        if (write) {
            writers++;
        } else {
            readers++;
        }
    }

    public void close(boolean write) {
        if (write) {
            writers = Math.max(0, writers - 1);
        } else {
            readers = Math.max(0, readers - 1);
        }
    }

    public boolean unused() {
        return readers == 0 && writers == 0;
    }

    @Override
    public String toString() {
        return "pipe " + id + " (" + size + " bytes, " + readers + " readers, " + writers + " writers)";
    }
}
