// Havlak's loop-nesting algorithm over a Cfg, producing a loop structure graph (LSG).

class SimpleLoop {
    constructor(id, header, isRoot = false) {
        this.id = id;
        this.header = header;
        this.isRoot = isRoot;
        this.isReducible = true;
        this.blocks = new Set();
        this.children = new Set();
        this.parent = null;
        this.depth = 0;
        if (header) this.blocks.add(header);
    }

    setParent(parent) {
        this.parent = parent;
        parent.children.add(this);
    }
}

class LoopStructureGraph {
    constructor() {
        this.root = new SimpleLoop(0, null, true);
        this.loops = [];
    }

    newLoop(header) {
        const loop = new SimpleLoop(this.loops.length + 1, header);
        this.loops.push(loop);
        return loop;
    }

    // Hang top-level loops below the root and number nesting depths (root = 0).
    computeDepths() {
        for (const loop of this.loops) if (!loop.parent) loop.setParent(this.root);
        const visit = (loop, depth) => {
            loop.depth = depth;
            for (const child of loop.children) visit(child, depth + 1);
        };
        visit(this.root, 0);
    }
}

class UnionFindNode {
    constructor(block, dfsNumber) {
        this.block = block;
        this.dfsNumber = dfsNumber;
        this.parent = this;
        this.loop = null;
    }

    findSet() {
        let root = this;
        while (root.parent !== root) root = root.parent;
        let node = this;
        while (node.parent !== root) {
            const next = node.parent;
            node.parent = root;
            node = next;
        }
        return root;
    }

    union(other) {
        this.parent = other;
    }
}

const Kind = { NONHEADER: 0, REDUCIBLE: 1, SELF: 2, IRREDUCIBLE: 3 };

class HavlakLoopFinder {
    constructor(cfg) {
        this.cfg = cfg;
        this.lsg = new LoopStructureGraph();
    }

    // Iterative depth-first numbering; returns the nodes in preorder and fills `last` (last descendant).
    number(number, last) {
        const nodes = [];
        const visit = (block) => {
            number.set(block, nodes.length);
            nodes.push(new UnionFindNode(block, nodes.length));
        };
        visit(this.cfg.start);
        const stack = [this.cfg.start];
        const next = [0];
        while (stack.length > 0) {
            const top = stack.length - 1;
            const block = stack[top];
            if (next[top] < block.outEdges.length) {
                const succ = block.outEdges[next[top]++];
                if (!number.has(succ)) {
                    visit(succ);
                    stack.push(succ);
                    next.push(0);
                }
            } else {
                last[number.get(block)] = nodes.length - 1;
                stack.pop();
                next.pop();
            }
        }
        return nodes;
    }

    findLoops() {
        const number = new Map();
        const last = [];
        const nodes = this.number(number, last);
        const size = nodes.length;
        const isAncestor = (w, v) => w <= v && v <= last[w];
        const backPreds = nodes.map(() => []);
        const nonBackPreds = nodes.map(() => new Set());
        const kind = new Array(size).fill(Kind.NONHEADER);

        for (let w = 0; w < size; w++) {
            for (const pred of nodes[w].block.inEdges) {
                const v = number.get(pred);
                if (v === undefined) continue; // unreachable
                if (isAncestor(w, v)) backPreds[w].push(v);
                else nonBackPreds[w].add(v);
            }
        }

        for (let w = size - 1; w >= 0; w--) {
            const pool = new Set();
            for (const v of backPreds[w]) {
                if (v !== w) pool.add(nodes[v].findSet());
                else kind[w] = Kind.SELF;
            }
            if (pool.size > 0) kind[w] = Kind.REDUCIBLE;
            const work = [...pool];
            for (let i = 0; i < work.length; i++) {
                const x = work[i];
                for (const y of nonBackPreds[x.dfsNumber]) {
                    const ydash = nodes[y].findSet();
                    if (!isAncestor(w, ydash.dfsNumber)) {
                        kind[w] = Kind.IRREDUCIBLE;
                        nonBackPreds[w].add(ydash.dfsNumber);
                    } else if (ydash.dfsNumber !== w && !pool.has(ydash)) {
                        pool.add(ydash);
                        work.push(ydash);
                    }
                }
            }
            if (pool.size > 0 || kind[w] === Kind.SELF) {
                const loop = this.lsg.newLoop(nodes[w].block);
                loop.isReducible = kind[w] !== Kind.IRREDUCIBLE;
                nodes[w].loop = loop;
                for (const node of pool) {
                    node.union(nodes[w]);
                    if (node.loop) node.loop.setParent(loop);
                    else loop.blocks.add(node.block);
                }
            }
        }
        this.lsg.computeDepths();
        return this.lsg;
    }
}

module.exports = { HavlakLoopFinder, LoopStructureGraph, SimpleLoop };
