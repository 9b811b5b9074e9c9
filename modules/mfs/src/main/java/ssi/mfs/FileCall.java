package ssi.mfs;

import java.io.IOException;

/**
 * One file operation of a guest, handed to the kernel to be carried out in virtual-time order
 * and charged: at once if the file is on the node where it is done, or over the network to the
 * node that holds it.
 *
 * @param path the path as the guest named it (normalised)
 * @param node the node that holds the file
 * @param kind what the operation moves: a reply of bytes read, a request of bytes written, or neither
 * @param bytes for a write, the bytes it sends
 * @param operation the operation itself; for a read it returns the bytes read (an {@code Integer})
 */
public record FileCall(String path, int node, Kind kind, long bytes, Operation operation) {
    public enum Kind { META, READ, WRITE }

    @FunctionalInterface
    public interface Operation {
        Object run() throws IOException;
    }

    public Object run() throws IOException {
        return operation.run();
    }

    /** Bytes the request carries to the node holding the file. */
    public long sent() {
        return kind == Kind.WRITE ? bytes : 0;
    }

    /** Bytes the reply carries back, given the operation's result. */
    public long received(Object result) {
        return kind == Kind.READ && result instanceof Integer n && n > 0 ? n : 0;
    }
}
