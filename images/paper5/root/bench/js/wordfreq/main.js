// Benchmark "wordfreq": generates text, tokenises it, counts words and n-grams, sorts and prints the top entries.
// usage: main.js [WORDS]   (default 1000000)
const { Lcg, Checksum } = require('../lib/rng');
const { Vocabulary, TextGenerator } = require('./text');
const { Tokenizer, Counter, NGrams } = require('./counting');

const target = Number(process.argv[2] || 1000000);
const rng = new Lcg(31337);
const vocabulary = new Vocabulary(rng, 400);
const lines = new TextGenerator(rng, vocabulary).lines(target);

const tokenizer = new Tokenizer();
const words = new Counter();
const lengths = new Counter();
const grams = new NGrams();
let sentences = 0, chars = 0;
for (const line of lines) {
    chars += line.length + 1;
    for (const sentence of tokenizer.sentences(line)) {
        sentences++;
        for (const w of sentence) {
            words.add(w);
            lengths.add(w.length);
        }
        grams.addSentence(sentence);
    }
}

// Group the distinct words into anagram classes.
const anagrams = new Map();
for (const w of words.counts.keys()) {
    const key = [...w].sort().join('');
    if (!anagrams.has(key)) anagrams.set(key, []);
    anagrams.get(key).push(w);
}
const biggest = [...anagrams.values()].sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1))[0];

if (words.size > vocabulary.words.length || lengths.total !== words.total) {
    console.error(`self-check failed: ${words.size} distinct words from a vocabulary of ${vocabulary.words.length}`);
    process.exit(1);
}
const fmt = (entries) => entries.map(([k, n]) => `${k} ${n}`).join(', ');
console.log(`wordfreq: ${lines.length} lines, ${chars} chars, ${sentences} sentences, ${words.total} words, ${words.size} distinct`);
console.log(`  top words: ${fmt(words.top(8))}`);
console.log(`  top bigrams: ${fmt(grams.bigrams.top(4))} (${grams.bigrams.size} distinct)`);
const trigramRank = grams.trigrams.sorted();
console.log(`  top trigrams: ${fmt(trigramRank.slice(0, 3))} (${grams.trigrams.size} distinct)`);
console.log(`  lengths: ${[...lengths.counts.entries()].sort((a, b) => a[0] - b[0]).map(([l, n]) => `${l}:${n}`).join(' ')}`);
console.log(`  anagram class of ${biggest.length}: ${biggest.slice().sort().join(' ')}`);
console.log(`  chain: ${grams.chain('the', 12).join(' ')}`);
const sum = new Checksum();
for (const [w, n] of words.sorted()) sum.addString(w).add(n);
for (const [g, n] of trigramRank.slice(0, 1000)) sum.addString(g).add(n);
console.log(`checksum ${sum.value}`);
