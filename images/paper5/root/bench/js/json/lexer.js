// JSON tokenizer: turns text into tokens (punctuation, strings, numbers, literals).

class Token {
    constructor(type, value, pos) {
        this.type = type; // one of { } [ ] : , string number true false null eof
        this.value = value;
        this.pos = pos;
    }
}

class JsonError extends Error {}

const ESCAPES = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Lexer {
    constructor(text) {
        this.text = text;
        this.pos = 0;
    }

    fail(msg) {
        throw new JsonError(`${msg} at offset ${this.pos}`);
    }

    next() {
        const text = this.text;
        while (this.pos < text.length && ' \t\r\n'.includes(text[this.pos])) this.pos++;
        const start = this.pos;
        if (start >= text.length) return new Token('eof', null, start);
        const ch = text[start];
        if ('{}[]:,'.includes(ch)) {
            this.pos++;
            return new Token(ch, ch, start);
        }
        if (ch === '"') return new Token('string', this.string(), start);
        if (ch === '-' || (ch >= '0' && ch <= '9')) return new Token('number', this.number(), start);
        for (const word of ['true', 'false', 'null']) {
            if (text.startsWith(word, start)) {
                this.pos += word.length;
                return new Token(word, word, start);
            }
        }
        this.fail(`unexpected character '${ch}'`);
    }

    string() {
        const text = this.text;
        const parts = [];
        let i = this.pos + 1;
        let run = i;
        for (;;) {
            if (i >= text.length) this.fail('unterminated string');
            const ch = text[i];
            if (ch === '"') break;
            if (ch === '\\') {
                parts.push(text.slice(run, i));
                const e = text[i + 1];
                if (e === 'u') {
                    parts.push(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)));
                    i += 6;
                } else if (e in ESCAPES) {
                    parts.push(ESCAPES[e]);
                    i += 2;
                } else {
                    this.pos = i;
                    this.fail('bad escape');
                }
                run = i;
            } else {
                i++;
            }
        }
        parts.push(text.slice(run, i));
        this.pos = i + 1;
        return parts.join('');
    }

    number() {
        const text = this.text;
        const start = this.pos;
        let i = start;
        const digits = () => {
            const from = i;
            while (i < text.length && text[i] >= '0' && text[i] <= '9') i++;
            if (i === from) this.fail('digit expected');
        };
        if (text[i] === '-') i++;
        digits();
        if (text[i] === '.') {
            i++;
            digits();
        }
        if (text[i] === 'e' || text[i] === 'E') {
            i++;
            if (text[i] === '+' || text[i] === '-') i++;
            digits();
        }
        this.pos = i;
        return text.slice(start, i);
    }
}

module.exports = { Lexer, Token, JsonError };
