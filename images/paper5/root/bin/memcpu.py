# The seed paper's Figure 5: takes a large block of memory, writes all of it, then computes.
# usage: memcpu.py MBYTES [ITERATIONS]   (default forever)
import itertools
block = ssi.alloc(int(ssi.args[0]) * 1024 * 1024)
ssi.touch(block)
n = int(ssi.args[1]) if len(ssi.args) > 1 else None
x = 0
for _ in (range(n) if n is not None else itertools.count()):
    x = x + 1
print(f"memcpu.py {ssi.getpid()}: {ssi.args[0]} MB, {x} iterations, done at node {ssi.where()}")
