# Simulation events and a binary-heap event queue ordered by (time, insertion order).
import heapq
from collections import deque


class Event:
    __slots__ = ("time", "seq", "kind", "task", "data")

    def __init__(self, time, seq, kind, task, data):
        self.time = time
        self.seq = seq
        self.kind = kind
        self.task = task
        self.data = data

    def __lt__(self, other):
        return self.time < other.time or (self.time == other.time and self.seq < other.seq)


class EventQueue:
    def __init__(self):
        self.heap = []
        self.seq = 0

    def __len__(self):
        return len(self.heap)

    def push(self, time, kind, task=None, data=None):
        heapq.heappush(self.heap, Event(time, self.seq, kind, task, data))
        self.seq += 1

    def pop(self):
        return heapq.heappop(self.heap)


Fifo = deque
