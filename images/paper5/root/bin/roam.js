// Moves itself around the cluster, computing between moves, and checks that it stays one process.
// usage: roam.js NODE...   (ids, names or "home")
const pid = ssi.getpid();
let acc = 0;
function work(n) {
    for (let i = 0; i < n; i++) {
        acc = (acc + i * 7) % 1000003;
    }
}
work(100000);
for (const target of ssi.args) {
    const at = ssi.migrate(target);
    work(100000);
    console.log(`at ${at} where=${ssi.where()} samepid=${ssi.getpid() === pid}`);
}
console.log(`acc=${acc}`);
