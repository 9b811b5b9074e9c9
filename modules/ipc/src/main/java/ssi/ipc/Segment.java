package ssi.ipc;

import java.util.Set;
import java.util.TreeSet;

/** A SysV shared-memory segment: bytes really shared by the processes that attach it. */
final class Segment {
    private final int id;
    private final int key;
    private final byte[] data;
    private final Set<Integer> attached = new TreeSet<>();

    public Segment(int id, int key, int bytes) {
        this.id = id;
        this.key = key;
        this.data = new byte[bytes];
    }

    public int id() {
        return id;
    }

    public int key() {
        return key;
    }

    public int size() {
        return data.length;
    }

    public boolean attach(int pid) {
        return attached.add(pid);
    }

    /** @return false if {@code pid} had not attached it */
    public boolean detach(int pid) {
        return attached.remove(pid);
    }

    public boolean isAttached(int pid) {
        return attached.contains(pid);
    }

    public byte[] read(int offset, int length) {
        check(offset, length);
        byte[] out = new byte[length];
        System.arraycopy(data, offset, out, 0, length);
        return out;
    }

    public void write(int offset, byte[] bytes) {
        check(offset, bytes.length);
        System.arraycopy(bytes, 0, data, offset, bytes.length);
    }

    private void check(int offset, int length) {
        if (offset < 0 || length < 0 || (long) offset + length > data.length) {
            throw new IndexOutOfBoundsException("bytes " + offset + "-" + ((long) offset + length) + " are outside segment " + id
                    + " of " + data.length + " bytes");
        }
    }
}
