# The seed paper's Figure 1: a CPU-bound loop, endless unless given a number of iterations.
# usage: cpu.py [ITERATIONS]   (default forever)
import itertools
n = int(ssi.args[0]) if ssi.args else None
x = 0
for _ in (range(n) if n is not None else itertools.count()):
    x = x + 1
print(f"cpu.py {ssi.getpid()}: {x} iterations, done at node {ssi.where()}")
