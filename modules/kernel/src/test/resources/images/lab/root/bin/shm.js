// Attaches SysV shared memory, then computes: a process MOSIX cannot migrate.
const id = ssi.shmget(42, 4096);
ssi.shmat(id);
console.log(`attached at ${ssi.where()}`);
let acc = 0;
for (let i = 0; i < 200000; i++) {
    acc = (acc + i) % 1000003;
}
try {
    ssi.migrate(2);
} catch (e) {
    console.log(String(e.message ?? e));
}
console.log(`acc=${acc}`);
