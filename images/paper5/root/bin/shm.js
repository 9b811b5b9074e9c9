// The seed paper's Test 5: attaches SysV shared memory, which MOSIX cannot migrate. Plain mosrun
// stops it with MOSIX's message; under `mosrun -e` it is brought home and stays (cantmove: monkey).
// usage: shm.js [ITERATIONS]   (default 300000)
const segment = ssi.shmget(42, 4096);
ssi.shmat(segment);
console.log(`attached shared memory at node ${ssi.where()}`);
let total = 0;
for (let i = 0; i < Number(ssi.args[0] ?? 300000); i++) {
    total = (total + i) % 1000003;
}
console.log(`shm.js done at node ${ssi.where()} total ${total}`);
