# A constraint-propagation sudoku solver with most-constrained-cell search that counts solutions.
from board import ALL, POPCOUNT, digits_of


class Solver:
    def __init__(self, board, limit):
        self.board = board
        self.limit = limit
        self.nodes = 0
        self.propagations = 0
        self.solutions = []

    def propagate(self, masks):
        """Run the unit constraints to a fixed point; False on contradiction."""
        pending = dict.fromkeys(self.board.units)  # an insertion-ordered set
        while pending:
            unit = next(iter(pending))
            del pending[unit]
            self.propagations += 1
            before = [masks[c.index] for c in unit.cells]
            r = unit.propagate(masks)
            if r < 0:
                return False
            if r == 0:
                continue
            for c, old in zip(unit.cells, before):
                if masks[c.index] != old:
                    for u in c.units:
                        if u is not unit:
                            pending[u] = None
        return True

    def solve(self, givens):
        masks = [1 << d if d else ALL for d in givens]
        self.search(masks)
        return len(self.solutions)

    def search(self, masks):
        self.nodes += 1
        if not self.propagate(masks):
            return
        best = -1
        best_count = 10
        for i in range(81):
            n = POPCOUNT[masks[i]]
            if 1 < n < best_count:
                best = i
                best_count = n
        if best < 0:
            self.solutions.append([m.bit_length() - 1 for m in masks])
            return
        for d in digits_of(masks[best]):
            if len(self.solutions) >= self.limit:
                return
            nxt = masks[:]
            nxt[best] = 1 << d
            self.search(nxt)


def verify(board, givens, grid):
    """Every unit holds 1..9 and every given is kept."""
    if any(g and g != v for g, v in zip(givens, grid)):
        return False
    return all(len({grid[c.index] for c in u.cells}) == 9 for u in board.units)
