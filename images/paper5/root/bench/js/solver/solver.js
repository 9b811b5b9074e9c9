// A constraint-propagation sudoku solver with most-constrained-cell search that counts solutions.
const { ALL, POPCOUNT, digitsOf } = require('./board');

class Solver {
    constructor(board, limit) {
        this.board = board;
        this.limit = limit;
        this.nodes = 0;
        this.propagations = 0;
        this.solutions = [];
    }

    // Run the unit constraints to a fixed point; false on contradiction.
    propagate(masks) {
        const pending = new Set(this.board.units);
        while (pending.size > 0) {
            const unit = pending.values().next().value;
            pending.delete(unit);
            this.propagations++;
            const before = unit.cells.map((c) => masks[c.index]);
            const r = unit.propagate(masks);
            if (r < 0) return false;
            if (r === 0) continue;
            unit.cells.forEach((c, i) => {
                if (masks[c.index] !== before[i]) for (const u of c.units) if (u !== unit) pending.add(u);
            });
        }
        return true;
    }

    solve(givens) {
        const masks = givens.map((d) => (d ? 1 << d : ALL));
        this.search(masks);
        return this.solutions.length;
    }

    search(masks) {
        this.nodes++;
        if (!this.propagate(masks)) return;
        let best = -1;
        let bestCount = 10;
        for (let i = 0; i < 81; i++) {
            const n = POPCOUNT[masks[i]];
            if (n > 1 && n < bestCount) {
                best = i;
                bestCount = n;
            }
        }
        if (best < 0) {
            this.solutions.push(masks.map((m) => 31 - Math.clz32(m)));
            return;
        }
        for (const d of digitsOf(masks[best])) {
            if (this.solutions.length >= this.limit) return;
            const next = masks.slice();
            next[best] = 1 << d;
            this.search(next);
        }
    }
}

// Every unit holds 1..9 and every given is kept.
function verify(board, givens, grid) {
    for (let i = 0; i < 81; i++) if (givens[i] && givens[i] !== grid[i]) return false;
    return board.units.every((u) => new Set(u.cells.map((c) => grid[c.index])).size === 9);
}

module.exports = { Solver, verify };
