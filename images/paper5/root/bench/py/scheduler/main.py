# Benchmark "scheduler": a discrete-event simulation of tasks on a multi-core CPU with devices and a packet pipeline.
# usage: main.py [TASKS]   (default 100000)
import sys

from benchrng import Checksum, Lcg
from sim import Device, Mailbox, Simulator
from tasks import ComputeTask, IoTask, ProducerTask, StageTask


def main():
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    rng = Lcg(42)
    sim = Simulator(4, 8)
    devices = [Device(n) for n in ("disk0", "disk1", "net")]

    # A pipeline of three stages ending at a sink; every producer feeds stage 0.
    boxes = [Mailbox(f"box{i}") for i in range(4)]
    stages = [StageTask(-1 - i, i, box, boxes[i + 1] if i + 1 < len(boxes) else None)
              for i, box in enumerate(boxes)]
    for s in stages:
        sim.at(0, "arrive", s)

    created = 0

    def arrival(s):
        nonlocal created
        ident = created
        created += 1
        roll = rng.below(10)
        prio = rng.below(3)
        if roll < 4:
            bursts = [1 + rng.below(30) for _ in range(1 + rng.below(4))]
            task = ComputeTask(ident, prio, s.now, bursts)
        elif roll < 8:
            task = IoTask(ident, prio, s.now, 1 + rng.below(5), rng.pick(devices), Lcg(ident + 1))
        else:
            task = ProducerTask(ident, prio, s.now, 1 + rng.below(6), boxes[0], Lcg(ident * 7 + 3))
        s.at(s.now, "arrive", task)
        if created < total:
            s.at(s.now + rng.below(14), "hook", None, arrival)

    sim.at(0, "hook", None, arrival)
    sim.run()

    # Statistics per kind.
    by_kind = {}
    check = Checksum()
    for t in sim.finished:
        k = by_kind.setdefault(t.kind, {"count": 0, "turnaround": 0, "cpu": 0, "worst": 0})
        turn = t.finished - t.arrival
        k["count"] += 1
        k["turnaround"] += turn
        k["cpu"] += t.cpu_used
        k["worst"] = max(k["worst"], turn)
        check.add(t.id).add(t.finished)
    sink = stages[-1]
    if len(sim.finished) != total or sink.absorbed != sim.next_packet_id:
        print(f"self-check failed: {len(sim.finished)}/{total} tasks, "
              f"{sink.absorbed}/{sim.next_packet_id} packets", file=sys.stderr)
        sys.exit(1)
    print(f"scheduler: {total} tasks, end time {sim.now}, {sim.switches} dispatches")
    for kind in sorted(by_kind):
        k = by_kind[kind]
        print(f"  {kind:<8} {k['count']:>7} done, cpu {k['cpu']}, "
              f"mean turnaround {k['turnaround'] // k['count']}, worst {k['worst']}")
    print("  devices " + " ".join(f"{d.name}={d.served}" for d in devices) + f", packets {sink.absorbed}")
    check.add(sim.now).add(sim.switches).add(sink.digest)
    print(f"checksum {check.value}")


main()
