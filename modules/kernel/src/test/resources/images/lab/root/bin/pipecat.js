// Reads its stdin to the end, printing when each read returned and what it got; usage: pipecat.js [NODE]
if (ssi.args[0]) ssi.migrate(ssi.args[0]);
let total = 0;
for (;;) {
    const s = ssi.read(0, 65536);
    const t = Math.round(ssi.time() * 1e9);
    if (s === '') break;
    total += s.length;
    console.log(`read ${t} ${s.length} ${s[0]}`);
}
console.log(`end ${total}`);
