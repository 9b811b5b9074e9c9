# Control-flow graph of basic blocks, and a builder of random structured (and some irreducible) code.


class BasicBlock:
    def __init__(self, name):
        self.name = name
        self.in_edges = []
        self.out_edges = []


class Cfg:
    def __init__(self):
        self.blocks = []
        self.edge_count = 0

    @property
    def start(self):
        return self.blocks[0]

    def new_block(self):
        b = BasicBlock(len(self.blocks))
        self.blocks.append(b)
        return b

    def connect(self, src, dst):
        src.out_edges.append(dst)
        dst.in_edges.append(src)
        self.edge_count += 1


class CfgBuilder:
    """Builds nested regions from straight code, diamonds, loops, self-loops and two-entry (irreducible)
    cycles, counting the loops it makes so that the finder can be checked."""

    def __init__(self, cfg, rng):
        self.cfg = cfg
        self.rng = rng
        self.loops = 0
        self.irreducible = 0
        self.max_nest = 0

    def region(self, entry, depth, nest):
        """Appends a region after `entry` and returns its exit block."""
        cfg = self.cfg
        cur = entry
        for _ in range(2 + self.rng.below(3)):
            roll = self.rng.below(20)
            if roll < 7 and depth > 0:
                header, body, exit_ = cfg.new_block(), cfg.new_block(), cfg.new_block()
                cfg.connect(cur, header)
                cfg.connect(header, body)
                end = self.region(body, depth - 1, nest + 1)
                cfg.connect(end, header)
                if roll < 2:
                    cfg.connect(body, exit_)  # an early break
                cfg.connect(header, exit_)
                self.loops += 1
                self.max_nest = max(self.max_nest, nest + 1)
                cur = exit_
            elif roll < 11:
                a, b, join = cfg.new_block(), cfg.new_block(), cfg.new_block()
                cfg.connect(cur, a)
                cfg.connect(cur, b)
                cfg.connect(a, join)
                cfg.connect(b, join)
                cur = join
            elif roll < 12:
                b = cfg.new_block()
                cfg.connect(cur, b)
                cfg.connect(b, b)
                self.loops += 1
                self.max_nest = max(self.max_nest, nest + 1)
                cur = b
            elif roll < 13:
                b, c, exit_ = cfg.new_block(), cfg.new_block(), cfg.new_block()
                cfg.connect(cur, b)
                cfg.connect(cur, c)
                cfg.connect(b, c)
                cfg.connect(c, b)
                cfg.connect(c, exit_)
                self.loops += 1
                self.irreducible += 1
                self.max_nest = max(self.max_nest, nest + 1)
                cur = exit_
            else:
                b = cfg.new_block()
                cfg.connect(cur, b)
                cur = b
        return cur
