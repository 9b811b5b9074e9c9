// Simulation events and a binary-heap event queue ordered by (time, insertion order).

class Event {
    constructor(time, seq, kind, task, data) {
        this.time = time;
        this.seq = seq;
        this.kind = kind;
        this.task = task;
        this.data = data;
    }

    before(other) {
        return this.time < other.time || (this.time === other.time && this.seq < other.seq);
    }
}

class EventQueue {
    constructor() {
        this.heap = [];
        this.seq = 0;
    }

    get size() {
        return this.heap.length;
    }

    push(time, kind, task = null, data = null) {
        const heap = this.heap;
        heap.push(new Event(time, this.seq++, kind, task, data));
        let i = heap.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (!heap[i].before(heap[parent])) break;
            [heap[i], heap[parent]] = [heap[parent], heap[i]];
            i = parent;
        }
    }

    pop() {
        const heap = this.heap;
        const top = heap[0];
        const last = heap.pop();
        if (heap.length > 0) {
            heap[0] = last;
            let i = 0;
            for (;;) {
                const l = 2 * i + 1, r = l + 1;
                let m = i;
                if (l < heap.length && heap[l].before(heap[m])) m = l;
                if (r < heap.length && heap[r].before(heap[m])) m = r;
                if (m === i) break;
                [heap[i], heap[m]] = [heap[m], heap[i]];
                i = m;
            }
        }
        return top;
    }
}

// A FIFO queue on an array with a moving head, compacted now and then.
class Fifo {
    constructor() {
        this.items = [];
        this.head = 0;
    }

    get length() {
        return this.items.length - this.head;
    }

    push(x) {
        this.items.push(x);
    }

    shift() {
        const x = this.items[this.head++];
        if (this.head > 1024 && this.head * 2 > this.items.length) {
            this.items = this.items.slice(this.head);
            this.head = 0;
        }
        return x;
    }
}

module.exports = { EventQueue, Fifo };
