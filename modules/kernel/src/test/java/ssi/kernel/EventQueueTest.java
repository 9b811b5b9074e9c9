package ssi.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {
    private record Event(long time, int tie) {}

    private static final Comparator<Event> ORDER = Comparator.comparingLong(Event::time).thenComparingInt(Event::tie);

    @Test
    void givesTasksOutInTheirEventOrderAsAPriorityQueueWould() {
        EventQueue<Event> queue = new EventQueue<>();
        PriorityQueue<Event> model = new PriorityQueue<>(ORDER);
        SplittableRandom random = new SplittableRandom(9);
        for (int step = 0; step < 50_000; step++) {
            int what = random.nextInt(10);
            if (what < 5 || model.isEmpty()) {
                Event e = new Event(random.nextInt(200), random.nextInt(1_000_000)); // many equal times: ties decide
                queue.add(e, e.time(), e.tie());
                model.add(e);
            } else if (what < 8) {
                assertEquals(model.peek().time(), queue.firstTime());
                assertEquals(model.poll(), queue.poll());
            } else {
                Event gone = model.stream().skip(random.nextInt(model.size())).findFirst().orElseThrow();
                model.remove(gone);
                assertTrue(queue.remove(gone));
                assertFalse(queue.remove(gone), "taken out once");
            }
            assertEquals(model.size(), queue.size());
        }
        while (!model.isEmpty()) {
            assertEquals(model.poll(), queue.poll());
        }
        assertTrue(queue.isEmpty());
    }
}
