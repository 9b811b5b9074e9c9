// The seed paper's Test 4: an IPC-intensive pair. Starts receiver.js and sends it messages of
// BYTES, computing a little between them; with COUNT, ends after that many (the receiver too).
// usage: sender.js [COUNT] [BYTES]   (default forever, 1024 bytes)
const n = Number(ssi.args[0] ?? Infinity);
const message = 'm'.repeat(Number(ssi.args[1] ?? 1024));
const receiver = ssi.spawn('/bin/receiver.js', [String(n)]);
for (let i = 0; i < n; i++) {
    let x = 0;
    for (let k = 0; k < 200; k++) x += k;
    ssi.send(receiver, message);
}
ssi.wait(receiver);
console.log(`sender.js ${ssi.getpid()}: ${n} messages, done at node ${ssi.where()}`);
