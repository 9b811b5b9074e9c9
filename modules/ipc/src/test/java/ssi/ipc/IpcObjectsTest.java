package ssi.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IpcObjectsTest {
    @Test
    void aPipeIsABoundedFifoThatEndsWhenItsWritersClose() {
        Pipe p = new Pipe(1);
        p.open(false);
        p.open(true);
        byte[] big = new byte[Pipe.CAPACITY + 10];
        big[0] = 7;
        assertEquals(Pipe.CAPACITY, p.put(big, 0), "only what fits");
        assertEquals(0, p.room());
        assertEquals(7, p.take(3)[0]);
        assertEquals(3, p.put(new byte[] {1, 2, 3}, 0), "wraps around");
        assertEquals(Pipe.CAPACITY, p.available());
        p.close(true);
        assertFalse(p.atEnd(), "data left to read");
        assertEquals(Pipe.CAPACITY - 3, p.take(Pipe.CAPACITY - 3).length);
        assertArrayEquals(new byte[] {1, 2, 3}, p.take(100));
        assertTrue(p.atEnd());
        p.close(false);
        assertTrue(p.broken());
        assertTrue(p.unused());
    }

    @Test
    void messagesFromOneSenderArriveInTheOrderSent() {
        Mailbox m = new Mailbox();
        assertEquals(500, m.post(1, bytes("long"), 500));
        assertEquals(500, m.post(1, bytes("short"), 200), "does not overtake the first");
        assertEquals(300, m.post(2, bytes("other"), 300), "another sender's is independent");
        assertTrue(m.take(299).isEmpty());
        assertEquals("other", text(m.take(300).orElseThrow().data()));
        assertEquals(500, m.next().orElseThrow());
        assertEquals("long", text(m.take(600).orElseThrow().data()));
        assertEquals("short", text(m.take(600).orElseThrow().data()));
        assertEquals(0, m.size());
    }

    @Test
    void aSegmentIsSharedAndBounded() {
        Segment s = new Segment(1, 42, 8);
        assertTrue(s.attach(5));
        s.write(2, bytes("hi"));
        assertEquals("hi", text(s.read(2, 2)));
        assertEquals("bytes 7-9 are outside segment 1 of 8 bytes",
                assertThrows(IndexOutOfBoundsException.class, () -> s.write(7, bytes("xy"))).getMessage());
        assertTrue(s.detach(5));
        assertFalse(s.detach(5), "detached twice");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
