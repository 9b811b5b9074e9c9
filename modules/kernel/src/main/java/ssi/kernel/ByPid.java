package ssi.kernel;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.BitSet;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Processes by pid, iterated in pid order: a slot per pid and a bit set of those present. The
 * processes that run by slices come and go at every call a synthetic process makes, thousands a
 * quantum in a large study, and every quantum walks them in order: a tree's boxed keys and nodes
 * cost more than both.
 */
final class ByPid extends AbstractCollection<Proc> {
    private Proc[] slots = new Proc[64];
    private final BitSet present = new BitSet();
    private int size;
    private int changes; // for iterators: a change while one walks is a bug

    void put(Proc p) {
        if (p.pid >= slots.length) {
            slots = Arrays.copyOf(slots, Math.max(p.pid + 1, 2 * slots.length));
        }
        if (slots[p.pid] == null) {
            size++;
        }
        slots[p.pid] = p;
        present.set(p.pid);
        changes++;
    }

    void remove(int pid) {
        if (pid < slots.length && slots[pid] != null) {
            slots[pid] = null;
            present.clear(pid);
            size--;
            changes++;
        }
    }

    /** Whether {@code p} is among them. */
    boolean has(Proc p) {
        return p.pid < slots.length && slots[p.pid] == p;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<Proc> iterator() {
        return new Iterator<>() {
            private final int expected = changes;
            private int next = present.nextSetBit(0);

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public Proc next() {
                if (changes != expected) {
                    throw new ConcurrentModificationException();
                }
                if (next < 0) {
                    throw new NoSuchElementException();
                }
                Proc p = slots[next];
                next = present.nextSetBit(next + 1);
                return p;
            }
        };
    }
}
