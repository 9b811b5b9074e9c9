// Control-flow graph of basic blocks, and a builder of random structured (and some irreducible) code.

class BasicBlock {
    constructor(name) {
        this.name = name;
        this.inEdges = [];
        this.outEdges = [];
    }
}

class Cfg {
    constructor() {
        this.blocks = [];
        this.edgeCount = 0;
    }

    get start() {
        return this.blocks[0];
    }

    newBlock() {
        const b = new BasicBlock(this.blocks.length);
        this.blocks.push(b);
        return b;
    }

    connect(from, to) {
        from.outEdges.push(to);
        to.inEdges.push(from);
        this.edgeCount++;
    }
}

// Builds nested regions from straight code, diamonds, loops, self-loops and two-entry (irreducible) cycles,
// counting the loops it makes so that the finder can be checked.
class CfgBuilder {
    constructor(cfg, rng) {
        this.cfg = cfg;
        this.rng = rng;
        this.loops = 0;
        this.irreducible = 0;
        this.maxNest = 0;
    }

    // Appends a region after `entry` and returns its exit block.
    region(entry, depth, nest) {
        const cfg = this.cfg;
        let cur = entry;
        for (let pieces = 2 + this.rng.below(3); pieces > 0; pieces--) {
            const roll = this.rng.below(20);
            if (roll < 7 && depth > 0) {
                const header = cfg.newBlock();
                const body = cfg.newBlock();
                const exit = cfg.newBlock();
                cfg.connect(cur, header);
                cfg.connect(header, body);
                const end = this.region(body, depth - 1, nest + 1);
                cfg.connect(end, header);
                if (roll < 2) cfg.connect(body, exit); // an early break
                cfg.connect(header, exit);
                this.loops++;
                this.maxNest = Math.max(this.maxNest, nest + 1);
                cur = exit;
            } else if (roll < 11) {
                const [a, b, join] = [cfg.newBlock(), cfg.newBlock(), cfg.newBlock()];
                cfg.connect(cur, a);
                cfg.connect(cur, b);
                cfg.connect(a, join);
                cfg.connect(b, join);
                cur = join;
            } else if (roll < 12) {
                const b = cfg.newBlock();
                cfg.connect(cur, b);
                cfg.connect(b, b);
                this.loops++;
                this.maxNest = Math.max(this.maxNest, nest + 1);
                cur = b;
            } else if (roll < 13) {
                const [b, c, exit] = [cfg.newBlock(), cfg.newBlock(), cfg.newBlock()];
                cfg.connect(cur, b);
                cfg.connect(cur, c);
                cfg.connect(b, c);
                cfg.connect(c, b);
                cfg.connect(c, exit);
                this.loops++;
                this.irreducible++;
                this.maxNest = Math.max(this.maxNest, nest + 1);
                cur = exit;
            } else {
                const b = cfg.newBlock();
                cfg.connect(cur, b);
                cur = b;
            }
        }
        return cur;
    }
}

module.exports = { BasicBlock, Cfg, CfgBuilder };
