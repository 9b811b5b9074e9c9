// The consumer of a pipeline (the seed paper's Test 7): reads its stdin, computing a little on each block.
let total = 0;
for (;;) {
    const s = ssi.read(0, 4096);
    if (s === '') break;
    let x = 0;
    for (let k = 0; k < 100; k++) x += k;
    total += s.length;
}
console.log(`consumed ${total} bytes`);
