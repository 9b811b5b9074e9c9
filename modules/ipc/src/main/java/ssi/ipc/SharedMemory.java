package ssi.ipc;

import java.util.Map;
import java.util.TreeMap;
import ssi.guest.SyscallException;

/** SysV shared-memory segments, by id: really shared between the processes attached to them. */
final class SharedMemory {
    private final Map<Integer, Segment> segments = new TreeMap<>();

    Object get(int key, long bytes) {
        if (bytes > 64 << 20) {
            return new SyscallException("shmget: " + bytes + " bytes is more than a segment may have (64 MB)");
        }
        for (Segment s : segments.values()) {
            if (s.key() == key) {
                return bytes > s.size() ? new SyscallException("shmget: the segment of key " + key + " has " + s.size()
                        + " bytes, asked " + bytes) : (Object) s.id();
            }
        }
        Segment s = new Segment(segments.size() + 1, key, (int) bytes);
        segments.put(s.id(), s);
        return s.id();
    }

    boolean exists(int id) {
        return segments.containsKey(id);
    }

    void attach(int pid, int id) {
        segments.get(id).attach(pid);
    }

    Object detach(int pid, int id) {
        Segment s = segments.get(id);
        if (s == null || !s.detach(pid)) {
            return notAttached("shmdt", pid, id);
        }
        return null;
    }

    /** Whether process {@code pid} has a segment attached. */
    boolean attached(int pid) {
        return segments.values().stream().anyMatch(x -> x.isAttached(pid));
    }

    void detachAll(int pid) {
        segments.values().forEach(s -> s.detach(pid));
    }

    Object read(int pid, int id, int offset, int length) {
        Segment s = segments.get(id);
        if (s == null || !s.isAttached(pid)) {
            return notAttached("shmread", pid, id);
        }
        try {
            return s.read(offset, length);
        } catch (IndexOutOfBoundsException e) {
            return new SyscallException("shmread: " + e.getMessage());
        }
    }

    Object write(int pid, int id, int offset, byte[] bytes) {
        Segment s = segments.get(id);
        if (s == null || !s.isAttached(pid)) {
            return notAttached("shmwrite", pid, id);
        }
        try {
            s.write(offset, bytes);
            return null;
        } catch (IndexOutOfBoundsException e) {
            return new SyscallException("shmwrite: " + e.getMessage());
        }
    }

    private static SyscallException notAttached(String call, int pid, int id) {
        return new SyscallException(call + ": segment " + id + " is not attached to process " + pid);
    }
}
