# The seed paper's Test 4: an IPC-intensive pair. Starts receiver.py and sends it messages of
# BYTES, computing a little between them; with COUNT, ends after that many (the receiver too).
# usage: sender.py [COUNT] [BYTES]   (default forever, 1024 bytes)
import itertools
n = int(ssi.args[0]) if ssi.args else None
message = "m" * (int(ssi.args[1]) if len(ssi.args) > 1 else 1024)
receiver = ssi.spawn("/bin/receiver.py", [str(n) if n is not None else "forever"])
for _ in (range(n) if n is not None else itertools.count()):
    x = 0
    for k in range(50):
        x += k
    ssi.send(receiver, message)
ssi.wait(receiver)
print(f"sender.py {ssi.getpid()}: {n} messages, done at node {ssi.where()}")
