# Generates random JSON documents as text, straight from the LCG (no document model involved).
from parser import quote

WORDS = ["id", "name", "type", "value", "items", "tags", "owner", "created", "size", "price",
         "enabled", "children", "parent", "label", "notes", "score", "region", "status", "meta", "links"]
TEXT = ["alpha", "beta", "gamma", "delta", "caf\u00e9", "na\u00efve", "line\nbreak", "tab\there",
        'say "hi"', "back\\slash", "bell\u0007", "\u00fcber", "plain", "x"]


class DocumentGenerator:
    def __init__(self, rng):
        self.rng = rng

    def document(self, size):
        parts = []
        self.object(parts, 0, size)
        return "".join(parts)

    def value(self, parts, depth, budget):
        rng = self.rng
        roll = 5 + rng.below(5) if depth >= 6 or budget < 2 else rng.below(10)
        if roll < 3:
            self.object(parts, depth, budget)
        elif roll < 5:
            self.array(parts, depth, budget)
        elif roll < 6:
            parts.append(quote(self.text()))
        elif roll < 8:
            parts.append(self.number())
        else:
            parts.append(("true", "false", "null")[rng.below(3)])

    def object(self, parts, depth, budget):
        n = 1 + self.rng.below(min(budget, 8))
        keys = set()
        parts.append("{")
        for i in range(n):
            key = self.rng.pick(WORDS)
            while key in keys:
                key += "_" + str(self.rng.below(10))
            keys.add(key)
            if i > 0:
                parts.append(",")
            parts.append(quote(key))
            parts.append(":")
            self.value(parts, depth + 1, budget // n)
        parts.append("}")

    def array(self, parts, depth, budget):
        n = self.rng.below(min(budget, 12))
        parts.append("[")
        for i in range(n):
            if i > 0:
                parts.append(",")
            self.value(parts, depth + 1, budget // (n + 1))
        parts.append("]")

    def text(self):
        n = 1 + self.rng.below(3)
        return " ".join(self.rng.pick(TEXT) for _ in range(n))

    def number(self):
        rng = self.rng
        whole = str(rng.below(100000) - 50000)
        form = rng.below(3)
        if form == 0:
            return whole
        if form == 1:
            return f"{whole}.{rng.below(1000):03d}"
        return f"{whole}.{rng.below(10)}e{rng.below(20) - 10}"
