// Generates random JSON documents as text, straight from the LCG (no document model involved).
const { quote } = require('./parser');

const WORDS = ['id', 'name', 'type', 'value', 'items', 'tags', 'owner', 'created', 'size', 'price',
    'enabled', 'children', 'parent', 'label', 'notes', 'score', 'region', 'status', 'meta', 'links'];
const TEXT = ['alpha', 'beta', 'gamma', 'delta', 'caf\u00e9', 'na\u00efve', 'line\nbreak', 'tab\there',
    'say "hi"', 'back\\slash', 'bell\u0007', '\u00fcber', 'plain', 'x'];

class DocumentGenerator {
    constructor(rng) {
        this.rng = rng;
    }

    document(size) {
        const parts = [];
        this.object(parts, 0, size);
        return parts.join('');
    }

    value(parts, depth, budget) {
        const rng = this.rng;
        const roll = depth >= 6 || budget < 2 ? 5 + rng.below(5) : rng.below(10);
        if (roll < 3) this.object(parts, depth, budget);
        else if (roll < 5) this.array(parts, depth, budget);
        else if (roll < 6) parts.push(quote(this.text()));
        else if (roll < 8) parts.push(this.number());
        else parts.push(['true', 'false', 'null'][rng.below(3)]);
    }

    object(parts, depth, budget) {
        const n = 1 + this.rng.below(Math.min(budget, 8));
        const keys = new Set();
        parts.push('{');
        for (let i = 0; i < n; i++) {
            let key = this.rng.pick(WORDS);
            while (keys.has(key)) key += '_' + this.rng.below(10);
            keys.add(key);
            if (i > 0) parts.push(',');
            parts.push(quote(key), ':');
            this.value(parts, depth + 1, Math.floor(budget / n));
        }
        parts.push('}');
    }

    array(parts, depth, budget) {
        const n = this.rng.below(Math.min(budget, 12));
        parts.push('[');
        for (let i = 0; i < n; i++) {
            if (i > 0) parts.push(',');
            this.value(parts, depth + 1, Math.floor(budget / (n + 1)));
        }
        parts.push(']');
    }

    text() {
        const n = 1 + this.rng.below(3);
        const words = [];
        for (let i = 0; i < n; i++) words.push(this.rng.pick(TEXT));
        return words.join(' ');
    }

    number() {
        const rng = this.rng;
        const whole = String(rng.below(100000) - 50000);
        switch (rng.below(3)) {
            case 0: return whole;
            case 1: return `${whole}.${String(rng.below(1000)).padStart(3, '0')}`;
            default: return `${whole}.${rng.below(10)}e${rng.below(20) - 10}`;
        }
    }
}

module.exports = { DocumentGenerator };
