// An MPI-like job (the seed paper's Test 8): ranks, one per node, sum their numbers around a ring.
// usage: ring.js [SIZE (default 5)]
const mpi = load('/bin/lib/mpi.js');
const world = mpi.init('/bin/ring.js', 5);
ssi.migrate((world.rank % 5) + 1);
const sum = world.allreduce(world.rank + 1);
console.log(`rank ${world.rank} on node ${ssi.where()}: sum ${sum}`);
world.finish();
