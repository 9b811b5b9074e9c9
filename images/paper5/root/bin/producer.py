# The producer of a pipeline (the seed paper's Test 7): computes, then writes 4 KB, again and again.
# usage: producer.py [CHUNKS (default: forever)] — its stdout is the pipe
import itertools
import sys
n = int(ssi.args[0]) if ssi.args else None
block = "p" * 4095 + "\n"
for _ in (range(n) if n is not None else itertools.count()):
    x = 0
    for k in range(100):
        x += k * k
    sys.stdout.write(block)
    sys.stdout.flush()
