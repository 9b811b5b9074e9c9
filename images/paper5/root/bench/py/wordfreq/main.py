# Benchmark "wordfreq": generates text, tokenises it, counts words and n-grams, sorts and prints the top entries.
# usage: main.py [WORDS]   (default 800000)
import sys

from counting import Counter, NGrams, Tokenizer
from benchrng import Checksum, Lcg
from text import TextGenerator, Vocabulary


def fmt(entries):
    return ", ".join(f"{k} {n}" for k, n in entries)


def main():
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 800000
    rng = Lcg(31337)
    vocabulary = Vocabulary(rng, 400)
    lines = TextGenerator(rng, vocabulary).lines(target)

    tokenizer = Tokenizer()
    words = Counter()
    lengths = Counter()
    grams = NGrams()
    sentences = chars = 0
    for line in lines:
        chars += len(line) + 1
        for sentence in tokenizer.sentences(line):
            sentences += 1
            for w in sentence:
                words.add(w)
                lengths.add(len(w))
            grams.add_sentence(sentence)

    # Group the distinct words into anagram classes.
    anagrams = {}
    for w in words.counts:
        anagrams.setdefault("".join(sorted(w)), []).append(w)
    biggest = min(anagrams.values(), key=lambda g: (-len(g), g[0]))

    if len(words) > len(vocabulary.words) or lengths.total != words.total:
        print(f"self-check failed: {len(words)} distinct words from a vocabulary of {len(vocabulary.words)}",
              file=sys.stderr)
        sys.exit(1)
    print(f"wordfreq: {len(lines)} lines, {chars} chars, {sentences} sentences, {words.total} words, "
          f"{len(words)} distinct")
    print(f"  top words: {fmt(words.top(8))}")
    print(f"  top bigrams: {fmt(grams.bigrams.top(4))} ({len(grams.bigrams)} distinct)")
    trigram_rank = grams.trigrams.sorted()
    print(f"  top trigrams: {fmt(trigram_rank[:3])} ({len(grams.trigrams)} distinct)")
    print("  lengths: " + " ".join(f"{l}:{n}" for l, n in sorted(lengths.counts.items())))
    print(f"  anagram class of {len(biggest)}: {' '.join(sorted(biggest))}")
    print(f"  chain: {' '.join(grams.chain('the', 12))}")
    check = Checksum()
    for w, n in words.sorted():
        check.add_string(w).add(n)
    for g, n in trigram_rank[:1000]:
        check.add_string(g).add(n)
    print(f"checksum {check.value}")


main()
