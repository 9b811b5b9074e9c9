# Deterministic puzzle generator: shuffle a valid grid by symmetries, then blank out cells.


def base_grid():
    return [(r * 3 + r // 3 + c) % 9 + 1 for r in range(9) for c in range(9)]


def band_permutation(rng):
    """A permutation of 0..8 that keeps rows (or columns) inside their band (or stack)."""
    order = []
    for b in rng.shuffle([0, 1, 2]):
        for i in rng.shuffle([0, 1, 2]):
            order.append(b * 3 + i)
    return order


def make_puzzle(rng, givens):
    base = base_grid()
    digits = rng.shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9])
    rows = band_permutation(rng)
    cols = band_permutation(rng)
    transpose = rng.below(2) == 1
    solution = []
    for r in range(9):
        for c in range(9):
            rr, cc = (cols[c], rows[r]) if transpose else (rows[r], cols[c])
            solution.append(digits[base[rr * 9 + cc] - 1])
    puzzle = solution[:]
    order = rng.shuffle(list(range(81)))
    for i in order[givens:]:
        puzzle[i] = 0
    return puzzle, solution


def render(grid):
    return "".join(str(d) if d else "." for d in grid)
