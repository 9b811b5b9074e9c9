# The seed paper's Figure 4: an I/O-bound loop. Each iteration computes a little, then makes one
# write system call of a 64-byte record to a file in /tmp (at the home node: a process away makes its
# deputy do it).
# usage: ioloop.py [RECORDS|forever] [ITERATIONS]   (default forever, 500 iterations between records;
# the file starts again every 1000 records)
import itertools
import os
n = int(ssi.args[0]) if ssi.args and ssi.args[0] != "forever" else None
work = int(ssi.args[1]) if len(ssi.args) > 1 else 500
path = f"/tmp/ioloop-{ssi.getpid()}"
record = "r" * 63 + "\n"
f = open(path, "w", buffering=1)  # line-buffered: one write call per record
for i in (range(1, n + 1) if n is not None else itertools.count(1)):
    x = 0
    for k in range(work):
        x += k
    f.write(record)
    if i % 1000 == 0:
        f.close()
        f = open(path, "w", buffering=1)
f.close()
os.remove(path)
print(f"ioloop.py {ssi.getpid()}: {n} records, done at node {ssi.where()}")
