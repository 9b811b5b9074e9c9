# The seed paper's Test 8: an MPI-like job. SIZE ranks compute ITERATIONS, then sum their results
# around a ring, ROUNDS times; where they run is up to the policy.
# usage: mpijob.py [SIZE] [ROUNDS] [ITERATIONS]   (default 5 ranks, 10 rounds, 1000000)
import sys
sys.path.insert(0, "/bin/lib")
import mpi

world = mpi.init("/bin/mpijob.py", 5)
rounds = int(world.args[1]) if len(world.args) > 1 else 10
n = int(world.args[2]) if len(world.args) > 2 else 1000000
total = 0
for _ in range(rounds):
    x = 0
    for _ in range(n):
        x = x + 1
    total = world.allreduce(world.rank + 1)
print(f"rank {world.rank} done at node {ssi.where()}: sum {total}")
world.finish()
