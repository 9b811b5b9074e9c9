// Writes its terminal in a loop, each line stamped with the virtual time it was made:
// an I/O-bound program (the seed paper's Figure 4, with the terminal as its device).
// usage: io.js [LINES]   (default forever)
const lines = Number(ssi.args[0] ?? Infinity);
for (let i = 0; i < lines; i++) {
    console.log(`${i} ${Math.round(ssi.time() * 1e9)}`);
}
