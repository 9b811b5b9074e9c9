// Counts to N, a line per step, computing between the lines: a job whose output shows whether any of it was lost.
// usage: count.js [N] [WORK]   (WORK loop iterations, about 2 work units each, before each line; defaults 5 and 200000)
const n = Number(ssi.args[0] ?? 5), work = Number(ssi.args[1] ?? 200000);
for (let i = 1; i <= n; i++) {
    let x = 0;
    for (let j = 0; j < work; j++) {
        x += j;
    }
    console.log(`count ${ssi.getpid()}: ${i}/${n}`);
}
