# Sudoku board topology: cells, units (all-different constraints) and candidate bitmasks.

ALL = 0x3FE  # bits 1..9
POPCOUNT = [bin(m).count("1") for m in range(1024)]


def digits_of(mask):
    return [d for d in range(1, 10) if mask & (1 << d)]


def single_digit(mask):
    return mask.bit_length() - 1 if POPCOUNT[mask] == 1 else 0


class Cell:
    def __init__(self, index):
        self.index = index
        self.row = index // 9
        self.col = index % 9
        self.box = (self.row // 3) * 3 + self.col // 3
        self.units = []
        self.peers = []

    @property
    def name(self):
        return f"{'ABCDEFGHI'[self.row]}{self.col + 1}"


class Unit:
    """One all-different constraint over nine cells."""

    def __init__(self, name, cells):
        self.name = name
        self.cells = cells

    def propagate(self, masks):
        """Apply naked and hidden singles; returns -1 on contradiction, else the number of changes."""
        changes = 0
        fixed = 0
        for c in self.cells:
            d = single_digit(masks[c.index])
            if d == 0:
                continue
            if fixed & (1 << d):
                return -1
            fixed |= 1 << d
        seen = 0
        for c in self.cells:
            m = masks[c.index]
            if POPCOUNT[m] > 1 and m & fixed:
                left = m & ~fixed
                if left == 0:
                    return -1
                masks[c.index] = left
                changes += 1
            seen |= masks[c.index]
        if seen != ALL:
            return -1
        for d in range(1, 10):
            bit = 1 << d
            if fixed & bit:
                continue
            only = None
            count = 0
            for c in self.cells:
                if masks[c.index] & bit:
                    only = c
                    count += 1
            if count == 1 and masks[only.index] != bit:
                masks[only.index] = bit
                changes += 1
        return changes


class Board:
    def __init__(self):
        self.cells = [Cell(i) for i in range(81)]
        self.units = []
        for k in range(9):
            self.add_unit(f"row {k + 1}", lambda c: c.row == k)
            self.add_unit(f"col {k + 1}", lambda c: c.col == k)
            self.add_unit(f"box {k + 1}", lambda c: c.box == k)
        for cell in self.cells:
            peers = {}
            for u in cell.units:
                for p in u.cells:
                    if p is not cell:
                        peers[p] = True
            cell.peers = list(peers)

    def add_unit(self, name, belongs):
        unit = Unit(name, [c for c in self.cells if belongs(c)])
        for c in unit.cells:
            c.units.append(unit)
        self.units.append(unit)
