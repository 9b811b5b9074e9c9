// Tokenizer, a frequency counter and n-gram tables.

const isLetter = (c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

// Splits a line into sentences of lower-case words (apostrophes inside words are kept).
class Tokenizer {
    sentences(line) {
        const out = [];
        let sentence = [];
        let i = 0;
        while (i < line.length) {
            const c = line[i];
            if (isLetter(c)) {
                let j = i + 1;
                while (j < line.length && (isLetter(line[j]) || (line[j] === "'" && isLetter(line[j + 1] || '')))) j++;
                sentence.push(line.slice(i, j).toLowerCase());
                i = j;
            } else {
                if ((c === '.' || c === '!' || c === '?') && sentence.length > 0) {
                    out.push(sentence);
                    sentence = [];
                }
                i++;
            }
        }
        if (sentence.length > 0) out.push(sentence);
        return out;
    }
}

const byCountThenKey = (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

class Counter {
    constructor() {
        this.counts = new Map();
        this.total = 0;
    }

    add(key, n = 1) {
        this.counts.set(key, (this.counts.get(key) || 0) + n);
        this.total += n;
    }

    get size() {
        return this.counts.size;
    }

    sorted() {
        return [...this.counts.entries()].sort(byCountThenKey);
    }

    top(n) {
        return this.sorted().slice(0, n);
    }
}

// Counts n-grams within sentences and remembers, for each word, which words follow it.
class NGrams {
    constructor() {
        this.bigrams = new Counter();
        this.trigrams = new Counter();
        this.followers = new Map();
    }

    addSentence(words) {
        for (let i = 0; i + 1 < words.length; i++) {
            const [a, b] = [words[i], words[i + 1]];
            this.bigrams.add(`${a} ${b}`);
            if (i + 2 < words.length) this.trigrams.add(`${a} ${b} ${words[i + 2]}`);
            let next = this.followers.get(a);
            if (!next) {
                next = new Counter();
                this.followers.set(a, next);
            }
            next.add(b);
        }
    }

    // The most likely continuation from `start`, never revisiting a word.
    chain(start, length) {
        const seen = new Set([start]);
        const out = [start];
        let word = start;
        while (out.length < length) {
            const next = this.followers.get(word);
            const choice = next && next.sorted().find(([w]) => !seen.has(w));
            if (!choice) break;
            word = choice[0];
            seen.add(word);
            out.push(word);
        }
        return out;
    }
}

module.exports = { Tokenizer, Counter, NGrams };
