// Counts to N, giving its count to its checkpoints; recovered, it goes on from the last one. usage: counter.js N
const n = Number(ssi.args[0]);
const saved = ssi.restored();
let i = saved === null ? 0 : JSON.parse(saved).i;
console.log(saved === null ? 'fresh' : `recovered at ${i}`);
for (; i < n; i++) {
    if (i % 1000 === 0) ssi.checkpoint(JSON.stringify({i}));
    let x = 0;
    for (let k = 0; k < 10; k++) x += k;
}
console.log(`counted to ${i}`);
