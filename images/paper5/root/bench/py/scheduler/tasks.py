# Task kinds of the scheduler simulation: compute, I/O-bound, packet producers and pipeline stages.
from enum import Enum


class State(Enum):
    NEW = "new"
    READY = "ready"
    RUNNING = "running"
    BLOCKED = "blocked"
    DONE = "done"


class Packet:
    def __init__(self, ident, data):
        self.id = ident
        self.data = data
        self.hops = 0


class Task:
    daemon = False

    def __init__(self, ident, kind, priority, arrival):
        self.id = ident
        self.kind = kind
        self.name = f"{kind}-{ident}"
        self.base_priority = priority
        self.priority = priority
        self.arrival = arrival
        self.state = State.NEW
        self.cpu_left = 0
        self.cpu_used = 0
        self.finished = -1
        self.inbox = None

    def plan(self, sim):
        """The next action: a tuple whose first item is 'cpu', 'io', 'send', 'recv' or 'exit'."""
        return ("exit",)


class ComputeTask(Task):
    def __init__(self, ident, priority, arrival, bursts):
        super().__init__(ident, "compute", priority, arrival)
        self.bursts = bursts

    def plan(self, sim):
        return ("cpu", self.bursts.pop()) if self.bursts else ("exit",)


class IoTask(Task):
    def __init__(self, ident, priority, arrival, rounds, device, rng):
        super().__init__(ident, "io", priority, arrival)
        self.rounds = rounds
        self.device = device
        self.rng = rng
        self.on_cpu = False

    def plan(self, sim):
        if self.rounds == 0:
            return ("exit",)
        self.on_cpu = not self.on_cpu
        if self.on_cpu:
            return ("cpu", 1 + self.rng.below(4))
        self.rounds -= 1
        return ("io", self.device, 5 + self.rng.below(20))


class ProducerTask(Task):
    def __init__(self, ident, priority, arrival, count, target, rng):
        super().__init__(ident, "producer", priority, arrival)
        self.count = count
        self.target = target
        self.rng = rng
        self.sent_last = True

    def plan(self, sim):
        if self.count == 0:
            return ("exit",)
        if self.sent_last:
            self.sent_last = False
            return ("cpu", 2)
        self.sent_last = True
        self.count -= 1
        data = [self.rng.below(1000) for _ in range(8)]
        packet = Packet(sim.next_packet_id, data)
        sim.next_packet_id += 1
        return ("send", self.target, packet)


class StageTask(Task):
    """A long-lived stage: receive a packet, work on it, pass it on (or absorb it at the sink)."""

    daemon = True

    def __init__(self, ident, stage, inbox, nxt):
        super().__init__(ident, "stage" if nxt else "sink", 0, 0)
        self.stage = stage
        self.mailbox = inbox
        self.next = nxt
        self.holding = None
        self.absorbed = 0
        self.digest = 0

    def plan(self, sim):
        if self.holding:
            packet, self.holding = self.holding, None
            packet.data = [(x * 3 + self.stage + i) % 65521 for i, x in enumerate(packet.data)]
            packet.hops += 1
            if self.next:
                return ("send", self.next, packet)
            self.absorbed += 1
            self.digest = (self.digest * 7 + sum(packet.data) + packet.hops) % 1000000007
        if self.inbox:
            self.holding, self.inbox = self.inbox, None
            return ("cpu", 1 + self.holding.id % 3)
        return ("recv", self.mailbox)
