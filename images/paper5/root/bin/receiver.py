# The receiving half of sender.py: takes COUNT messages ("forever": no end), computing a little on each.
import itertools
n = None if ssi.args[0] == "forever" else int(ssi.args[0])
received = 0
for _ in (range(n) if n is not None else itertools.count()):
    received += len(ssi.recv()["data"])
    x = 0
    for k in range(50):
        x += k
print(f"receiver.py {ssi.getpid()}: {received} bytes, done at node {ssi.where()}")
