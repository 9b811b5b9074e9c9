# The simulator: CPU cores, a multi-level feedback ready queue, devices, mailboxes and the event loop.
from events import EventQueue, Fifo
from tasks import State

LEVELS = 4


class Device:
    def __init__(self, name):
        self.name = name
        self.busy_until = 0
        self.served = 0


class Mailbox:
    def __init__(self, name):
        self.name = name
        self.queue = Fifo()
        self.waiter = None
        self.delivered = 0


class Simulator:
    def __init__(self, cores, quantum):
        self.cores = cores
        self.quantum = quantum
        self.busy = 0
        self.now = 0
        self.events = EventQueue()
        self.ready = [Fifo() for _ in range(LEVELS)]
        self.tasks = []
        self.finished = []
        self.switches = 0
        self.next_packet_id = 0
        self.handlers = {
            "arrive": self._arrive,
            "slice": lambda e: self.end_slice(e.task, e.data),
            "wake": lambda e: self.advance(e.task),
            "hook": lambda e: e.data(self),
        }

    def _arrive(self, e):
        self.tasks.append(e.task)
        e.task.arrival = self.now
        self.advance(e.task)

    def at(self, time, kind, task=None, data=None):
        self.events.push(time, kind, task, data)

    def make_ready(self, task):
        task.state = State.READY
        self.ready[task.priority].append(task)

    def take_ready(self):
        for level in self.ready:
            if level:
                return level.popleft()
        return None

    def dispatch(self):
        while self.busy < self.cores:
            task = self.take_ready()
            if task is None:
                return
            task.state = State.RUNNING
            self.busy += 1
            self.switches += 1
            piece = min(task.cpu_left, self.quantum)
            self.at(self.now + piece, "slice", task, piece)

    def end_slice(self, task, piece):
        self.busy -= 1
        task.cpu_left -= piece
        task.cpu_used += piece
        if task.cpu_left > 0:
            task.priority = min(task.priority + 1, LEVELS - 1)
            self.make_ready(task)
        else:
            self.advance(task)

    def advance(self, task):
        """Run the task's plan until it needs the CPU, blocks, or exits."""
        while True:
            action = task.plan(self)
            op = action[0]
            if op == "cpu":
                task.cpu_left = action[1]
                self.make_ready(task)
                return
            if op == "io":
                dev, ticks = action[1], action[2]
                start = max(self.now, dev.busy_until)
                dev.busy_until = start + ticks
                dev.served += 1
                task.state = State.BLOCKED
                task.priority = task.base_priority
                self.at(dev.busy_until, "wake", task)
                return
            if op == "send":
                self.send(action[1], action[2])
            elif op == "recv":
                box = action[1]
                if box.queue:
                    task.inbox = box.queue.popleft()
                    continue
                box.waiter = task
                task.state = State.BLOCKED
                return
            elif op == "exit":
                task.state = State.DONE
                task.finished = self.now
                self.finished.append(task)
                return
            else:
                raise ValueError(f"unknown op {op}")

    def send(self, box, packet):
        box.delivered += 1
        if box.waiter:
            task, box.waiter = box.waiter, None
            task.inbox = packet
            self.at(self.now, "wake", task)
        else:
            box.queue.append(packet)

    def run(self):
        while self.events:
            e = self.events.pop()
            self.now = e.time
            self.handlers[e.kind](e)
            self.dispatch()
