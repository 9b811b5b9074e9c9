// The seed paper's Test 8: an MPI-like job. SIZE ranks compute ITERATIONS, then sum their results
// around a ring, ROUNDS times; where they run is up to the policy.
// usage: mpijob.js [SIZE] [ROUNDS] [ITERATIONS]   (default 5 ranks, 10 rounds, 1000000)
const mpi = load('/bin/lib/mpi.js');
const world = mpi.init('/bin/mpijob.js', 5);
const [rounds, n] = [Number(world.args[1] ?? 10), Number(world.args[2] ?? 1000000)];
let sum = 0;
for (let r = 0; r < rounds; r++) {
    let x = 0;
    for (let i = 0; i < n; i++) {
        x = x + 1;
    }
    sum = world.allreduce(world.rank + 1);
}
console.log(`rank ${world.rank} done at node ${ssi.where()}: sum ${sum}`);
world.finish();
