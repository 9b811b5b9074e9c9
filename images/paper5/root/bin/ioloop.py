# The seed paper's Figure 4: an I/O-bound loop. Each iteration is one write system call of a
# 64-byte record to a file in /tmp (at the home node: a process away makes its deputy do it).
# usage: ioloop.py [RECORDS]   (default forever; the file starts again every 1000 records)
import itertools
import os
n = int(ssi.args[0]) if ssi.args else None
path = f"/tmp/ioloop-{ssi.getpid()}"
record = "r" * 63 + "\n"
f = open(path, "w", buffering=1)  # line-buffered: one write call per record
for i in (range(1, n + 1) if n is not None else itertools.count(1)):
    f.write(record)
    if i % 1000 == 0:
        f.close()
        f = open(path, "w", buffering=1)
f.close()
os.remove(path)
print(f"ioloop.py {ssi.getpid()}: {n} records, done at node {ssi.where()}")
