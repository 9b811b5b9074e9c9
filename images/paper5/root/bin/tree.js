// The seed paper's Test 6: a tree of forked processes. Each starts FANOUT children one level
// deeper (they inherit its home, lock and mode), computes ITERATIONS, then waits for them.
// usage: tree.js DEPTH FANOUT ITERATIONS
const [depth, fanout, n] = ssi.args.map(Number);
const kids = [];
for (let k = 0; depth > 0 && k < fanout; k++) {
    kids.push(ssi.spawn('/bin/tree.js', [String(depth - 1), String(fanout), String(n)]));
}
let x = 0;
for (let i = 0; i < n; i++) {
    x = x + 1;
}
const statuses = kids.map(pid => ssi.wait(pid));
console.log(`tree.js ${ssi.getpid()} (parent ${ssi.getppid()}) done at node ${ssi.where()}, children ${statuses.length}`);
