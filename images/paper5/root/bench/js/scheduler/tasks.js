// Task kinds of the scheduler simulation: compute, I/O-bound, packet producers and pipeline stages.

const State = Object.freeze({
    NEW: 'new', READY: 'ready', RUNNING: 'running', BLOCKED: 'blocked', DONE: 'done',
});

class Packet {
    constructor(id, data) {
        this.id = id;
        this.data = data;
        this.hops = 0;
    }
}

class Task {
    constructor(id, kind, priority, arrival) {
        this.id = id;
        this.kind = kind;
        this.name = `${kind}-${id}`;
        this.basePriority = priority;
        this.priority = priority;
        this.arrival = arrival;
        this.state = State.NEW;
        this.cpuLeft = 0;
        this.cpuUsed = 0;
        this.finished = -1;
        this.inbox = null;
        this.daemon = false;
    }

    // The next action: {op: 'cpu'|'io'|'send'|'recv'|'exit', ...}.
    plan(sim) {
        return { op: 'exit' };
    }
}

class ComputeTask extends Task {
    constructor(id, priority, arrival, bursts) {
        super(id, 'compute', priority, arrival);
        this.bursts = bursts;
    }

    plan() {
        return this.bursts.length > 0 ? { op: 'cpu', ticks: this.bursts.pop() } : { op: 'exit' };
    }
}

class IoTask extends Task {
    constructor(id, priority, arrival, rounds, device, rng) {
        super(id, 'io', priority, arrival);
        this.rounds = rounds;
        this.device = device;
        this.rng = rng;
        this.onCpu = false;
    }

    plan() {
        if (this.rounds === 0) return { op: 'exit' };
        this.onCpu = !this.onCpu;
        if (this.onCpu) return { op: 'cpu', ticks: 1 + this.rng.below(4) };
        this.rounds--;
        return { op: 'io', device: this.device, ticks: 5 + this.rng.below(20) };
    }
}

class ProducerTask extends Task {
    constructor(id, priority, arrival, count, target, rng) {
        super(id, 'producer', priority, arrival);
        this.count = count;
        this.target = target;
        this.rng = rng;
        this.sentLast = true;
    }

    plan(sim) {
        if (this.count === 0) return { op: 'exit' };
        if (this.sentLast) {
            this.sentLast = false;
            return { op: 'cpu', ticks: 2 };
        }
        this.sentLast = true;
        this.count--;
        const data = [];
        for (let i = 0; i < 8; i++) data.push(this.rng.below(1000));
        return { op: 'send', mailbox: this.target, packet: new Packet(sim.nextPacketId++, data) };
    }
}

// A long-lived stage: receive a packet, work on it, pass it on (or absorb it at the sink).
class StageTask extends Task {
    constructor(id, stage, inbox, next) {
        super(id, next ? 'stage' : 'sink', 0, 0);
        this.stage = stage;
        this.mailbox = inbox;
        this.next = next;
        this.daemon = true;
        this.holding = null;
        this.absorbed = 0;
        this.digest = 0;
    }

    plan() {
        if (this.holding) {
            const packet = this.holding;
            this.holding = null;
            packet.data = packet.data.map((x, i) => (x * 3 + this.stage + i) % 65521);
            packet.hops++;
            if (this.next) return { op: 'send', mailbox: this.next, packet };
            this.absorbed++;
            this.digest = (this.digest * 7 + packet.data.reduce((a, b) => a + b, 0) + packet.hops) % 1000000007;
        }
        if (this.inbox) {
            this.holding = this.inbox;
            this.inbox = null;
            return { op: 'cpu', ticks: 1 + (this.holding.id % 3) };
        }
        return { op: 'recv', mailbox: this.mailbox };
    }
}

module.exports = { State, Task, ComputeTask, IoTask, ProducerTask, StageTask };
