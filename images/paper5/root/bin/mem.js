// Holds a block of memory and keeps writing part of it: a memory-intensive process.
// usage: mem.js BYTES [TOUCH_BYTES]   (touches TOUCH_BYTES of the block every 50 ms, forever)
const block = ssi.alloc(Number(ssi.args[0]));
const touch = Number(ssi.args[1] ?? 0);
for (;;) {
    ssi.sleep(0.05);
    if (touch > 0) {
        ssi.touch(block, 0, touch);
    }
}
