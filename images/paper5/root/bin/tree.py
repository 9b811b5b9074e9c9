# The seed paper's Test 6: a tree of forked processes. Each starts FANOUT children one level
# deeper (they inherit its home, lock and mode), computes ITERATIONS, then waits for them.
# usage: tree.py DEPTH FANOUT ITERATIONS
depth, fanout, n = (int(a) for a in ssi.args)
kids = [ssi.spawn("/bin/tree.py", [str(depth - 1), str(fanout), str(n)]) for _ in range(fanout if depth > 0 else 0)]
x = 0
for _ in range(n):
    x = x + 1
statuses = [ssi.wait(pid) for pid in kids]
print(f"tree.py {ssi.getpid()} (parent {ssi.getppid()}) done at node {ssi.where()}, children {len(statuses)}")
