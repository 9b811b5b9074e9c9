# Tokenizer, a frequency counter and n-gram tables.

LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
ENDS = frozenset(".!?")


class Tokenizer:
    """Splits a line into sentences of lower-case words (apostrophes inside words are kept)."""

    def sentences(self, line):
        out = []
        sentence = []
        i = 0
        n = len(line)
        while i < n:
            c = line[i]
            if c in LETTERS:
                j = i + 1
                while j < n and (line[j] in LETTERS or (line[j] == "'" and line[j + 1:j + 2] in LETTERS)):
                    j += 1
                sentence.append(line[i:j].lower())
                i = j
            else:
                if c in ENDS and sentence:
                    out.append(sentence)
                    sentence = []
                i += 1
        if sentence:
            out.append(sentence)
        return out


def by_count_then_key(item):
    return -item[1], item[0]


class Counter:
    def __init__(self):
        self.counts = {}
        self.total = 0

    def add(self, key, n=1):
        self.counts[key] = self.counts.get(key, 0) + n
        self.total += n

    def __len__(self):
        return len(self.counts)

    def sorted(self):
        return sorted(self.counts.items(), key=by_count_then_key)

    def top(self, n):
        return self.sorted()[:n]


class NGrams:
    """Counts n-grams within sentences and remembers, for each word, which words follow it."""

    def __init__(self):
        self.bigrams = Counter()
        self.trigrams = Counter()
        self.followers = {}

    def add_sentence(self, words):
        for i in range(len(words) - 1):
            a, b = words[i], words[i + 1]
            self.bigrams.add(f"{a} {b}")
            if i + 2 < len(words):
                self.trigrams.add(f"{a} {b} {words[i + 2]}")
            nxt = self.followers.get(a)
            if nxt is None:
                nxt = self.followers[a] = Counter()
            nxt.add(b)

    def chain(self, start, length):
        """The most likely continuation from `start`, never revisiting a word."""
        seen = {start}
        out = [start]
        word = start
        while len(out) < length:
            nxt = self.followers.get(word)
            choice = next((w for w, _ in nxt.sorted() if w not in seen), None) if nxt else None
            if choice is None:
                break
            word = choice
            seen.add(word)
            out.append(word)
        return out
