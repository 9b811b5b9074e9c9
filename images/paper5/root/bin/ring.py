# An MPI-like job (the seed paper's Test 8): ranks, one per node, sum their numbers around a ring.
# usage: ring.py [SIZE (default 5)]
import sys
sys.path.insert(0, "/bin/lib")
import mpi

world = mpi.init("/bin/ring.py", 5)
ssi.migrate(world.rank % 5 + 1)
total = world.allreduce(world.rank + 1)
print(f"rank {world.rank} on node {ssi.where()}: sum {total}")
world.finish()
