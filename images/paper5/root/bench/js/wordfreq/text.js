// Deterministic text: a made-up vocabulary and sentences drawn from it with a skewed (Zipf-like) distribution.

const SYLLABLES = ['ka', 'to', 'ri', 'mo', 'la', 'sen', 'dor', 'vi', 'qua', 'el', 'an', 'is', 'ur', 'pe',
    'ne', 'zo', 'tha', 'gri', 'bel', 'os', 'mun', 'ter', 'fa', 'lo'];
const FUNCTION_WORDS = ['the', 'a', 'of', 'and', 'to', 'in', 'is', 'it', 'that', 'was', "don't", "it's"];

class Vocabulary {
    constructor(rng, size) {
        const words = new Set(FUNCTION_WORDS);
        while (words.size < size) {
            let w = '';
            for (let n = 1 + rng.below(4); n > 0; n--) w += rng.pick(SYLLABLES);
            words.add(w);
        }
        this.words = [...words];
    }

    // Low indices (the function words first) are much more likely than high ones.
    draw(rng) {
        const u = rng.float();
        return this.words[Math.floor(u * u * u * this.words.length)];
    }
}

class TextGenerator {
    constructor(rng, vocabulary) {
        this.rng = rng;
        this.vocabulary = vocabulary;
    }

    sentence() {
        const rng = this.rng;
        const n = 4 + rng.below(12);
        const words = [];
        for (let i = 0; i < n; i++) {
            let w = this.vocabulary.draw(rng);
            if (i === 0) w = w[0].toUpperCase() + w.slice(1);
            if (i > 0 && i < n - 1 && rng.below(8) === 0) w += ',';
            words.push(w);
        }
        return words.join(' ') + ['.', '.', '.', '!', '?'][rng.below(5)];
    }

    // About `count` words in paragraphs of a few sentences, one line per paragraph.
    lines(count) {
        const lines = [];
        let words = 0;
        while (words < count) {
            const sentences = [];
            for (let s = 2 + this.rng.below(5); s > 0; s--) {
                const sentence = this.sentence();
                words += sentence.split(' ').length;
                sentences.push(sentence);
            }
            lines.push(sentences.join(' '));
        }
        return lines;
    }
}

module.exports = { Vocabulary, TextGenerator };
