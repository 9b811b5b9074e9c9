// Benchmark "loops": builds a large control-flow graph and finds its loop nest with Havlak's algorithm, repeatedly.
// usage: main.js [ITERATIONS]   (default 150)
const { Lcg, Checksum } = require('../lib/rng');
const { Cfg, CfgBuilder } = require('./cfg');
const { HavlakLoopFinder } = require('./havlak');

const iterations = Number(process.argv[2] || 150);
const cfg = new Cfg();
const builder = new CfgBuilder(cfg, new Lcg(1234));
let tail = cfg.newBlock();
for (let i = 0; i < 400; i++) tail = builder.region(tail, 5, 0);
cfg.connect(tail, cfg.newBlock());
console.log(`loops: ${cfg.blocks.length} blocks, ${cfg.edgeCount} edges, ${builder.loops} loops built`);

const sum = new Checksum();
let lsg = null;
for (let it = 0; it < iterations; it++) {
    lsg = new HavlakLoopFinder(cfg).findLoops();
    const irreducible = lsg.loops.filter((l) => !l.isReducible).length;
    const maxDepth = Math.max(...lsg.loops.map((l) => l.depth));
    if (lsg.loops.length !== builder.loops || irreducible !== builder.irreducible || maxDepth !== builder.maxNest) {
        console.error(`self-check failed: found ${lsg.loops.length} loops (${irreducible} irreducible, depth ${maxDepth}),` +
            ` built ${builder.loops} (${builder.irreducible}, depth ${builder.maxNest})`);
        process.exit(1);
    }
    sum.add(lsg.loops.length).add(lsg.root.children.size);
}

// Describe the last result: loops per depth and the largest loops.
const perDepth = new Map();
for (const l of lsg.loops) perDepth.set(l.depth, (perDepth.get(l.depth) || 0) + 1);
const sizes = lsg.loops.map((l) => ({ id: l.id, header: l.header.name, size: l.blocks.size, kids: l.children.size }));
sizes.sort((a, b) => b.size - a.size || a.header - b.header);
console.log(`  ${iterations} iterations, ${lsg.loops.length} loops, ${lsg.loops.filter((l) => !l.isReducible).length} irreducible`);
console.log(`  loops by depth: ${[...perDepth.keys()].sort((a, b) => a - b).map((d) => `${d}:${perDepth.get(d)}`).join(' ')}`);
console.log(`  largest: ${sizes.slice(0, 4).map((s) => `header ${s.header} (${s.size} blocks, ${s.kids} inner)`).join(', ')}`);
for (const l of lsg.loops) sum.add(l.header.name).add(l.blocks.size).add(l.depth);
console.log(`checksum ${sum.value}`);
