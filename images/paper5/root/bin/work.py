# Computes for a given amount of work, then reports when it finished.
# usage: work.py [iterations]   (default 1000000; about 2 work units per iteration)
n = int(ssi.args[0]) if ssi.args else 1000000
start = ssi.time()
acc = 0
for i in range(n):
    acc = (acc + i * 7) % 1000003
print(f"work.py: {n} iterations in {ssi.time() - start:.3f} s (acc={acc})")
