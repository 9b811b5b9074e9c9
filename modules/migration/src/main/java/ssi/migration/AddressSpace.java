package ssi.migration;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * A process's emulated memory, in pages: a base (its program and runtime) plus blocks it
 * allocates, with the set of pages written since they were last sent by a migration. Fresh pages
 * are dirty; a migration sends the dirty pages and leaves every page clean.
 */
public final class AddressSpace {
    private record Block(int first, int pages, long bytes) {}

    private final int pageBytes;
    private final Map<Integer, Block> blocks = new HashMap<>();
    private final BitSet dirty = new BitSet();
    private long dirtyCount = -1; // the dirty pages when last counted, -1 once they may have changed
    private int nextPage;
    private int nextHandle = 1;
    private long pages;

    public AddressSpace(int pageBytes, long baseBytes) {
        if (pageBytes < 1 || baseBytes < 0) {
            throw new IllegalArgumentException("page size must be >= 1 and base >= 0: " + pageBytes + ", " + baseBytes);
        }
        this.pageBytes = pageBytes;
        int base = Math.toIntExact(pagesFor(baseBytes));
        dirty.set(0, base);
        nextPage = base;
        pages = base;
    }

    /** Pages needed for {@code bytes}. */
    public long pagesFor(long bytes) {
        return (bytes + pageBytes - 1) / pageBytes;
    }

    public int pageBytes() {
        return pageBytes;
    }

    /** Allocates a block of at least {@code bytes}, all of it dirty; returns its handle. */
    public int alloc(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("alloc: size must be at least 1 byte, got " + bytes);
        }
        int n = Math.toIntExact(pagesFor(bytes));
        Block b = new Block(nextPage, n, bytes);
        nextPage = Math.addExact(nextPage, n);
        dirty.set(b.first, b.first + n);
        dirtyCount = -1;
        pages += n;
        int handle = nextHandle++;
        blocks.put(handle, b);
        return handle;
    }

    /** Frees a block; returns the pages released. */
    public long free(int handle) {
        Block b = blocks.remove(handle);
        if (b == null) {
            throw new IllegalArgumentException("free: no block " + handle);
        }
        dirty.clear(b.first, b.first + b.pages);
        dirtyCount = -1;
        pages -= b.pages;
        return b.pages;
    }

    /** Writes {@code length} bytes of a block from {@code offset}: the pages they cover become dirty. */
    public void touch(int handle, long offset, long length) {
        Block b = blocks.get(handle);
        if (b == null) {
            throw new IllegalArgumentException("touch: no block " + handle);
        }
        if (offset < 0 || length < 0 || offset + length > b.bytes) {
            throw new IllegalArgumentException("touch: bytes " + offset + "+" + length + " are outside block " + handle
                    + " of " + b.bytes + " bytes");
        }
        if (length > 0) {
            dirty.set(b.first + (int) (offset / pageBytes), b.first + (int) ((offset + length - 1) / pageBytes) + 1);
            dirtyCount = -1;
        }
    }

    /** The size of a block in bytes, as allocated. */
    public long blockBytes(int handle) {
        Block b = blocks.get(handle);
        if (b == null) {
            throw new IllegalArgumentException("no block " + handle);
        }
        return b.bytes;
    }

    public long pages() {
        return pages;
    }

    public long bytes() {
        return pages * pageBytes;
    }

    /** The dirty pages: counted once after each change (policies ask every period, most processes change nothing between). */
    public long dirtyPages() {
        if (dirtyCount < 0) {
            dirtyCount = dirty.cardinality();
        }
        return dirtyCount;
    }

    /** A migration has sent the dirty pages: every page is clean now. */
    public void sent() {
        dirty.clear();
        dirtyCount = 0;
    }
}
