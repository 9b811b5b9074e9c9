// The seed paper's Figure 5: takes a large block of memory, writes all of it, then computes.
// usage: memcpu.js MBYTES [ITERATIONS]   (about 2 work units per iteration; default forever)
const block = ssi.alloc(Number(ssi.args[0]) * 1024 * 1024);
ssi.touch(block);
const n = Number(ssi.args[1] ?? Infinity);
let x = 0;
for (let i = 0; i < n; i++) {
    x = x + 1;
}
console.log(`memcpu.js ${ssi.getpid()}: ${ssi.args[0]} MB, ${x} iterations, done at node ${ssi.where()}`);
