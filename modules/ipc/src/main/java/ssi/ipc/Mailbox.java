package ssi.ipc;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * A process's incoming messages (MOSIX's "direct communication"), each arriving at a virtual time.
 * Messages from one sender arrive in the order sent: one sent after another never overtakes it,
 * even if it is shorter.
 */
public final class Mailbox {
    public record Message(int from, byte[] data, long arrives, long seq) {}

    private final TreeSet<Message> queue = new TreeSet<>((a, b) -> a.arrives != b.arrives
            ? Long.compare(a.arrives, b.arrives) : Long.compare(a.seq, b.seq));
    private final Map<Integer, Long> lastFrom = new HashMap<>();
    private long seq;

    /** Posts a message that would arrive at {@code arrives}, or after the sender's previous one; returns when it arrives. */
    public long post(int from, byte[] data, long arrives) {
        long at = Math.max(arrives, lastFrom.getOrDefault(from, Long.MIN_VALUE));
        lastFrom.put(from, at);
        queue.add(new Message(from, data, at, seq++));
        return at;
    }

    /** Takes the first message that has arrived by {@code t}. */
    public Optional<Message> take(long t) {
        if (queue.isEmpty() || queue.first().arrives > t) {
            return Optional.empty();
        }
        return Optional.of(queue.pollFirst());
    }

    /** Puts back a message taken too soon (a receiver interrupted before it got it). */
    public void putBack(Message m) {
        queue.add(m);
    }

    /** When the next message arrives, if one is on its way. */
    public OptionalLong next() {
        return queue.isEmpty() ? OptionalLong.empty() : OptionalLong.of(queue.first().arrives);
    }

    public int size() {
        return queue.size();
    }
}
