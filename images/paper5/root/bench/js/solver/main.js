// Benchmark "solver": generates sudoku puzzles and solves them by constraint propagation and search.
// usage: main.js [PUZZLES]   (default 20000)
const { Lcg, Checksum } = require('../lib/rng');
const { Board } = require('./board');
const { Solver, verify } = require('./solver');
const { makePuzzle, render } = require('./puzzles');

const count = Number(process.argv[2] || 20000);
const rng = new Lcg(2024);
const board = new Board();
const sum = new Checksum();
const histogram = new Map();
let nodes = 0, propagations = 0, unique = 0;

for (let k = 0; k < count; k++) {
    const givens = 24 + rng.below(16);
    const { puzzle, solution } = makePuzzle(rng, givens);
    const solver = new Solver(board, 2);
    const found = solver.solve(puzzle);
    if (found === 0 || !solver.solutions.every((s) => verify(board, puzzle, s))) {
        console.error(`self-check failed on puzzle ${k}: ${render(puzzle)}`);
        process.exit(1);
    }
    if (found === 1) {
        unique++;
        if (render(solver.solutions[0]) !== render(solution)) {
            console.error(`self-check failed: unique solution of puzzle ${k} differs from the generator's`);
            process.exit(1);
        }
    }
    nodes += solver.nodes;
    propagations += solver.propagations;
    histogram.set(givens, (histogram.get(givens) || 0) + solver.nodes);
    sum.addString(render(solver.solutions[0])).add(solver.nodes);
    if (k === 0) console.log(`first puzzle ${render(puzzle)}\n   solution ${render(solver.solutions[0])}`);
}

console.log(`solver: ${count} puzzles, ${unique} with a unique solution, ${nodes} search nodes, ${propagations} unit propagations`);
const rows = [...histogram.entries()].sort((a, b) => a[0] - b[0]);
console.log(`  nodes by givens: ${rows.map(([g, n]) => `${g}:${n}`).join(' ')}`);
console.log(`checksum ${sum.value}`);
