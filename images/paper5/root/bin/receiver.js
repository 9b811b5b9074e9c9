// The receiving half of sender.js: takes COUNT messages (default forever), computing a little on each.
const n = Number(ssi.args[0] ?? Infinity);
let bytes = 0;
for (let i = 0; i < n; i++) {
    bytes += ssi.recv().data.length;
    let x = 0;
    for (let k = 0; k < 200; k++) x += k;
}
console.log(`receiver.js ${ssi.getpid()}: ${bytes} bytes, done at node ${ssi.where()}`);
