// Sudoku board topology: cells, units (all-different constraints) and candidate bitmasks.

const ALL = 0x3fe; // bits 1..9
const POPCOUNT = new Uint8Array(1024);
for (let m = 1; m < 1024; m++) POPCOUNT[m] = POPCOUNT[m >> 1] + (m & 1);

function digitsOf(mask) {
    const out = [];
    for (let d = 1; d <= 9; d++) if (mask & (1 << d)) out.push(d);
    return out;
}

function singleDigit(mask) {
    return POPCOUNT[mask] === 1 ? 31 - Math.clz32(mask) : 0;
}

class Cell {
    constructor(index) {
        this.index = index;
        this.row = Math.floor(index / 9);
        this.col = index % 9;
        this.box = Math.floor(this.row / 3) * 3 + Math.floor(this.col / 3);
        this.units = [];
        this.peers = [];
    }

    get name() {
        return `${'ABCDEFGHI'[this.row]}${this.col + 1}`;
    }
}

// One all-different constraint over nine cells.
class Unit {
    constructor(name, cells) {
        this.name = name;
        this.cells = cells;
    }

    // Apply naked and hidden singles; returns -1 on contradiction, else the number of changes.
    propagate(masks) {
        let changes = 0;
        let fixed = 0;
        for (const c of this.cells) {
            const d = singleDigit(masks[c.index]);
            if (d === 0) continue;
            if (fixed & (1 << d)) return -1;
            fixed |= 1 << d;
        }
        let seen = 0;
        for (const c of this.cells) {
            const m = masks[c.index];
            if (POPCOUNT[m] > 1 && (m & fixed)) {
                const left = m & ~fixed;
                if (left === 0) return -1;
                masks[c.index] = left;
                changes++;
            }
            seen |= masks[c.index];
        }
        if (seen !== ALL) return -1;
        for (let d = 1; d <= 9; d++) {
            const bit = 1 << d;
            if (fixed & bit) continue;
            let only = null;
            let count = 0;
            for (const c of this.cells) {
                if (masks[c.index] & bit) {
                    only = c;
                    count++;
                }
            }
            if (count === 1 && masks[only.index] !== bit) {
                masks[only.index] = bit;
                changes++;
            }
        }
        return changes;
    }
}

class Board {
    constructor() {
        this.cells = Array.from({ length: 81 }, (_, i) => new Cell(i));
        this.units = [];
        for (let k = 0; k < 9; k++) {
            this.addUnit(`row ${k + 1}`, (c) => c.row === k);
            this.addUnit(`col ${k + 1}`, (c) => c.col === k);
            this.addUnit(`box ${k + 1}`, (c) => c.box === k);
        }
        for (const cell of this.cells) {
            const peers = new Set();
            for (const u of cell.units) for (const p of u.cells) if (p !== cell) peers.add(p);
            cell.peers = [...peers];
        }
    }

    addUnit(name, belongs) {
        const unit = new Unit(name, this.cells.filter(belongs));
        for (const c of unit.cells) c.units.push(unit);
        this.units.push(unit);
    }
}

module.exports = { Board, ALL, POPCOUNT, digitsOf, singleDigit };
