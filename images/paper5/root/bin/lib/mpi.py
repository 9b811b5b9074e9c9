# A small MPI over ssi's messages: ranks, point-to-point send and receive by rank, a barrier and a
# ring all-reduce (the seed paper's Test 8). Usage: import sys; sys.path.insert(0, '/bin/lib'); import mpi
#   world = mpi.init('/bin/PROGRAM.py', 5)   # rank 0 starts ranks 1..SIZE-1 running PROGRAM, SIZE
#   being the program's first argument if it is a number, else the default given
#   world.rank, world.size, world.send(rank, value), world.recv(rank), world.allreduce(value), world.finish()
import json
import operator

TAG = "mpi-rank"


class World:
    def __init__(self, rank, size, pids, args):
        self.rank, self.size, self.pids, self.args = rank, size, pids, args
        self._early = {}  # messages that came before they were asked for, by sender pid

    def send(self, to, value):
        ssi.send(self.pids[to], json.dumps({"mpi": "data", "value": value}))

    def recv(self, frm):
        pid = self.pids[frm]
        queue = self._early.get(pid)
        if queue:
            return queue.pop(0)
        while True:
            m = ssi.recv()
            value = json.loads(m["data"])["value"]
            if m["from"] == pid:
                return value
            self._early.setdefault(m["from"], []).append(value)

    def allreduce(self, value, op=operator.add):
        """Each rank passes what it last received to the next one around the ring; after size-1 steps all have the sum."""
        total = passing = value
        for _ in range(self.size - 1):
            self.send((self.rank + 1) % self.size, passing)
            passing = self.recv((self.rank - 1) % self.size)
            total = op(total, passing)
        return total

    def barrier(self):
        self.allreduce(0)

    def finish(self):
        """Rank 0 waits for the others to end; returns their exit statuses."""
        return [ssi.wait(pid) for pid in self.pids[1:]] if self.rank == 0 else []


def init(program, default_size):
    if TAG not in ssi.args:  # rank 0: start the others and tell everyone who is who
        args = list(ssi.args)
        size = int(args[0]) if args and args[0].isdigit() else default_size
        pids = [ssi.getpid()] + [ssi.spawn(program, [TAG, str(r)] + args) for r in range(1, size)]
        for pid in pids[1:]:
            ssi.send(pid, json.dumps({"mpi": "world", "pids": pids}))
        return World(0, size, pids, args)
    at = ssi.args.index(TAG)
    pids = json.loads(ssi.recv()["data"])["pids"]
    return World(int(ssi.args[at + 1]), len(pids), pids, ssi.args[at + 2:])
