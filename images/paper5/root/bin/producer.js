// The producer of a pipeline (the seed paper's Test 7): computes, then writes 4 KB, again and again.
// usage: producer.js [CHUNKS (default: forever)] — its stdout is the pipe
const chunks = Number(ssi.args[0] ?? -1);
const block = 'p'.repeat(4095) + '\n';
for (let i = 0; chunks < 0 || i < chunks; i++) {
    let x = 0;
    for (let k = 0; k < 400; k++) x += k * k;
    ssi.write(1, block);
}
