# Deterministic text: a made-up vocabulary and sentences drawn from it with a skewed (Zipf-like) distribution.

SYLLABLES = ["ka", "to", "ri", "mo", "la", "sen", "dor", "vi", "qua", "el", "an", "is", "ur", "pe",
             "ne", "zo", "tha", "gri", "bel", "os", "mun", "ter", "fa", "lo"]
FUNCTION_WORDS = ["the", "a", "of", "and", "to", "in", "is", "it", "that", "was", "don't", "it's"]


class Vocabulary:
    def __init__(self, rng, size):
        words = dict.fromkeys(FUNCTION_WORDS)  # an insertion-ordered set
        while len(words) < size:
            w = "".join(rng.pick(SYLLABLES) for _ in range(1 + rng.below(4)))
            words[w] = None
        self.words = list(words)

    def draw(self, rng):
        """Low indices (the function words first) are much more likely than high ones."""
        u = rng.float()
        return self.words[int(u * u * u * len(self.words))]


class TextGenerator:
    def __init__(self, rng, vocabulary):
        self.rng = rng
        self.vocabulary = vocabulary

    def sentence(self):
        rng = self.rng
        n = 4 + rng.below(12)
        words = []
        for i in range(n):
            w = self.vocabulary.draw(rng)
            if i == 0:
                w = w[0].upper() + w[1:]
            if 0 < i < n - 1 and rng.below(8) == 0:
                w += ","
            words.append(w)
        return " ".join(words) + (".", ".", ".", "!", "?")[rng.below(5)]

    def lines(self, count):
        """About `count` words in paragraphs of a few sentences, one line per paragraph."""
        lines = []
        words = 0
        while words < count:
            sentences = []
            for _ in range(2 + self.rng.below(5)):
                sentence = self.sentence()
                words += len(sentence.split(" "))
                sentences.append(sentence)
            lines.append(" ".join(sentences))
        return lines
