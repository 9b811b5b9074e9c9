// The seed paper's Figure 1: a CPU-bound loop, endless unless given a number of iterations.
// usage: cpu.js [ITERATIONS]   (about 2 work units each; default forever)
const n = Number(ssi.args[0] ?? Infinity);
let x = 0;
for (let i = 0; i < n; i++) {
    x = x + 1;
}
console.log(`cpu.js ${ssi.getpid()}: ${x} iterations, done at node ${ssi.where()}`);
