// Computes for a given amount of work, then reports when it finished.
// usage: work.js [iterations]   (default 1000000; about 2 work units per iteration)
const n = Number(ssi.args[0] ?? 1000000);
const start = ssi.time();
let acc = 0;
for (let i = 0; i < n; i++) {
    acc = (acc + i * 7) % 1000003;
}
console.log(`work.js: ${n} iterations in ${(ssi.time() - start).toFixed(3)} s (acc=${acc})`);
