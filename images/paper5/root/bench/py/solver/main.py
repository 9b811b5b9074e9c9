# Benchmark "solver": generates sudoku puzzles and solves them by constraint propagation and search.
# usage: main.py [PUZZLES]   (default 3000)
import sys

from board import Board
from puzzles import make_puzzle, render
from benchrng import Checksum, Lcg
from solver import Solver, verify


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    rng = Lcg(2024)
    board = Board()
    check = Checksum()
    histogram = {}
    nodes = propagations = unique = 0

    for k in range(count):
        givens = 24 + rng.below(16)
        puzzle, solution = make_puzzle(rng, givens)
        solver = Solver(board, 2)
        found = solver.solve(puzzle)
        if found == 0 or not all(verify(board, puzzle, s) for s in solver.solutions):
            print(f"self-check failed on puzzle {k}: {render(puzzle)}", file=sys.stderr)
            sys.exit(1)
        if found == 1:
            unique += 1
            if render(solver.solutions[0]) != render(solution):
                print(f"self-check failed: unique solution of puzzle {k} differs from the generator's",
                      file=sys.stderr)
                sys.exit(1)
        nodes += solver.nodes
        propagations += solver.propagations
        histogram[givens] = histogram.get(givens, 0) + solver.nodes
        check.add_string(render(solver.solutions[0])).add(solver.nodes)
        if k == 0:
            print(f"first puzzle {render(puzzle)}\n   solution {render(solver.solutions[0])}")

    print(f"solver: {count} puzzles, {unique} with a unique solution, {nodes} search nodes, "
          f"{propagations} unit propagations")
    print("  nodes by givens: " + " ".join(f"{g}:{n}" for g, n in sorted(histogram.items())))
    print(f"checksum {check.value}")


main()
