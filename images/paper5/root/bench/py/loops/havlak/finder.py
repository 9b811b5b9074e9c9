# Havlak's loop-nesting algorithm over a Cfg, producing a loop structure graph (LSG).
from enum import IntEnum


class SimpleLoop:
    def __init__(self, ident, header, is_root=False):
        self.id = ident
        self.header = header
        self.is_root = is_root
        self.is_reducible = True
        self.blocks = {header: None} if header is not None else {}  # insertion-ordered set
        self.children = {}
        self.parent = None
        self.depth = 0

    def set_parent(self, parent):
        self.parent = parent
        parent.children[self] = None


class LoopStructureGraph:
    def __init__(self):
        self.root = SimpleLoop(0, None, True)
        self.loops = []

    def new_loop(self, header):
        loop = SimpleLoop(len(self.loops) + 1, header)
        self.loops.append(loop)
        return loop

    def compute_depths(self):
        """Hang top-level loops below the root and number nesting depths (root = 0)."""
        for loop in self.loops:
            if loop.parent is None:
                loop.set_parent(self.root)

        def visit(loop, depth):
            loop.depth = depth
            for child in loop.children:
                visit(child, depth + 1)

        visit(self.root, 0)


class UnionFindNode:
    __slots__ = ("block", "dfs_number", "parent", "loop")

    def __init__(self, block, dfs_number):
        self.block = block
        self.dfs_number = dfs_number
        self.parent = self
        self.loop = None

    def find_set(self):
        root = self
        while root.parent is not root:
            root = root.parent
        node = self
        while node.parent is not root:
            node.parent, node = root, node.parent
        return root

    def union(self, other):
        self.parent = other


class Kind(IntEnum):
    NONHEADER = 0
    REDUCIBLE = 1
    SELF = 2
    IRREDUCIBLE = 3


class HavlakLoopFinder:
    def __init__(self, cfg):
        self.cfg = cfg
        self.lsg = LoopStructureGraph()

    def number(self, number, last):
        """Iterative depth-first numbering; returns the nodes in preorder and fills `last` (last descendant)."""
        nodes = []

        def visit(block):
            number[block] = len(nodes)
            nodes.append(UnionFindNode(block, len(nodes)))

        start = self.cfg.start
        visit(start)
        stack = [start]
        nxt = [0]
        while stack:
            top = len(stack) - 1
            block = stack[top]
            if nxt[top] < len(block.out_edges):
                succ = block.out_edges[nxt[top]]
                nxt[top] += 1
                if succ not in number:
                    visit(succ)
                    stack.append(succ)
                    nxt.append(0)
            else:
                last[number[block]] = len(nodes) - 1
                stack.pop()
                nxt.pop()
        return nodes

    def find_loops(self):
        number = {}
        last = {}
        nodes = self.number(number, last)
        size = len(nodes)

        def is_ancestor(w, v):
            return w <= v <= last[w]

        back_preds = [[] for _ in nodes]
        non_back_preds = [{} for _ in nodes]  # insertion-ordered sets
        kind = [Kind.NONHEADER] * size

        for w in range(size):
            for pred in nodes[w].block.in_edges:
                v = number.get(pred)
                if v is None:
                    continue  # unreachable
                if is_ancestor(w, v):
                    back_preds[w].append(v)
                else:
                    non_back_preds[w][v] = None

        for w in range(size - 1, -1, -1):
            pool = {}
            for v in back_preds[w]:
                if v != w:
                    pool[nodes[v].find_set()] = None
                else:
                    kind[w] = Kind.SELF
            if pool:
                kind[w] = Kind.REDUCIBLE
            work = list(pool)
            i = 0
            while i < len(work):
                x = work[i]
                i += 1
                for y in non_back_preds[x.dfs_number]:
                    ydash = nodes[y].find_set()
                    if not is_ancestor(w, ydash.dfs_number):
                        kind[w] = Kind.IRREDUCIBLE
                        non_back_preds[w][ydash.dfs_number] = None
                    elif ydash.dfs_number != w and ydash not in pool:
                        pool[ydash] = None
                        work.append(ydash)
            if pool or kind[w] == Kind.SELF:
                loop = self.lsg.new_loop(nodes[w].block)
                loop.is_reducible = kind[w] != Kind.IRREDUCIBLE
                nodes[w].loop = loop
                for node in pool:
                    node.union(nodes[w])
                    if node.loop is not None:
                        node.loop.set_parent(loop)
                    else:
                        loop.blocks[node.block] = None
        self.lsg.compute_depths()
        return self.lsg
