package ssi.kernel;

import java.util.AbstractList;
import java.util.Arrays;

/**
 * One node's live processes, by pid: an array kept in order as they come and go. A node runs a
 * few, and its balancing reads them every period: a scan of one array beats a tree's nodes.
 */
final class Residents extends AbstractList<Proc> {
    private Proc[] procs = new Proc[4];
    private int count;

    void put(Proc p) {
        int at = find(p.pid);
        if (at >= 0) {
            procs[at] = p;
            return;
        }
        at = -at - 1;
        if (count == procs.length) {
            procs = Arrays.copyOf(procs, 2 * count);
        }
        System.arraycopy(procs, at, procs, at + 1, count - at);
        procs[at] = p;
        count++;
    }

    void drop(Proc p) {
        int at = find(p.pid);
        if (at >= 0) {
            System.arraycopy(procs, at + 1, procs, at, count - at - 1);
            procs[--count] = null;
        }
    }

    private int find(int pid) {
        int lo = 0, hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compare(procs[mid].pid, pid);
            if (c == 0) {
                return mid;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -lo - 1;
    }

    @Override
    public Proc get(int i) {
        java.util.Objects.checkIndex(i, count);
        return procs[i];
    }

    @Override
    public int size() {
        return count;
    }
}
