# Benchmark "collide": moves aircraft through an airspace and counts near-collisions per frame with a voxel hash.
# usage: main.py [FRAMES]   (default 200)
import math
import sys

from aircraft import Aircraft, Airspace
from detector import CollisionDetector
from benchrng import Checksum, Lcg
from vector import Vec3

COUNT = 1500
MAX_SPEED = 12


def main():
    frames = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rng = Lcg(99)
    space = Airspace(2000, 2000, 300)
    airlines = ["AAL", "BAW", "DLH", "KLM", "SWR", "UAL", "EZY", "RYR"]
    fleet = []
    for i in range(COUNT):
        pos = Vec3(rng.float() * 2000, rng.float() * 2000, rng.float() * 300)
        vel = Vec3(rng.float() * 16 - 8, rng.float() * 16 - 8, rng.float() * 2 - 1)
        fleet.append(Aircraft(i, f"{rng.pick(airlines)}{100 + i}", pos, vel))

    detector = CollisionDetector(6, 40)
    check = Checksum()
    per_pair = {}
    total = busiest = 0
    busiest_frame = -1
    for f in range(frames):
        # A few pilots change course each frame.
        for _ in range(20):
            a = fleet[rng.below(COUNT)]
            a.velocity = a.velocity + Vec3(rng.float() * 4 - 2, rng.float() * 4 - 2, rng.float() - 0.5)
        motions = [a.fly(space, MAX_SPEED) for a in fleet]
        collisions = detector.detect(motions)
        total += len(collisions)
        if len(collisions) > busiest:
            busiest, busiest_frame = len(collisions), f
        check.add(f).add(len(collisions))
        for c in collisions:
            per_pair[c.label] = per_pair.get(c.label, 0) + 1
            check.add_string(c.label).add(math.floor(c.point.x * 1000)).add(math.floor(c.point.y * 1000))

    for a in fleet:
        p = a.position
        if not (0 <= p.x <= 2000 and 0 <= p.y <= 2000 and 0 <= p.z <= 300):
            print(f"self-check failed: {a.callsign} left the airspace at {p}", file=sys.stderr)
            sys.exit(1)
    repeat = sorted(per_pair.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    print(f"collide: {COUNT} aircraft, {frames} frames, {detector.checks} pair checks, {detector.voxels} voxels")
    print(f"  {total} collisions ({len(per_pair)} pairs), busiest frame {busiest_frame} with {busiest}")
    print("  most frequent: " + ", ".join(f"{k} x{n}" for k, n in repeat))
    print(f"  {fleet[0].callsign} ends at {fleet[0].position}")
    print(f"checksum {check.value}")


main()
