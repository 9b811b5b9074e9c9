// Shared helpers for the JS benchmarks: a deterministic LCG and a checksum accumulator.

const MOD = 1000000007;

class Lcg {
    constructor(seed) {
        this.state = seed & 0x7fffffff;
    }

    // Next raw value in [0, 2^31): seed = (seed * 1103515245 + 12345) mod 2^31, exact in 32-bit arithmetic.
    next() {
        this.state = (Math.imul(this.state, 1103515245) + 12345) & 0x7fffffff;
        return this.state;
    }

    // Integer in [0, n) taken from the high bits (n < 2^22 keeps the product exact).
    below(n) {
        return Math.floor(this.next() * n / 2147483648);
    }

    // Float in [0, 1).
    float() {
        return this.next() / 2147483648;
    }

    pick(items) {
        return items[this.below(items.length)];
    }

    shuffle(items) {
        for (let i = items.length - 1; i > 0; i--) {
            const j = this.below(i + 1);
            const t = items[i];
            items[i] = items[j];
            items[j] = t;
        }
        return items;
    }
}

// Checksum accumulator kept below 2^53 so every step is exact.
class Checksum {
    constructor() {
        this.value = 17;
    }

    add(n) {
        this.value = (this.value * 31 + (n % MOD) + MOD) % MOD;
        return this;
    }

    addString(s) {
        for (let i = 0; i < s.length; i++) this.add(s.charCodeAt(i));
        return this;
    }
}

module.exports = { Lcg, Checksum };
