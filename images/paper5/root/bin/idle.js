// Wakes every 100 ms of virtual time to count, and sleeps again: a light process, for running many at once.
// usage: idle.js [SECONDS (default forever)]
const end = Number(ssi.args[0] ?? Infinity);
let beats = 0;
while (ssi.time() < end) {
    beats++;
    ssi.sleep(0.1);
}
console.log(`idle.js ${ssi.getpid()}: ${beats} beats`);
