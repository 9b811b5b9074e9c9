// Recursive-descent JSON parser building JNode trees, and a compact / indented printer.
const { Lexer } = require('./lexer');
const { JNull, JBool, JNumber, JString, JArray, JObject } = require('./nodes');

class Parser {
    constructor(text) {
        this.lexer = new Lexer(text);
        this.token = this.lexer.next();
    }

    advance() {
        const t = this.token;
        this.token = this.lexer.next();
        return t;
    }

    expect(type) {
        if (this.token.type !== type) this.lexer.fail(`expected ${type}, got ${this.token.type}`);
        return this.advance();
    }

    parseDocument() {
        const value = this.parseValue();
        this.expect('eof');
        return value;
    }

    parseValue() {
        const t = this.advance();
        switch (t.type) {
            case '{': return this.parseObject();
            case '[': return this.parseArray();
            case 'string': return new JString(t.value);
            case 'number': return new JNumber(t.value);
            case 'true': return new JBool(true);
            case 'false': return new JBool(false);
            case 'null': return new JNull();
            default: return this.lexer.fail(`unexpected ${t.type}`);
        }
    }

    parseObject() {
        const obj = new JObject();
        if (this.token.type === '}') {
            this.advance();
            return obj;
        }
        for (;;) {
            const key = this.expect('string').value;
            this.expect(':');
            obj.set(key, this.parseValue());
            if (this.advance().type === '}') return obj;
            if (this.token.type === 'eof') this.lexer.fail('unterminated object');
        }
    }

    parseArray() {
        const arr = new JArray();
        if (this.token.type === ']') {
            this.advance();
            return arr;
        }
        for (;;) {
            arr.items.push(this.parseValue());
            const t = this.advance();
            if (t.type === ']') return arr;
            if (t.type !== ',') this.lexer.fail('expected , or ]');
        }
    }
}

function quote(s) {
    let out = '"';
    for (let i = 0; i < s.length; i++) {
        const ch = s[i];
        const code = s.charCodeAt(i);
        if (ch === '"' || ch === '\\') out += '\\' + ch;
        else if (ch === '\n') out += '\\n';
        else if (ch === '\t') out += '\\t';
        else if (code < 0x20) out += '\\u' + code.toString(16).padStart(4, '0');
        else out += ch;
    }
    return out + '"';
}

// Prints a tree; indent 0 gives compact output.
class Printer {
    constructor(indent) {
        this.indent = indent;
        this.parts = [];
    }

    print(node) {
        this.parts = [];
        this.emit(node, 0);
        return this.parts.join('');
    }

    newline(depth) {
        if (this.indent > 0) this.parts.push('\n' + ' '.repeat(this.indent * depth));
    }

    emit(node, depth) {
        const p = this.parts;
        if (node instanceof JObject) {
            if (node.members.size === 0) return p.push('{}');
            p.push('{');
            let first = true;
            for (const [k, v] of node.members) {
                if (!first) p.push(',');
                first = false;
                this.newline(depth + 1);
                p.push(quote(k), this.indent > 0 ? ': ' : ':');
                this.emit(v, depth + 1);
            }
            this.newline(depth);
            p.push('}');
        } else if (node instanceof JArray) {
            if (node.items.length === 0) return p.push('[]');
            p.push('[');
            node.items.forEach((v, i) => {
                if (i > 0) p.push(',');
                this.newline(depth + 1);
                this.emit(v, depth + 1);
            });
            this.newline(depth);
            p.push(']');
        } else if (node instanceof JString) {
            p.push(quote(node.value));
        } else if (node instanceof JNumber) {
            p.push(node.text);
        } else if (node instanceof JBool) {
            p.push(node.value ? 'true' : 'false');
        } else {
            p.push('null');
        }
    }
}

module.exports = { Parser, Printer, quote };
