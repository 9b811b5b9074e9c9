// Deterministic puzzle generator: shuffle a valid grid by symmetries, then blank out cells.

function baseGrid() {
    const g = [];
    for (let r = 0; r < 9; r++) {
        for (let c = 0; c < 9; c++) g.push(((r * 3 + Math.floor(r / 3) + c) % 9) + 1);
    }
    return g;
}

// A permutation of 0..8 that keeps rows (or columns) inside their band (or stack).
function bandPermutation(rng) {
    const bands = rng.shuffle([0, 1, 2]);
    const order = [];
    for (const b of bands) for (const i of rng.shuffle([0, 1, 2])) order.push(b * 3 + i);
    return order;
}

function makePuzzle(rng, givens) {
    const base = baseGrid();
    const digits = rng.shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const rows = bandPermutation(rng);
    const cols = bandPermutation(rng);
    const transpose = rng.below(2) === 1;
    const solution = [];
    for (let r = 0; r < 9; r++) {
        for (let c = 0; c < 9; c++) {
            const [rr, cc] = transpose ? [cols[c], rows[r]] : [rows[r], cols[c]];
            solution.push(digits[base[rr * 9 + cc] - 1]);
        }
    }
    const puzzle = solution.slice();
    const order = rng.shuffle(Array.from({ length: 81 }, (_, i) => i));
    for (const i of order.slice(givens)) puzzle[i] = 0;
    return { puzzle, solution };
}

function render(grid) {
    return grid.map((d) => (d ? String(d) : '.')).join('');
}

module.exports = { makePuzzle, render };
