# Benchmark "loops": builds a large control-flow graph and finds its loop nest with Havlak's algorithm, repeatedly.
# usage: main.py [ITERATIONS]   (default 60)
import sys

from havlak import Cfg, CfgBuilder, HavlakLoopFinder
from benchrng import Checksum, Lcg


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    cfg = Cfg()
    builder = CfgBuilder(cfg, Lcg(1234))
    tail = cfg.new_block()
    for _ in range(400):
        tail = builder.region(tail, 5, 0)
    cfg.connect(tail, cfg.new_block())
    print(f"loops: {len(cfg.blocks)} blocks, {cfg.edge_count} edges, {builder.loops} loops built")

    check = Checksum()
    lsg = None
    for _ in range(iterations):
        lsg = HavlakLoopFinder(cfg).find_loops()
        irreducible = sum(1 for l in lsg.loops if not l.is_reducible)
        max_depth = max(l.depth for l in lsg.loops)
        if (len(lsg.loops), irreducible, max_depth) != (builder.loops, builder.irreducible, builder.max_nest):
            print(f"self-check failed: found {len(lsg.loops)} loops ({irreducible} irreducible, depth {max_depth}),"
                  f" built {builder.loops} ({builder.irreducible}, depth {builder.max_nest})", file=sys.stderr)
            sys.exit(1)
        check.add(len(lsg.loops)).add(len(lsg.root.children))

    # Describe the last result: loops per depth and the largest loops.
    per_depth = {}
    for l in lsg.loops:
        per_depth[l.depth] = per_depth.get(l.depth, 0) + 1
    sizes = sorted(lsg.loops, key=lambda l: (-len(l.blocks), l.header.name))
    print(f"  {iterations} iterations, {len(lsg.loops)} loops, "
          f"{sum(1 for l in lsg.loops if not l.is_reducible)} irreducible")
    print("  loops by depth: " + " ".join(f"{d}:{per_depth[d]}" for d in sorted(per_depth)))
    print("  largest: " + ", ".join(f"header {l.header.name} ({len(l.blocks)} blocks, {len(l.children)} inner)"
                                   for l in sizes[:4]))
    for l in lsg.loops:
        check.add(l.header.name).add(len(l.blocks)).add(l.depth)
    print(f"checksum {check.value}")


main()
